import { memo, useState } from 'react';
import type { ActiveProfile } from '../../../shared/profiles';
import { profileExportLine } from '../../../shared/profiles';
import type { CredentialFormat, RendererApi } from '../../../shared/ipc-contract';
import { ProfilesDialog } from './profiles-dialog';

interface TerminalBarProps {
  readonly api: RendererApi;
  readonly instanceId: string;
  /** The active default, when it is one of this instance's roles. */
  readonly active: ActiveProfile | null;
  /** The account's name as the list shows it. */
  readonly accountLabel: string | undefined;
  readonly credentialFormat: CredentialFormat;
}

/** Which account and role the AWS CLI uses by default, the line for a named profile, and the profile settings. */
export const TerminalBar = memo(function TerminalBar({ api, instanceId, active, accountLabel, credentialFormat }: TerminalBarProps) {
  const [settingsOpen, setSettingsOpen] = useState(false);
  const line = active?.profileName === undefined ? undefined : profileExportLine(credentialFormat, active.profileName);
  return (
    <div className="terminal-bar" aria-label="AWS CLI default profile" role="group">
      {active === null ? (
        <span className="muted">
          Terminal: choose <strong>Use in terminal</strong> in a role’s <span aria-hidden="true">⋯</span> menu to make it the AWS CLI’s default.
        </span>
      ) : (
        <span className="terminal-active">
          Terminal default: <strong>{accountLabel ?? active.accountId}</strong> as <strong>{active.roleName}</strong>
          {line !== undefined && active.profileName !== undefined && (
            <>
              {' · '}
              <code className="mono">{line}</code>
              <button type="button" className="link-button inline" aria-label={`Copy ${line}`} onClick={() => void api.copyProfileExport({ profileName: active.profileName ?? '' })}>
                Copy
              </button>
            </>
          )}
        </span>
      )}
      <button type="button" className="link-button compact" onClick={() => setSettingsOpen(true)}>
        Profiles &amp; settings…
      </button>
      {settingsOpen && <ProfilesDialog api={api} instanceId={instanceId} onClose={() => setSettingsOpen(false)} />}
    </div>
  );
});
