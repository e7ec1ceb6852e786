import { useId, useState } from 'react';
import { defaultSwitcherShortcut, platformOf, switcherShortcut } from '../../shared/desktop-shortcuts';
import type { DesktopSettingsChange, RendererApi } from '../../shared/ipc-contract';
import type { AppSnapshot } from '../../shared/snapshot';

const LEAD_CHOICES = [5, 10, 15, 30, 60] as const;

interface DesktopSettingsProps {
  readonly api: RendererApi;
  readonly snapshot: AppSnapshot;
  /** Says what went wrong, or clears it (null). */
  readonly report: (problem: string | null) => void;
}

/** Notifications, the quick switcher's shortcut, the tray and launch at login. */
export function DesktopSettings({ api, snapshot, report }: DesktopSettingsProps) {
  const { settings } = snapshot;
  const ids = { lead: useId(), shortcut: useId() };
  const platform = platformOf(snapshot.app.platform);
  const fallback = defaultSwitcherShortcut(platform);
  const inForce = switcherShortcut(settings.quickSwitcherShortcut, platform);
  const [shortcut, setShortcut] = useState(inForce ?? fallback);
  const change = async (next: DesktopSettingsChange) => {
    const result = await api.setDesktopSettings(next);
    report(result.ok ? null : result.error.message);
  };
  const saveShortcut = (text: string, on: boolean) => {
    const trimmed = text.trim();
    void change({ quickSwitcherShortcut: !on ? '' : trimmed === '' || trimmed === fallback ? null : trimmed });
  };
  return (
    <div className="settings-grid">
      <label htmlFor={ids.lead}>Warn before a sign-in ends</label>
      <select id={ids.lead} value={String(settings.expiryNoticeMinutes)} onChange={(e) => void change({ expiryNoticeMinutes: Number(e.target.value) })}>
        {[...new Set([...LEAD_CHOICES, settings.expiryNoticeMinutes])]
          .sort((a, b) => a - b)
          .map((minutes) => (
            <option key={minutes} value={minutes}>
              {minutes} minutes
            </option>
          ))}
      </select>
      <span>Notifications</span>
      <label className="checkbox">
        <input type="checkbox" checked={settings.doNotDisturb} onChange={(e) => void change({ doNotDisturb: e.target.checked })} />
        Do not disturb (notices stay in the window only)
      </label>
      <label htmlFor={ids.shortcut}>Quick switcher</label>
      <div className="settings-row">
        <label className="checkbox">
          <input type="checkbox" checked={inForce !== null} aria-label="Quick switcher shortcut on" onChange={(e) => saveShortcut(shortcut, e.target.checked)} />
          On
        </label>
        <input
          id={ids.shortcut}
          className="mono"
          value={shortcut}
          disabled={inForce === null}
          placeholder={fallback}
          onChange={(e) => setShortcut(e.target.value)}
          onBlur={() => saveShortcut(shortcut, true)}
        />
      </div>
      <span>Window</span>
      <label className="checkbox">
        <input type="checkbox" checked={settings.closeToTray} onChange={(e) => void change({ closeToTray: e.target.checked })} />
        Keep Rolecall in the tray when its window closes
      </label>
      <span>Start-up</span>
      <label className="checkbox">
        <input type="checkbox" checked={settings.launchAtLogin} onChange={(e) => void change({ launchAtLogin: e.target.checked })} />
        Start Rolecall at login, hidden in the tray
      </label>
    </div>
  );
}
