import { describe, expect, it } from 'vitest';
import type { AppSnapshot } from '../../shared/snapshot';
import { DOCUMENTATION_URL } from './app-core';
import { createTestCore } from './core-test-support';

const makeCore = () => createTestCore({ now: () => 1_700_000_000_000 });

describe('the app core', () => {
  it('starts empty, with the app described', async () => {
    const { core } = await makeCore();
    const snapshot = await core.handlers.getSnapshot(undefined);
    expect(snapshot).toEqual({
      revision: expect.any(Number) as number,
      app: { name: 'Rolecall', version: '1.2.3', platform: 'linux x64' },
      instances: [],
      discovered: [],
      keychainAvailable: false,
      settings: {
        accountSort: 'name',
        credentialFormat: 'env',
        profileNameTemplate: '{role}-{accountId}',
        profileStyle: 'sso-session',
        clipboardClearSeconds: 60,
        expiryNoticeMinutes: 15,
        doNotDisturb: false,
        closeToTray: true,
        launchAtLogin: false,
      },
      activeProfile: null,
      served: [],
      notices: [],
    });
  });

  it('opens the documentation through the effects port and tells the person', async () => {
    const { core, effects } = await makeCore();
    const seen: AppSnapshot[] = [];
    const before = core.getSnapshot().revision;
    core.subscribe((s) => seen.push(s));
    await core.handlers.openDocumentation(undefined);
    expect(effects).toEqual([{ kind: 'open', url: DOCUMENTATION_URL }]);
    expect(seen.at(-1)?.notices.map((n) => n.text)).toEqual(['Opened the IAM Identity Center user guide in your browser.']);
    expect(seen.at(-1)?.revision).toBe(before + 1);
  });

  it('copies the version details and dismisses the notice on request', async () => {
    const { core, effects } = await makeCore();
    await core.handlers.copyAboutInfo(undefined);
    expect(effects).toEqual([{ kind: 'clipboard', text: 'Rolecall 1.2.3 (linux x64)' }]);
    const [notice] = core.getSnapshot().notices;
    await core.handlers.dismissNotice({ id: notice?.id ?? '' });
    expect(core.getSnapshot().notices).toEqual([]);
  });

  it('keeps only the five newest notices', async () => {
    const { core } = await makeCore();
    for (let i = 0; i < 8; i += 1) await core.handlers.copyAboutInfo(undefined);
    expect(core.getSnapshot().notices.map((n) => n.id)).toEqual(['n4', 'n5', 'n6', 'n7', 'n8']);
  });
});
