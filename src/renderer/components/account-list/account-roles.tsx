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
        <span key={role} className="role-group">
          <button
            type="button"
            className="role-chip"
            tabIndex={tabIndex}
            aria-label={`Open the AWS console for ${displayName} as ${role}`}
            title="Open the AWS console"
            onClick={() => actions.openConsole(view.accountId, role)}
            onContextMenu={(event) => {
              event.preventDefault();
              actions.openMenu(view.accountId, role, event.currentTarget);
            }}
          >
            <HighlightedText text={role} words={words} />
          </button>
          <button
            type="button"
            className="role-copy"
            tabIndex={tabIndex}
            aria-label={`Copy credentials for ${displayName} as ${role} for a shell`}
            title="Copy export lines for a shell"
            onClick={() => actions.copyCredentials(view.accountId, role)}
          >
            {/* The icon is drawn by CSS (account-list.css): no elements inside, since every visible row has one per role. */}
          </button>
          <button
            type="button"
            className="role-more"
            tabIndex={tabIndex}
            aria-haspopup="dialog"
            aria-label={`More for ${displayName} as ${role}: console destination, side-by-side window, formats, use in terminal`}
            title="More: where to open, formats, use in terminal"
            onClick={(event) => actions.openMenu(view.accountId, role, event.currentTarget)}
          >
            {/* The glyph is the button's text; its aria-label is what a screen reader says. */}
            ⋯
          </button>
        </span>
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
