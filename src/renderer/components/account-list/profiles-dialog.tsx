import { useEffect, useId, useRef, useState } from 'react';
import type { RendererApi } from '../../../shared/ipc-contract';
import { PROFILE_TEMPLATE_CHOICES, type ProfilesPreview } from '../../../shared/profiles';
import { useAppSnapshot } from '../../app-context';
import { DesktopSettings } from '../desktop-settings';
import { ProfilesPreviewView } from './profiles-preview';

interface ProfilesDialogProps {
  readonly api: RendererApi;
  readonly instanceId: string;
  readonly onClose: () => void;
}

const SESSION_CHOICES: readonly { readonly value: string; readonly label: string }[] = [
  { value: '', label: 'As long as the credentials' },
  { value: '3600', label: '1 hour' },
  { value: '14400', label: '4 hours' },
  { value: '28800', label: '8 hours' },
  { value: '43200', label: '12 hours' },
];

/** The profile settings, "Generate profiles for all" with its preview, and the action settings. */
export function ProfilesDialog({ api, instanceId, onClose }: ProfilesDialogProps) {
  const snapshot = useAppSnapshot();
  const settings = snapshot?.settings;
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = { title: useId(), template: useId(), clipboard: useId(), session: useId() };
  const [template, setTemplate] = useState(settings?.profileNameTemplate ?? PROFILE_TEMPLATE_CHOICES[0]);
  const [problem, setProblem] = useState<string | null>(null);
  const [preview, setPreview] = useState<ProfilesPreview | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  const report = (result: { ok: true } | { ok: false; error: { message: string } }): boolean => {
    setProblem(result.ok ? null : result.error.message);
    return result.ok;
  };
  const saveTemplate = async (): Promise<void> => {
    // A changed template renames every profile, so a preview made before it is void.
    if (template === settings?.profileNameTemplate) return;
    setPreview(null);
    report(await api.setTerminalSettings({ profileNameTemplate: template }));
  };
  const showPreview = async (): Promise<void> => {
    setOutcome(null);
    const result = await api.previewProfiles({ id: instanceId });
    setPreview(result.ok ? result.value : null);
    report(result);
  };
  const write = async (): Promise<void> => {
    if (preview?.fingerprint === undefined) return;
    const result = await api.writeProfiles({ id: instanceId, fingerprint: preview.fingerprint });
    report(result);
    if (!result.ok) return;
    setPreview(null);
    setOutcome(result.value.kind === 'written' ? `Wrote ${result.value.total} profiles.` : 'The AWS config file changed since the preview. Preview again.');
  };
  return (
    <dialog ref={dialog} className="confirm-dialog profiles-dialog" aria-labelledby={ids.title} onCancel={onClose}>
      <h2 id={ids.title}>AWS CLI profiles and settings</h2>
      <div className="settings-grid">
        <label htmlFor={ids.template}>Profile names</label>
        <div className="settings-row">
          <input id={ids.template} className="mono" list={`${ids.template}-choices`} value={template} onChange={(e) => setTemplate(e.target.value)} onBlur={() => void saveTemplate()} />
          <datalist id={`${ids.template}-choices`}>
            {PROFILE_TEMPLATE_CHOICES.map((choice) => (
              <option key={choice} value={choice} />
            ))}
          </datalist>
        </div>
        <span />
        <p className="muted settings-hint">{'{role}, {accountId}, {account}, {alias}, {session}. The default is what aws configure sso suggests.'}</p>
        <span>Profile style</span>
        <div className="settings-row" role="radiogroup" aria-label="Profile style">
          {(['sso-session', 'legacy'] as const).map((style) => (
            <label key={style} className="radio">
              <input type="radio" name="profile-style" checked={settings?.profileStyle === style} onChange={() => void api.setTerminalSettings({ profileStyle: style }).then(report)} />
              {style === 'sso-session' ? 'sso-session (refreshes the sign-in)' : 'Legacy, for tools that predate [sso-session]'}
            </label>
          ))}
        </div>
        <label htmlFor={ids.clipboard}>Clear the clipboard after</label>
        <div className="settings-row">
          <input id={ids.clipboard} type="number" min={5} max={3600} defaultValue={settings?.clipboardClearSeconds ?? 60} onBlur={(e) => void api.setActionSettings({ clipboardClearSeconds: Number(e.target.value) }).then(report)} /> seconds
        </div>
        <label htmlFor={ids.session}>Console sessions last</label>
        <select id={ids.session} value={String(settings?.consoleSessionSeconds ?? '')} onChange={(e) => void api.setActionSettings({ consoleSessionSeconds: e.target.value === '' ? null : Number(e.target.value) }).then(report)}>
          {SESSION_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <h3>Notifications and desktop</h3>
      {snapshot !== null && <DesktopSettings api={api} snapshot={snapshot} report={setProblem} />}
      {problem !== null && (
        <p className="account-action-error" role="alert">
          {problem}
        </p>
      )}
      <h3>Generate profiles for all</h3>
      <p className="muted">One profile per account and role, in one block of ~/.aws/config that Rolecall owns and rewrites; nothing outside it changes.</p>
      {preview !== null && <ProfilesPreviewView preview={preview} />}
      {outcome !== null && <p role="status">{outcome}</p>}
      <div className="dialog-buttons">
        <button type="button" className="secondary-button" onClick={onClose}>
          Close
        </button>
        {preview === null ? (
          <button type="button" className="secondary-button" onClick={() => void showPreview()}>
            Preview changes
          </button>
        ) : (
          <button type="button" className="primary-button" onClick={() => void write()}>
            Write {preview.total} profiles
          </button>
        )}
      </div>
    </dialog>
  );
}
