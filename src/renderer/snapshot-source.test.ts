import { describe, expect, it } from 'vitest';
import type { RendererApi } from '../shared/ipc-contract';
import type { AppSnapshot } from '../shared/snapshot';
import { createSnapshotSource } from './snapshot-source';

const snapshot = (revision: number): AppSnapshot => ({
  revision,
  app: { name: 'Rolecall', version: '0', platform: 'test' },
  instances: [],
  discovered: [],
  keychainAvailable: false,
  settings: { accountSort: 'name', credentialFormat: 'env', profileNameTemplate: '{role}-{accountId}', profileStyle: 'sso-session', clipboardClearSeconds: 60, expiryNoticeMinutes: 15, doNotDisturb: false, closeToTray: true, launchAtLogin: false },
  activeProfile: null,
  served: [],
  notices: [],
});

function fakeApi(first: AppSnapshot) {
  let push: (s: AppSnapshot) => void = () => {};
  const api = {
    getSnapshot: () => Promise.resolve({ ok: true as const, value: first }),
    onSnapshot: (listener: (s: AppSnapshot) => void) => {
      push = listener;
      return () => {};
    },
  } as unknown as RendererApi;
  return { api, push: (s: AppSnapshot) => push(s) };
}

describe('the snapshot source', () => {
  it('starts empty, then follows pushed snapshots and tells subscribers', async () => {
    const { api, push } = fakeApi(snapshot(1));
    const source = createSnapshotSource(api);
    let changes = 0;
    source.subscribe(() => (changes += 1));
    expect(source.getSnapshot()).toBeNull();
    for (let i = 0; i < 4; i += 1) await Promise.resolve();
    expect(source.getSnapshot()?.revision).toBe(1);
    push(snapshot(3));
    expect(source.getSnapshot()?.revision).toBe(3);
    expect(changes).toBe(2);
  });

  it('drops a snapshot older than the one it shows', async () => {
    const { api, push } = fakeApi(snapshot(2));
    const source = createSnapshotSource(api);
    push(snapshot(5));
    await Promise.resolve();
    await Promise.resolve();
    expect(source.getSnapshot()?.revision).toBe(5);
  });
});
