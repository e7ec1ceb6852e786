/**
 * The Identity Center emulator (tools/emulator) for discovery tests, and a real device-flow sign-in to it.
 *
 */
import { fileURLToPath } from 'node:url';
import { startEmulator, type Account, type EmulatorOptions, type RunningEmulator } from '../../../../tools/emulator/index';
import {
  CreateTokenCommand,
  RegisterClientCommand,
  SSOOIDCClient,
  StartDeviceAuthorizationCommand,
} from '@aws-sdk/client-sso-oidc';

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
 * The OIDC client keeps the SDK's own retries (unlike the portal client) so `failRate` cannot fail sign-in.
 */
export async function signIn(emulator: TestEmulator): Promise<string> {
  const oidc = new SSOOIDCClient({ region: emulator.region, endpoint: emulator.url, maxAttempts: 6 });
  const registration = await oidc.send(
    new RegisterClientCommand({ clientName: 'rolecall-discovery-test', clientType: 'public', scopes: ['sso:account:access'] }),
  );
  const clientId = registration.clientId ?? '';
  const clientSecret = registration.clientSecret ?? '';
  const device = await oidc.send(new StartDeviceAuthorizationCommand({ clientId, clientSecret, startUrl: emulator.startUrl }));
  const decision = emulator.approve(device.userCode ?? '');
  if (decision !== 'approved') throw new Error(`The emulator did not approve the sign-in: ${decision}`);
  const token = await oidc.send(
    new CreateTokenCommand({
      clientId,
      clientSecret,
      grantType: 'urn:ietf:params:oauth:grant-type:device_code',
      deviceCode: device.deviceCode,
    }),
  );
  oidc.destroy();
  if (token.accessToken === undefined) throw new Error('CreateToken returned no access token');
  return token.accessToken;
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
