import { memo, type KeyboardEvent } from 'react';
import { AccountEditor, colourName } from './account-editor';
import { primaryRole, type OrderedAccount } from './account-order';
import { AccountNames } from './account-names';
import { AccountRoles } from './account-roles';
import type { AccountActions } from './use-account-actions';

interface AccountRowProps {
  readonly account: OrderedAccount;
  readonly index: number;
  readonly start: number;
  readonly position: number;
  readonly setSize: number;
  readonly words: readonly string[];
  /** The row the keyboard is on: the one row (and its controls) in the Tab order. */
  readonly active: boolean;
  readonly editing: boolean;
  readonly actions: AccountActions;
  readonly measureRef: (element: HTMLElement | null) => void;
  readonly onActivate: (key: string) => void;
  readonly onEdit: (key: string | null) => void;
}

/** What a screen reader says when the row gets focus. */
function rowLabel(account: OrderedAccount): string {
  const { view } = account;
  const parts = [account.displayName];
  if (account.displayName !== view.accountName) parts.push(view.accountName);
  parts.push(view.accountId, view.rolesState === 'loaded' ? `${view.roles.length} ${view.roles.length === 1 ? 'role' : 'roles'}` : '');
  if (view.prefs.favourite === true) parts.push('favourite');
  if (view.isNew) parts.push('new');
  return parts.filter((p) => p !== '').join(', ');
}

/** One account: colour, favourite star, names, id, email, its roles as buttons, and the alias editor. */
export const AccountRow = memo(function AccountRow(props: AccountRowProps) {
  const { account, index, start, position, setSize, words, active, editing, actions, measureRef, onActivate, onEdit } = props;
  const { view, displayName } = account;
  const tabIndex = active ? 0 : -1;
  const editorId = `account-editor-${view.accountId}`;
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Enter' && event.target === event.currentTarget) {
      event.preventDefault();
      // The primary action: the console, for the account's only role or the role last used in it;
      // otherwise its roles are read first and the person picks one.
      const role = primaryRole(view.roles, view.prefs.lastRole);
      if (role !== undefined) actions.openConsole(view.accountId, role);
      else actions.open(view.accountId);
    }
  };
  return (
    <div
      ref={measureRef}
      role="listitem"
      className={`account-row${active ? ' active' : ''}${editing ? ' editing' : ''}`}
      data-index={index}
      data-key={view.accountId}
      tabIndex={tabIndex}
      aria-setsize={setSize}
      aria-posinset={position}
      aria-label={rowLabel(account)}
      style={{ transform: `translateY(${start}px)` }}
      onFocus={() => onActivate(view.accountId)}
      onKeyDown={onKeyDown}
    >
      <span className={`account-colour colour-${view.prefs.colour ?? 'none'}`} title={view.prefs.colour === undefined ? undefined : colourName(view.prefs.colour)} aria-hidden="true" />
      <button type="button" className="star-button" tabIndex={tabIndex} aria-pressed={view.prefs.favourite === true} aria-label={`Favourite ${displayName}`} title={view.prefs.favourite === true ? 'Unpin from favourites' : 'Pin to favourites'} onClick={() => actions.setFavourite(view.accountId, view.prefs.favourite !== true)}>
        {/* Glyphs as the buttons' own text (their aria-labels name them): fewer elements in every row. */}
        {view.prefs.favourite === true ? '★' : '☆'}
      </button>
      <AccountNames account={account} words={words} />
      <AccountRoles account={account} words={words} tabIndex={tabIndex} actions={actions} />
      <button type="button" className="icon-button edit-button" tabIndex={tabIndex} aria-expanded={editing} aria-controls={editing ? editorId : undefined} aria-label={`Edit alias and colour of ${displayName}`} title="Alias and colour" onClick={() => onEdit(editing ? null : view.accountId)}>
        ✎
      </button>
      {editing && <AccountEditor id={editorId} accountName={view.accountName} alias={view.prefs.alias} colour={view.prefs.colour} onSave={(look) => actions.setLook(view.accountId, look)} onClose={() => onEdit(null)} />}
    </div>
  );
});
