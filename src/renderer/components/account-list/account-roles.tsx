import type { OrderedAccount } from './account-order';
import { HighlightedText } from './highlighted-text';
import type { AccountActions } from './use-account-actions';

interface AccountRolesProps {
  readonly account: OrderedAccount;
  readonly words: readonly string[];
  readonly tabIndex: number;
  readonly actions: AccountActions;
}

/** An account's roles as buttons, or where reading them stands. */
export function AccountRoles({ account, words, tabIndex, actions }: AccountRolesProps) {
  const { view, displayName } = account;
  if (view.roles.length === 0) {
    switch (view.rolesState) {
      case 'loading':
        return <div className="account-roles muted">Loading roles…</div>;
      case 'loaded':
        return <div className="account-roles muted">No roles</div>;
      case 'failed':
        break;
    }
  }
  return (
    <div className="account-roles">
      {view.roles.map((role) => (
        // The primary action per role comes later; for now a role opens its account (which reads roles first).
        <button key={role} type="button" className="role-chip" tabIndex={tabIndex} aria-label={`${role} in ${displayName}`} onClick={() => actions.open(view.accountId)}>
          <HighlightedText text={role} words={words} />
        </button>
      ))}
      {view.rolesState === 'failed' && (
        <span className="roles-failed">
          Couldn’t read roles —{' '}
          <button type="button" className="link-button inline" tabIndex={tabIndex} aria-label={`Retry reading the roles of ${displayName}`} onClick={() => actions.retry(view.accountId)}>
            Retry
          </button>
        </span>
      )}
    </div>
  );
}
