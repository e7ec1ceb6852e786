import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { AppSettings, AppSnapshot } from '../../shared/snapshot';
import { emptyPersistedState } from '../core/persistence/persisted-state';
import { createSnapshotStore } from '../core/snapshot-store';
import { buildTrayMenu } from '../core/tray/tray-menu';
import { trayInstance } from '../core/tray/tray-test-support';
import { dispatchRequest, type RequestHandlers } from '../ipc/dispatch';
import { unusedInstanceHandlers } from '../ipc/handlers-test-support';
import { UserFacingError } from '../core/user-facing-error';
import { startDesktopController, TRAY_CLOCK_MS, TRAY_SETTLE_MS } from './desktop-controller';

const NOW = Date.UTC(2026, 11, 6, 9, 0, 0);
const silent = { info: () => {}, warn: () => {}, error: () => {} };

function harness(options: { taken?: string[]; platform?: string } = {}) {
  const store = createSnapshotStore({
    app: { name: 'Rolecall', version: '1.0.0', platform: 'linux x64' },
    instances: [],
    discovered: [],
    keychainAvailable: true,
    settings: emptyPersistedState.settings,
    activeProfile: null,
    served: [],
    notices: [],
  });
  const timers: { run: () => void; ms: number }[] = [];
  const flush = async (): Promise<void> => {
    const settling = timers.filter((t) => t.ms === TRAY_SETTLE_MS);
    timers.splice(0, timers.length, ...timers.filter((t) => t.ms !== TRAY_SETTLE_MS));
    for (const timer of settling) timer.run();
    await new Promise((resolve) => setImmediate(resolve));
  };
  const trayLog: string[] = [];
  let menu: MenuItemConstructorOptions[] = [];
  const registered: string[] = [];
  const warnings: string[] = [];
  const launch: boolean[] = [];
  const shellLog: string[] = [];
  const opened: string[] = [];
  const handlers: RequestHandlers = {
    ...unusedInstanceHandlers,
    getSnapshot: () => Promise.resolve(store.get()),
    openDocumentation: () => Promise.resolve(null),
    copyAboutInfo: () => Promise.resolve(null),
    dismissNotice: () => Promise.resolve(null),
    openConsole: (role) => (opened.push(`${role.accountId}/${role.roleName}`), Promise.resolve(null)),
    copyCredentials: () => Promise.reject(new UserFacingError('Sign in to Work again to copy credentials.')),
  };
  const controller = startDesktopController(
    {
      getSnapshot: () => store.get(),
      subscribe: (listener) => store.subscribe(listener),
      subscribeAccounts: () => () => {},
      trayMenu: () => Promise.resolve(buildTrayMenu({ snapshot: store.get(), accounts: [], now: NOW })),
      dispatch: (name, input) => dispatchRequest(handlers, name, input, silent),
      warn: (message) => warnings.push(message),
    },
    {
      platform: options.platform ?? 'linux',
      assetsDir: '/assets',
      tray: {
        setMenu: (template) => ((menu = template), trayLog.push('menu')),
        setImage: (file) => trayLog.push(`image ${file}`),
        setToolTip: (text) => trayLog.push(`tooltip ${text}`),
      },
      shortcuts: {
        register: (accelerator) => (options.taken ?? []).includes(accelerator) ? false : (registered.push(accelerator), true),
        unregister: (accelerator) => registered.splice(registered.indexOf(accelerator), 1),
      },
      openSwitcher: () => shellLog.push('switcher'),
      applyLaunchAtLogin: (value) => (launch.push(value), Promise.resolve()),
      shell: { openWindow: () => shellLog.push('window'), quit: () => shellLog.push('quit'), showFailure: (m) => shellLog.push(`failure: ${m}`) },
      schedule: (run, ms) => void timers.push({ run, ms }),
    },
  );
  const setSettings = (change: Partial<AppSettings>): void => store.update((s) => ({ ...s, settings: { ...s.settings, ...change } }));
  const setInstances = (instances: AppSnapshot['instances']): void => store.update((s) => ({ ...s, instances }));
  return { controller, flush, timers, trayLog, menu: () => menu, registered, warnings, launch, shellLog, opened, setSettings, setInstances };
}

