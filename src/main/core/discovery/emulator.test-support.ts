/**
 * The Identity Center emulator (tools/emulator) for discovery tests, and a real device-flow sign-in to it.
 *
 * The emulator is its own TypeScript project that src/main does not reference, so it is imported at run time
 * by URL and described here by the few members these tests use, checked when loaded.
 */
import { fileURLToPath } from 'node:url';
import {
  CreateTokenCommand,
  RegisterClientCommand,
  SSOOIDCClient,
  StartDeviceAuthorizationCommand,
} from '@aws-sdk/client-sso-oidc';

/** The emulator's account, as `accounts()` returns it. */
export interface EmulatorAccount {
  readonly accountId: string;
  readonly accountName: string | undefined;
  readonly emailAddress: string | undefined;
  readonly roles: readonly string[];
}

/** The members of a running emulator these tests use. */
export interface TestEmulator {
  readonly url: string;
  readonly startUrl: string;
  readonly region: string;
  accounts(): readonly EmulatorAccount[];
  approve(userCode: string): string;
  endSessions(): number;
  injectFault(operation: string, error: string, count?: number): void;
  stats(): Record<string, { requests: number; throttled: number; failed: number } | undefined>;
  close(): Promise<void>;
}

/** Emulator options these tests use. */
export interface TestEmulatorOptions {
  readonly accounts?: number;
  readonly rolesPerAccount?: number;
  readonly latencyMs?: number;
  readonly rateLimit?: number;
  readonly failRate?: number;
  readonly seed?: number;
  readonly fixture?: string;
}

const emulatorModule = new URL('../../../../tools/emulator/index.ts', import.meta.url).href;

/** The path of one of the emulator's fixture files. */
export function emulatorFixture(name: string): string {
  return fileURLToPath(new URL(`../../../../tools/emulator/fixtures/${name}`, import.meta.url));
}

/** Starts an emulator on a free port. */
export async function startTestEmulator(options: TestEmulatorOptions): Promise<TestEmulator> {
  const loaded: unknown = await import(emulatorModule);
  const start = (loaded as { startEmulator?: unknown }).startEmulator;
  if (typeof start !== 'function') throw new Error(`${emulatorModule} has no startEmulator()`);
  return (await (start as (o: TestEmulatorOptions) => Promise<unknown>)(options)) as TestEmulator;
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
