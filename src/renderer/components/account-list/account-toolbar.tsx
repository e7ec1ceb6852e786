import { memo, useId } from 'react';
import type { AccountSort, DiscoveryStatus } from '../../../shared/accounts';
import { useNow } from '../../use-now';
import { failedRolesText, newText, progressOf, removedText, summaryOf } from './discovery-text';
import type { AccountActions } from './use-account-actions';

interface AccountToolbarProps {
  readonly discovery: DiscoveryStatus;
  readonly signedIn: boolean;
  readonly accountCount: number;
  readonly newCount: number;
  readonly sort: AccountSort;
  readonly actions: AccountActions;
}

/** Sort, where listing stands (progress, age, changes, failure) and refresh; memoized so typing skips it. */
export const AccountToolbar = memo(function AccountToolbar({ discovery, signedIn, accountCount, newCount, sort, actions }: AccountToolbarProps) {
  const sortId = useId();
  const now = useNow(15_000);
  const running = discovery.state === 'running';
  const progress = running ? progressOf(discovery) : null;
  // While a background refresh runs over the cached list, the list on screen is the cached one.
  const showSummary = !running || discovery.fromCache;
  const changes = [newText(newCount), removedText(discovery.removed), failedRolesText(discovery.accountsFailed)].filter((t) => t !== null);
  return (
    <div className="account-toolbar">
      <div className="account-status">
        <p className="account-summary" aria-live="polite">
          {discovery.state === 'failed' ? (
            <span className="account-failure">{discovery.message ?? 'Listing the accounts failed.'}</span>
          ) : discovery.state === 'cancelled' ? (
            <span>Listing cancelled · {summaryOf(accountCount, discovery.listedAt, now)}</span>
          ) : showSummary ? (
            <span>
              {summaryOf(accountCount, discovery.listedAt, now)}
              {discovery.fromCache && running && <span className="account-cache-tag"> · from cache</span>}
              {!signedIn && <span className="muted"> · sign in to refresh</span>}
            </span>
          ) : null}
        </p>
        {progress !== null && (
          <div className="account-progress">
            <span>{progress.text}</span>
            <div
              className="progress-track"
              role="progressbar"
              aria-label="Listing accounts"
              aria-valuemin={0}
              aria-valuemax={progress.max}
              aria-valuenow={progress.value ?? undefined}
              aria-valuetext={progress.text}
            >
              <div className={`progress-fill${progress.value === null ? ' indeterminate' : ''}`} style={progress.value === null ? undefined : { width: `${(progress.value / Math.max(1, progress.max)) * 100}%` }} />
            </div>
            <button type="button" className="link-button" onClick={actions.cancel}>
              Cancel
            </button>
          </div>
        )}
        {changes.length > 0 && <p className="account-changes">{changes.join(' · ')}</p>}
      </div>
      <div className="account-toolbar-actions">
        <label htmlFor={sortId} className="account-sort-label">
          Sort
        </label>
        <select id={sortId} value={sort} onChange={(e) => actions.sortBy(e.target.value === 'recent' ? 'recent' : 'name')}>
          <option value="name">Name</option>
          <option value="recent">Recently used</option>
        </select>
        {signedIn && !running && (
          <button type="button" className="secondary-button compact" onClick={actions.refresh}>
            {discovery.state === 'failed' ? 'Retry' : 'Refresh'}
          </button>
        )}
      </div>
    </div>
  );
});
