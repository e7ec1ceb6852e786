import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createClock } from './clock';
import { createContext } from './context';
import { createControl, type EmulatorControl } from './control';
import { accountsFromFixture, loadFixtureFile } from './fixture';
import { resolveOptions, type EmulatorOptions, type ResolvedOptions } from './options';
import { createOrganization, type Organization } from './org';
import { generateAccounts } from './org-generator';
import { createRequestListener } from './server';
import { createState } from './state';
import { createStats } from './stats';

export type { EmulatorOptions } from './options';
export type { EmulatorControl, DeviceCodeInfo, SessionInfo, SessionSelector } from './control';
export type { DeviceDecisionResult } from './device-flow';
export type { RuntimeSettings } from './context';
export type { Account, Organization } from './org';
export type { OrganizationFixture } from './fixture';
export type { OperationStats } from './stats';
export type { ConsoleLogin, IssuedSecret, SecretKind } from './state';
export { generateAccounts, ROLE_CATALOGUE } from './org-generator';
export { DEFAULTS, defaultStartUrl } from './options';

/** A running emulator: where it is, control over it, and `close()`. */
export interface RunningEmulator extends EmulatorControl {
  /** `http://127.0.0.1:<port>` (`https://` with `tls`), the endpoint for both the sso-oidc and sso clients. */
  readonly url: string;
  readonly port: number;
  readonly startUrl: string;
  readonly region: string;
  readonly organization: Organization;
  /** How long building the organization took, in milliseconds. */
  readonly loadMs: number;
  /** `AWS_ENDPOINT_URL_SSO_OIDC` and `AWS_ENDPOINT_URL_SSO`, pointing at this emulator. */
  readonly env: Readonly<Record<'AWS_ENDPOINT_URL_SSO_OIDC' | 'AWS_ENDPOINT_URL_SSO', string>>;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** Builds the organization an emulator serves, from a fixture or generated from the seed. */
export async function loadOrganization(options: ResolvedOptions): Promise<Organization> {
  const { fixture } = options;
  if (fixture === undefined) {
    return createOrganization(
      generateAccounts({ accounts: options.accounts, rolesPerAccount: options.rolesPerAccount, seed: options.seed }),
    );
  }
  const accounts = typeof fixture === 'string' ? await loadFixtureFile(fixture) : accountsFromFixture(fixture);
  return createOrganization(accounts);
}

/**
 * Starts an Identity Center emulator on 127.0.0.1.
 *
 * Point the real AWS SDK clients at `url` (client `endpoint`, or the `env` variables) and they work
 * unchanged: OIDC sign-in, the portal API and console federation, plus the admin helpers on the result.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const resolved = resolveOptions(options);
  const loadStarted = performance.now();
  const org = await loadOrganization(resolved);
  const loadMs = performance.now() - loadStarted;
  const server = resolved.tls === undefined ? createServer({ keepAliveTimeout: 5000 }) : createTlsServer({ keepAliveTimeout: 5000, ...resolved.tls });
  const port = await listen(server, resolved.port);
  const url = `${resolved.tls === undefined ? 'http' : 'https'}://127.0.0.1:${port}`;
  const context = createContext({
    config: {
      baseUrl: url,
      startUrl: resolved.startUrl,
      region: resolved.region,
      accessTokenTtl: resolved.accessTokenTtl,
      sessionTtl: resolved.sessionTtl,
      roleCredentialsTtl: resolved.roleCredentialsTtl,
      deviceCodeTtl: resolved.deviceCodeTtl,
      interval: resolved.interval,
      registrationTtl: resolved.registrationTtl,
    },
    settings: {
      autoApprove: resolved.autoApprove,
      latencyMs: resolved.latencyMs,
      rateLimit: resolved.rateLimit,
      failRate: resolved.failRate,
    },
    clock: createClock(),
    org,
    state: createState(),
    stats: createStats(),
    seed: resolved.seed,
  });
  const control = createControl(context);
  server.on('request', createRequestListener(context, control, resolved.onRequest));
  return {
    ...control,
    url,
    port,
    startUrl: resolved.startUrl,
    region: resolved.region,
    organization: org,
    loadMs,
    env: { AWS_ENDPOINT_URL_SSO_OIDC: url, AWS_ENDPOINT_URL_SSO: url },
    close: () => closeServer(server),
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // SECURITY: loopback only; the admin API is unauthenticated.
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

/** The lines the CLI prints on start: where the emulator is, then the environment for AWS clients. */
export function describeEmulator(emulator: Pick<RunningEmulator, 'url' | 'startUrl' | 'region'>): string[] {
  return [
    `Identity Center emulator on ${emulator.url} (start URL ${emulator.startUrl}, region ${emulator.region})`,
    `export AWS_ENDPOINT_URL_SSO_OIDC=${emulator.url}`,
    `export AWS_ENDPOINT_URL_SSO=${emulator.url}`,
  ];
}