const instance = (status: AppSnapshot['instances'][number]['status']) => trayInstance('i1', 'Work', status);

describe('startDesktopController', () => {
  it('builds the tray from the model once a burst of changes settles, and changes the icon and tooltip only with the state', async () => {
    const h = harness();
    await h.flush();
    expect(h.trayLog).toEqual(['menu', 'image /assets/tray/tray-idle.png', 'tooltip Rolecall']);
    h.setInstances([instance({ kind: 'signedOut' })]);
    h.setInstances([instance({ kind: 'signedOut' })]);
    await h.flush();
    expect(h.trayLog.slice(3)).toEqual(['menu', 'image /assets/tray/tray-needs-sign-in.png', 'tooltip Rolecall: 1 of 1 need sign-in']);
    h.setInstances([instance({ kind: 'signedIn', expiresAt: NOW + 3_600_000 })]);
    await h.flush();
    expect(h.trayLog.slice(6)).toEqual(['menu', 'image /assets/tray/tray.png', 'tooltip Rolecall: signed in']);
    // With nothing changing, the clock rebuilds the menu each minute (time left stays true); the picture stays.
    const clock = h.timers.find((t) => t.ms === TRAY_CLOCK_MS);
    expect(clock).toBeDefined();
    clock?.run();
    await h.flush();
    expect(h.trayLog.slice(9)).toEqual(['menu']);
    h.controller.dispose();
  });

  it("runs a menu item's intent through the dispatcher and shows a failure, since the window may be hidden", async () => {
    const h = harness();
    await h.flush();
    const quit = h.menu().find((item) => item.id === 'quit');
    (quit?.click as () => void)();
    expect(h.shellLog).toEqual(['quit']);
    const { runTrayIntent } = await import('./tray-intents');
    const dispatch = (name: Parameters<Parameters<typeof runTrayIntent>[0]>[0], input: unknown) =>
      dispatchRequest({ ...unusedInstanceHandlers, copyCredentials: () => Promise.reject(new UserFacingError('Sign in to Work again.')) } as unknown as RequestHandlers, name, input, silent);
    const shellLog: string[] = [];
    const shell = { openWindow: () => {}, quit: () => {}, showFailure: (m: string) => shellLog.push(m) };
    await runTrayIntent(dispatch, { kind: 'copyCredentials', role: { id: 'i1', accountId: '100000000001', roleName: 'Admin' } }, shell);
    // A role the schema refuses never reaches a handler.
    await runTrayIntent(dispatch, { kind: 'openConsole', role: { id: 'i1', accountId: 'not-an-id', roleName: 'Admin' } }, shell);
    expect(shellLog).toEqual(['Sign in to Work again.', 'Rolecall could not read that request.']);
  });

  it('keeps the shortcut as the settings say and says when another app holds it', () => {
    const h = harness({ taken: ['Control+Alt+K'] });
    expect(h.registered).toEqual(['Control+Alt+Space']);
    h.setSettings({ quickSwitcherShortcut: 'Control+Alt+K' });
    expect(h.registered).toEqual([]);
    expect(h.warnings).toEqual([expect.stringContaining('Control+Alt+K is in use by another app')]);
    h.setSettings({ quickSwitcherShortcut: '' });
    h.setSettings({ quickSwitcherShortcut: 'Control+Shift+R' });
    expect(h.registered).toEqual(['Control+Shift+R']);
    expect(harness({ platform: 'darwin' }).registered).toEqual(['Command+Shift+Space']);
  });

  it('applies launch at login at start and again only when the setting changes', () => {
    const h = harness();
    h.setSettings({ doNotDisturb: true });
    h.setSettings({ launchAtLogin: true });
    h.setSettings({ doNotDisturb: false });
    h.setSettings({ launchAtLogin: false });
    expect(h.launch).toEqual([false, true, false]);
  });
});
