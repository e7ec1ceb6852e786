import { memo, useId } from 'react';
import type { AccountSort, DiscoveryStatus } from '../../../shared/accounts';
import { credentialFormats } from '../../../shared/credential-formats';
import type { CredentialFormat } from '../../../shared/ipc-contract';
import { DiscoveryStatusLine } from './discovery-status-line';
import type { AccountActions } from './use-account-actions';

interface AccountToolbarProps {
  readonly discovery: DiscoveryStatus;
  readonly signedIn: boolean;
  readonly accountCount: number;
  readonly matchCount: number | null;
  readonly summaryId: string;
  readonly newCount: number;
  readonly sort: AccountSort;
  readonly credentialFormat: CredentialFormat;
  readonly actions: AccountActions;
}

/** Where listing stands (and how many accounts the search matches), the sort, and refresh; memoized, so a keystroke re-renders it only when the count changes. */
export const AccountToolbar = memo(function AccountToolbar({ discovery, signedIn, accountCount, matchCount, summaryId, newCount, sort, credentialFormat, actions }: AccountToolbarProps) {
  const sortId = useId();
  const formatId = useId();
  return (
    <div className="account-toolbar">
      <DiscoveryStatusLine discovery={discovery} signedIn={signedIn} accountCount={accountCount} matchCount={matchCount} summaryId={summaryId} newCount={newCount} onCancel={actions.cancel} />
      <div className="account-toolbar-actions">
        <label htmlFor={sortId} className="account-sort-label">
          Sort
        </label>
        <select id={sortId} value={sort} onChange={(e) => actions.sortBy(e.target.value === 'recent' ? 'recent' : 'name')}>
          <option value="name">Name</option>
          <option value="recent">Recently used</option>
        </select>
        <label htmlFor={formatId} className="account-sort-label">
          Copy as
        </label>
        <select id={formatId} value={credentialFormat} onChange={(e) => actions.setCredentialFormat(e.target.value)}>
          {credentialFormats.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
        </select>
        {/* Listing needs a sign-in; while it runs, Cancel is the action. */}
        {signedIn && discovery.state !== 'running' && (
          <button type="button" className="secondary-button compact" onClick={actions.refresh}>
            {discovery.state === 'failed' ? 'Retry' : 'Refresh'}
          </button>
        )}
      </div>
    </div>
  );
});
