import { memo } from 'react';
import type { ServedRole } from '../../../shared/serving';
import { formatClockTime } from '../../use-now';
import type { AccountActions } from './use-account-actions';

interface ServedBarProps {
  /** This instance's served roles, in the order main lists them. */
  readonly served: readonly ServedRole[];
  readonly actions: AccountActions;
}

/**
 * The roles this instance hands to tools that do not speak SSO: each container endpoint and each section
 * Rolecall keeps in the shared credentials file, until when, and how to stop it.
 */
export const ServedBar = memo(function ServedBar({ served, actions }: ServedBarProps) {
  if (served.length === 0) return null;
  return (
    <div className="served-bar" role="group" aria-label="Served to other tools">
      <p className="served-title">Served to other tools</p>
      <ul className="served-list">
        {served.map((entry) => (
          <ServedEntry key={entry.key} entry={entry} actions={actions} />
        ))}
      </ul>
    </div>
  );
});

function ServedEntry({ entry, actions }: { readonly entry: ServedRole; readonly actions: AccountActions }) {
  const who = `${entry.accountName} as ${entry.roleName}`;
  return (
    <li className="served-entry" aria-label={`${who}, ${entry.kind === 'container' ? 'container endpoint' : `[${entry.profileName}] in the credentials file`}`}>
      <span className="served-what">
        <strong>{entry.accountName}</strong> as <strong>{entry.roleName}</strong>
        {' · '}
        {entry.kind === 'container' ? (
          <>
            containers at <code className="mono">{entry.url}</code>
          </>
        ) : (
          <>
            <code className="mono">[{entry.profileName}]</code> in <span className="mono" title={entry.file}>{entry.file}</span>
          </>
        )}
      </span>
      <span className="muted served-until">until {formatClockTime(entry.until)}, renewed while Rolecall runs</span>
      <span className="served-buttons">
        {entry.kind === 'container' && (
          <button type="button" className="link-button compact" aria-label={`Copy the export lines for ${who}`} onClick={() => actions.copyServeLines(entry.key)}>
            Copy lines
          </button>
        )}
        <button type="button" className="link-button compact" aria-label={`${entry.kind === 'container' ? 'Stop serving' : 'Take out of the file'} ${who}`} onClick={() => actions.stopServing(entry.key)}>
          {entry.kind === 'container' ? 'Stop' : 'Take out'}
        </button>
      </span>
    </li>
  );
}
