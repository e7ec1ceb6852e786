import type { OrderedAccount } from './account-order';
import { HighlightedText } from './highlighted-text';

/** An account's display name (with its real name beside an alias), the New badge, its id and email. */
export function AccountNames({ account, words }: { readonly account: OrderedAccount; readonly words: readonly string[] }) {
  const { view, displayName } = account;
  return (
    <div className="account-main">
      <div className="account-title">
        <span className="account-name">
          <HighlightedText text={displayName} words={words} />
        </span>
        {displayName !== view.accountName && (
          <span className="account-real-name">
            <HighlightedText text={view.accountName} words={words} />
          </span>
        )}
        {view.isNew && <span className="badge-new">New</span>}
      </div>
      <div className="account-meta">
        <span className="mono">
          <HighlightedText text={view.accountId} words={words} />
        </span>
        {view.emailAddress !== '' && (
          <span className="account-email">
            <HighlightedText text={view.emailAddress} words={words} />
          </span>
        )}
      </div>
    </div>
  );
}
