import type { DiscoveryStatus } from '../../../shared/accounts';
import { useNow } from '../../use-now';
import { failedRolesText, newText, progressOf, removedText, summaryOf } from './discovery-text';

interface DiscoveryStatusProps {
  readonly discovery: DiscoveryStatus;
  readonly signedIn: boolean;
  readonly accountCount: number;
  /** How many accounts the search matches; `null` with no search. */
  readonly matchCount: number | null;
  /** The summary's id, which the search box names as its description. */
  readonly summaryId: string;
  readonly newCount: number;
  readonly onCancel: () => void;
}

/** Where listing stands: the list's size and age, progress with a cancel, changes since the last list. */
export function DiscoveryStatusLine({ discovery, signedIn, accountCount, matchCount, summaryId, newCount, onCancel }: DiscoveryStatusProps) {
  // The age ("listed 3 minutes ago") moves on by itself.
  const now = useNow(15_000);
  const running = discovery.state === 'running';
  const progress = running ? progressOf(discovery) : null;
  const summary = summaryOf(accountCount, discovery.listedAt, now, matchCount);
  const changes = [newText(newCount), removedText(discovery.removed), failedRolesText(discovery.accountsFailed)].filter((t) => t !== null);
  return (
    <div className="account-status">
      {/* Polite, and without the progress (which changes many times a second): it announces outcomes, and
          while a search is typed how many accounts match ("2 of 15 accounts"), read whole. */}
      <p className="account-summary" id={summaryId} aria-live="polite" aria-atomic="true">
        {discovery.state === 'failed' ? (
          <span className="account-failure">{discovery.message ?? 'Listing the accounts failed.'}</span>
        ) : discovery.state === 'cancelled' ? (
          <span>Listing cancelled · {summary}</span>
        ) : !running || discovery.fromCache ? (
          <span>
            {summary}
            {/* While a background refresh runs, the list on screen is the cached one. */}
            {running && <span className="account-cache-tag"> · from cache</span>}
            {!signedIn && <span className="muted"> · sign in to refresh</span>}
          </span>
        ) : null}
      </p>
      {progress !== null && (
        <div className="account-progress">
          <span>{progress.text}</span>
          <div className="progress-track" role="progressbar" aria-label="Listing accounts" aria-valuemin={0} aria-valuemax={progress.max} aria-valuenow={progress.value ?? undefined} aria-valuetext={progress.text}>
            <div className={`progress-fill${progress.value === null ? ' indeterminate' : ''}`} style={progress.value === null ? undefined : { width: `${(progress.value / Math.max(1, progress.max)) * 100}%` }} />
          </div>
          <button type="button" className="link-button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      )}
      {changes.length > 0 && <p className="account-changes">{changes.join(' · ')}</p>}
    </div>
  );
}
