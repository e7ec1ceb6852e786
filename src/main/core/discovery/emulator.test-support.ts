/**
 * The Identity Center emulator (tools/emulator) for discovery tests, and a real device-flow sign-in to it.
 *
 */
import { fileURLToPath } from 'node:url';
import { startEmulator, type Account, type EmulatorOptions, type RunningEmulator } from '../../../../tools/emulator/index';
import { signInForAccessToken } from '../../../../tools/emulator/test-support';

/** The emulator's account, as `accounts()` returns it. */
export type EmulatorAccount = Account;
/** Emulator options. */
export type TestEmulatorOptions = EmulatorOptions;

/** A running emulator, as the tests use it. */
export type TestEmulator = RunningEmulator;

/** The path of one of the emulator's fixture files. */
export function emulatorFixture(name: string): string {
  return fileURLToPath(new URL(`../../../../tools/emulator/fixtures/${name}`, import.meta.url));
}

/** Starts an emulator on a free port. */
export function startTestEmulator(options: EmulatorOptions): Promise<TestEmulator> {
  return startEmulator(options);
}

/**
 * Signs in with the device flow over the real SSO OIDC client and returns the access token.
 *
 * The OIDC client keeps SDK retries (unlike the portal client) so `failRate` cannot fail sign-in.
 */
export function signIn(emulator: TestEmulator): Promise<string> {
  return signInForAccessToken(emulator, 6);
}

/** Portal calls the emulator answered, by kind, across ListAccounts and ListAccountRoles. */
export function portalCalls(emulator: TestEmulator): { requests: number; throttled: number; failed: number } {
  const stats = emulator.stats();
  const sum = { requests: 0, throttled: 0, failed: 0 };
  for (const name of ['ListAccounts', 'ListAccountRoles']) {
    sum.requests += stats[name]?.requests ?? 0;
    sum.throttled += stats[name]?.throttled ?? 0;
    sum.failed += stats[name]?.failed ?? 0;
  }
  return sum;
}
