import { AccountListMessage } from './account-list-message';

/** The designed states of the list when there are no rows to show. */
export type PlaceholderKind =
  | { readonly kind: 'loading' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'notListed' }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'noMatch'; readonly query: string };

interface AccountListPlaceholderProps {
  readonly state: PlaceholderKind;
  readonly onRefresh: () => void;
  readonly onClearSearch: () => void;
}

const SKELETON_ROWS = 6;

/** Skeleton rows while listing, and a message with its one next step for every other empty state. */
export function AccountListPlaceholder({ state, onRefresh, onClearSearch }: AccountListPlaceholderProps) {
  switch (state.kind) {
    case 'loading':
      return (
        <div className="account-skeleton" aria-hidden="true">
          {Array.from({ length: SKELETON_ROWS }, (_, i) => (
            <div key={i} className="skeleton-row">
              <span className="skeleton-bar wide" />
              <span className="skeleton-bar" />
              <span className="skeleton-chips" />
            </div>
          ))}
        </div>
      );
    case 'empty':
      return (
        <AccountListMessage title="This identity has no accounts assigned" action="Refresh" onAction={onRefresh}>
          Ask your administrator to assign you an account and a permission set in IAM Identity Center, then refresh.
        </AccountListMessage>
      );
    case 'notListed':
      return (
        <AccountListMessage title="Accounts not listed yet" action="List accounts" onAction={onRefresh}>
          Rolecall lists every account and role you can use; it takes a few seconds, longer for big organizations.
        </AccountListMessage>
      );
    case 'cancelled':
      return (
        <AccountListMessage title="Listing cancelled" action="List accounts" onAction={onRefresh}>
          Listing stopped before any account arrived. List again whenever you’re ready.
        </AccountListMessage>
      );
    case 'error':
      return (
        <AccountListMessage title="Couldn’t list the accounts" action="Retry" onAction={onRefresh} alert>
          {state.message}
        </AccountListMessage>
      );
    case 'noMatch':
      return (
        <AccountListMessage title={`No account or role matches “${state.query.trim()}”`} action="Clear search" onAction={onClearSearch}>
          Search looks at account names, ids, emails, aliases and role names; every word must match somewhere.
        </AccountListMessage>
      );
  }
}
