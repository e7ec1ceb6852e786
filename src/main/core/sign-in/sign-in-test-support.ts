/**
 * Test support for sign-in: an emulator, a core pointed at it, and waiting for statuses.
 */
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../../tools/emulator/index';
import type { AppSnapshot, InstanceSummary, SignInMethod, SignInStatus } from '../../../shared/snapshot';
import type { AppCoreDeps } from '../app-core';
import { createTestCore, type TestCore } from '../core-test-support';

/** An emulator and a core signed in to nothing yet, with one instance added for the emulator. */
export interface SignInRig extends TestCore {
  readonly emulator: RunningEmulator;
  readonly instanceId: string;
  close(): Promise<void>;
}

/**
 * Starts an emulator and a core with one instance (session name `rig`) pointing at it. The instance signs
 * in with the device code unless told otherwise: a PKCE sign-in needs a browser to play the consent page.
 */
export async function startSignInRig(
  emulatorOptions: EmulatorOptions = {},
  coreOverrides: Partial<AppCoreDeps> = {},
  tokenStorage: 'aws-cli' | 'keychain' = 'aws-cli',
  signInMethod: SignInMethod = 'device',
): Promise<SignInRig> {
  const emulator = await startEmulator(emulatorOptions);
  const test = await createTestCore({
    loopbackOrigins: [emulator.url],
    watchIntervalMs: 200,
    ...coreOverrides,
    env: { ...emulator.env, ROLECALL_SIGNIN_ENDPOINT: `${emulator.url}/federation`, ...coreOverrides.env },
  });
  const added = await test.core.handlers.addInstance({
    startUrl: emulator.startUrl,
    region: emulator.region,
    sessionName: 'rig',
    tokenStorage,
  });
  if (added.kind !== 'added') throw new Error(`could not add the rig instance: ${JSON.stringify(added.errors)}`);
  if (signInMethod !== 'pkce') await test.core.handlers.setSignInMethod({ id: added.id, method: signInMethod });
  return {
    ...test,
    emulator,
    instanceId: added.id,
    close: async () => {
      test.core.dispose();
      await emulator.close();
    },
  };
}

/** The rig instance's summary in a snapshot. */
export function rigInstance(snapshot: AppSnapshot, id: string): InstanceSummary {
  const instance = snapshot.instances.find((i) => i.id === id);
  if (instance === undefined) throw new Error(`no instance ${id}`);
  return instance;
}

/** Resolves with the first status (current or future) that matches. */
export function waitForStatus<K extends SignInStatus['kind']>(
  rig: Pick<SignInRig, 'core' | 'instanceId'>,
  kind: K,
  timeoutMs = 10_000,
): Promise<Extract<SignInStatus, { kind: K }>> {
  return new Promise((resolve, reject) => {
    const check = (snapshot: AppSnapshot): boolean => {
      const status = rigInstance(snapshot, rig.instanceId).status;
      if (status.kind !== kind) return false;
      clearTimeout(timer);
      unsubscribe();
      resolve(status as Extract<SignInStatus, { kind: K }>);
      return true;
    };
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`status never became ${kind}; it is ${JSON.stringify(rigInstance(rig.core.getSnapshot(), rig.instanceId).status)}`));
    }, timeoutMs);
    const unsubscribe = rig.core.subscribe(check);
    check(rig.core.getSnapshot());
  });
}
