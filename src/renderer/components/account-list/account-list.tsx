import { useId } from 'react';
import type { InstanceSummary } from '../../../shared/snapshot';
import { useAppSnapshot, useRendererApi } from '../../app-context';
import '../../account-list.css';
import { resolveActiveIndex } from './account-order';
import { AccountListPlaceholder } from './account-list-placeholder';
import { AccountRows } from './account-rows';
import { AccountSearchBox } from './account-search-box';
import { AccountToolbar } from './account-toolbar';
import { useAccountActions } from './use-account-actions';
import { useAccountListModel } from './use-account-list-model';
import { useListFocus } from './use-list-focus';

/**
 * The accounts and roles of one instance: search, sort and discovery status on top, the virtualized list
 * below. Renders nothing for a signed-out instance with no list yet.
 */
export function AccountList({ instance }: { readonly instance: InstanceSummary }) {
  const api = useRendererApi();
  const settings = useAppSnapshot()?.settings;
  const sort = settings?.accountSort ?? 'name';
  const credentialFormat = settings?.credentialFormat ?? 'env';
  const focus = useListFocus();
  const model = useAccountListModel(api, instance, sort, focus.query);
  const { actions, failure, dismiss } = useAccountActions(api, instance.id);
  const listId = useId();
  if (model.state.kind === 'hidden') return null;
  const showList = model.state.kind === 'list';
  return (
    <section className="card account-list" aria-label={`Accounts of ${instance.sessionName}`}>
      {showList && <AccountSearchBox query={focus.query} inputRef={focus.searchRef} listId={listId} resultText={model.resultText} onChange={focus.search} onEnterList={focus.focusList} />}
      {(showList || model.state.kind === 'loading') && (
        <AccountToolbar discovery={instance.discovery} signedIn={instance.status.kind === 'signedIn'} accountCount={model.accounts.length} newCount={model.newCount} sort={sort} credentialFormat={credentialFormat} actions={actions} />
      )}
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
    </section>
  );
}
