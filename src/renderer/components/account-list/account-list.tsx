import { useId, useMemo } from 'react';
import type { ServedRole } from '../../../shared/serving';
import type { InstanceSummary } from '../../../shared/snapshot';
import { useAppSnapshot, useRendererApi } from '../../app-context';
import '../../account-list.css';
import { resolveActiveIndex, type ListRow } from './account-order';
import { AccountListPlaceholder } from './account-list-placeholder';
import { AccountRows } from './account-rows';
import { AccountSearchBox } from './account-search-box';
import { AccountToolbar } from './account-toolbar';
import { DefaultProfileDialog } from './default-profile-dialog';
import { ForeignSectionDialog } from './foreign-section-dialog';
import { ServedBar } from './served-bar';
import { TerminalBar } from './terminal-bar';
import { RoleMenu } from './role-menu';
import { useAccountActions, type AccountActions, type OpenRoleMenu } from './use-account-actions';
import type { CredentialFormat } from '../../../shared/ipc-contract';
import { useAccountListModel } from './use-account-list-model';
import { useListFocus } from './use-list-focus';

/**
 * The accounts and roles of one instance: search, sort and discovery status on top, the virtualized list
 * below. Renders nothing for a signed-out instance with no list yet.
 */
export function AccountList({ instance }: { readonly instance: InstanceSummary }) {
  const api = useRendererApi();
  const snapshot = useAppSnapshot();
  const settings = snapshot?.settings;
  const active = snapshot?.activeProfile?.instanceId === instance.id ? snapshot.activeProfile : null;
  const sort = settings?.accountSort ?? 'name';
  const credentialFormat = settings?.credentialFormat ?? 'env';
  const focus = useListFocus();
  const model = useAccountListModel(api, instance, sort, focus.query);
  const { actions, failure, dismiss, menu, closeMenu, confirmation, closeConfirmation, foreignSection, closeForeignSection } = useAccountActions(api, instance.id);
  const served = useServedBy(snapshot?.served, instance.id);
  const listId = useId();
  const summaryId = useId();
  if (model.state.kind === 'hidden') return null;
  const showList = model.state.kind === 'list';
  return (
    <section className="card account-list" aria-label={`Accounts of ${instance.sessionName}`}>
      {showList && <AccountSearchBox query={focus.query} inputRef={focus.searchRef} listId={listId} summaryId={summaryId} onChange={focus.search} onEnterList={focus.focusList} />}
      {(showList || model.state.kind === 'loading') && (
        <AccountToolbar discovery={instance.discovery} signedIn={instance.status.kind === 'signedIn'} accountCount={model.accountCount} matchCount={model.searchMatchCount} summaryId={summaryId} newCount={model.newCount} sort={sort} credentialFormat={credentialFormat} actions={actions} />
      )}
      {(showList || model.state.kind === 'loading') && instance.tokenStorage === 'aws-cli' && (
        <TerminalBar api={api} instanceId={instance.id} active={active} accountLabel={active === null ? undefined : displayNameOf(model.rows, active.accountId)} credentialFormat={credentialFormat} />
      )}
      {(showList || model.state.kind === 'loading') && <ServedBar served={served} actions={actions} />}
      {failure !== null && (
        <p className="account-action-error" role="alert">
          {failure}{' '}
          <button type="button" className="link-button inline" onClick={dismiss}>
            Dismiss
          </button>
        </p>
      )}
      {!showList ? (
        <AccountListPlaceholder state={model.state} onRefresh={actions.refresh} onClearSearch={focus.clearSearch} />
      ) : model.rows.length === 0 ? (
        <AccountListPlaceholder state={{ kind: 'noMatch', query: focus.query }} onRefresh={actions.refresh} onClearSearch={focus.clearSearch} />
      ) : (
        <AccountRows
          listId={listId}
          rows={model.rows}
          matchCount={model.matchCount}
          words={model.words}
          activeIndex={resolveActiveIndex(model.rows, focus.activeKey)}
          editingKey={focus.editingKey}
          focusTick={focus.focusTick}
          scrollerRef={focus.scrollerRef}
          actions={actions}
          onActivate={focus.activate}
          onNavigate={focus.navigate}
          onEdit={focus.edit}
          onLeave={focus.backToSearch}
          onScrolled={focus.scrolled}
        />
      )}
      {menu !== null && <OpenMenu menu={menu} rows={model.rows} region={instance.region} credentialFormat={credentialFormat} actions={actions} onClose={closeMenu} />}
      {confirmation !== null && (
        <DefaultProfileDialog
          confirmation={confirmation}
          accountLabel={displayNameOf(model.rows, confirmation.accountId)}
          onCancel={closeConfirmation}
          onReplace={() => {
            closeConfirmation();
            actions.useInTerminal(confirmation.accountId, confirmation.roleName, true);
          }}
        />
      )}
      {foreignSection !== null && (
        <ForeignSectionDialog
          confirmation={foreignSection}
          accountLabel={displayNameOf(model.rows, foreignSection.accountId)}
          onCancel={closeForeignSection}
          onReplace={() => {
            closeForeignSection();
            actions.keepInCredentialsFile(foreignSection.accountId, foreignSection.roleName, true);
          }}
        />
      )}
    </section>
  );
}

const NOTHING_SERVED: readonly ServedRole[] = [];

/** This instance's served roles, the same array while they do not change (the bar is memoized). */
function useServedBy(served: readonly ServedRole[] | undefined, instanceId: string): readonly ServedRole[] {
  return useMemo(() => {
    const mine = served?.filter((s) => s.instanceId === instanceId) ?? NOTHING_SERVED;
    return mine.length === 0 ? NOTHING_SERVED : mine;
  }, [served, instanceId]);
}

function findAccount(rows: readonly ListRow[], accountId: string) {
  for (const row of rows) if (row.kind === 'account' && row.account.view.accountId === accountId) return row.account;
  return undefined;
}

function displayNameOf(rows: readonly ListRow[], accountId: string): string {
  return findAccount(rows, accountId)?.displayName ?? accountId;
}

interface OpenMenuProps {
  readonly menu: OpenRoleMenu;
  readonly rows: readonly ListRow[];
  readonly region: string;
  readonly credentialFormat: CredentialFormat;
  readonly actions: AccountActions;
  readonly onClose: () => void;
}

/** The role menu for the account it was opened on, while that account is still in the list. */
function OpenMenu({ menu, rows, region, credentialFormat, actions, onClose }: OpenMenuProps) {
  const account = findAccount(rows, menu.accountId);
  if (account === undefined) return null;
  return (
    <RoleMenu
      target={{ account: account.view, displayName: account.displayName, roleName: menu.roleName, anchor: menu.anchor }}
      defaultRegion={region}
      credentialFormat={credentialFormat}
      actions={actions}
      onClose={onClose}
    />
  );
}
