/**
 * The controller's terminal watch against a sign-out in the app: a read of the token file that began
 * before the sign-out must not sign the instance back in with the token just logged out.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../../tools/emulator/index';
import { oidcClient, portalClient, signIn } from '../../../../tools/emulator/test-support';
import type { SignInStatus } from '../../../shared/snapshot';
import { silentLogger } from '../logger';
import { abortableSleep } from './device-flow';
import { createSessionController } from './session-controller';
import { createCliTokenStore, type TokenStore } from './token-store';

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

/** The real CLI-file store, whose token reads can be held until `release()`. */
function heldReads(store: TokenStore): { store: TokenStore; hold: () => void; release: () => void; waiting: () => boolean } {
  let gate: { promise: Promise<void>; open: () => void } | null = null;
  let waiting = false;
  return {
    store: {
      ...store,
      readToken: async () => {
        const read = await store.readToken();
        if (gate !== null) {
          waiting = true;
          await gate.promise;
          waiting = false;
        }
        return read;
      },
    },
    hold: () => {
      let open = (): void => {};
      const promise = new Promise<void>((resolve) => (open = resolve));
      gate = { promise, open };
    },
    release: () => {
      gate?.open();
      gate = null;
    },
    waiting: () => waiting,
  };
}

const until = async (condition: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
};

it('stays signed out when a token-file read that began before the sign-out finishes after it', async () => {
  const running = await startEmulator();
  emulator = running;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rolecall-controller-'));
  const oidc = oidcClient(running);
  const portal = portalClient(running);
  const files = createCliTokenStore(path.join(dir, 'token.json'), path.join(dir, 'registration.json'));
  const signedIn = await signIn(running, oidc, ['sso:account:access']);
  await files.writeToken({ accessToken: signedIn.token.accessToken ?? '', expiresAt: new Date(Date.now() + 3_600_000), region: running.region, startUrl: running.startUrl });
  const held = heldReads(files);
  const statuses: SignInStatus[] = [];
  const controller = createSessionController({
    instance: { id: 'i-1', sessionName: 'race', startUrl: running.startUrl, region: running.region, tokenStorage: 'aws-cli' },
    store: held.store,
    oidc,
    oidcBaseUrl: running.url,
    portal,
    logger: silentLogger,
    now: Date.now,
    sleep: abortableSleep,
    openVerificationPage: () => Promise.resolve(),
    onStatus: (status) => statuses.push(status),
    onSignedIn: () => {},
    onSignedOut: () => {},
    refreshLeadMs: 15 * 60_000,
    watchIntervalMs: 10,
  });
  await controller.start();
  expect(controller.status().kind).toBe('signedIn');
  // The watch reads the file (the old token is still there) and is held mid-read while the app signs out.
  held.hold();
  await until(held.waiting);
  await controller.signOut();
  const afterSignOut = statuses.length;
  held.release();
  await new Promise((resolve) => setTimeout(resolve, 100));
  controller.dispose();
  oidc.destroy();
  portal.destroy();
  // Not signed in again with the logged-out token, not even for a moment (a copy then fails with 401).
  expect(statuses.slice(afterSignOut).map((s) => s.kind)).toEqual([]);
  expect(controller.status()).toEqual({ kind: 'signedOut', message: 'Signed out.' });
  expect(controller.accessToken()).toBeNull();
});
