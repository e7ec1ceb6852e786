import type { OrganizationFixture } from './fixture';
import { createRandom } from './random';

/** Options for `startEmulator`; every CLI flag has the camel-cased option of the same name. Times in seconds. */
export interface EmulatorOptions {
  /** TCP port on 127.0.0.1; 0 (default) picks a free one. */
  readonly port?: number;
  /** Number of generated accounts (default 20); not allowed together with `fixture`. */
  readonly accounts?: number;
  /** Roles per generated account (default 3). */
  readonly rolesPerAccount?: number;
  /** A fixture file path, or fixture data already parsed. */
  readonly fixture?: string | OrganizationFixture;
  /** Seed for the generated organization, the default start URL and fault injection (default 1). */
  readonly seed?: number;
  /** Delay added to every OIDC, portal and federation response, in milliseconds. */
  readonly latencyMs?: number;
  /** Portal requests per second before 429 TooManyRequestsException; 0 (default) is unlimited. */
  readonly rateLimit?: number;
  /** Fraction (0..1) of OIDC and portal requests answered with 500. */
  readonly failRate?: number;
  /** Approve device codes and `/authorize` requests without a person. */
  readonly autoApprove?: boolean;
  readonly accessTokenTtl?: number;
  readonly sessionTtl?: number;
  readonly roleCredentialsTtl?: number;
  readonly deviceCodeTtl?: number;
  /** Device-flow polling interval handed to clients. */
  readonly interval?: number;
  /** Client registration lifetime (default 90 days). */
  readonly registrationTtl?: number;
  readonly startUrl?: string;
  readonly region?: string;
  /** Called once per request with a line fit for a log (never secrets or query strings). */
  readonly onRequest?: (line: string) => void;
  /** Serve HTTPS with this PEM key and certificate (for 127.0.0.1) instead of plain HTTP, as AWS does. */
  readonly tls?: { readonly key: string; readonly cert: string };
}

/** Defaults, as AWS behaves (reference §1.3, §1.5, §1.8). */
export const DEFAULTS = {
  port: 0,
  accounts: 20,
  rolesPerAccount: 3,
  seed: 1,
  latencyMs: 0,
  rateLimit: 0,
  failRate: 0,
  autoApprove: false,
  accessTokenTtl: 3600,
  sessionTtl: 28_800,
  roleCredentialsTtl: 3600,
  deviceCodeTtl: 600,
  interval: 1,
  registrationTtl: 90 * 24 * 3600,
  region: 'us-east-1',
} as const;

/** Options with every default filled in and every value checked. */
export type ResolvedOptions = Required<Omit<EmulatorOptions, 'fixture' | 'onRequest' | 'tls'>> &
  Pick<EmulatorOptions, 'fixture' | 'onRequest' | 'tls'>;

type NumericKey = Exclude<keyof typeof DEFAULTS, 'autoApprove' | 'region'>;

const LIMITS: Record<NumericKey, { min: number; max: number; integer: boolean }> = {
  port: { min: 0, max: 65_535, integer: true },
  accounts: { min: 0, max: 1_000_000, integer: true },
  rolesPerAccount: { min: 1, max: 1000, integer: true },
  seed: { min: 0, max: 2 ** 32 - 1, integer: true },
  latencyMs: { min: 0, max: 600_000, integer: false },
  rateLimit: { min: 0, max: 1_000_000, integer: false },
  failRate: { min: 0, max: 1, integer: false },
  accessTokenTtl: { min: 1, max: 90 * 24 * 3600, integer: true },
  sessionTtl: { min: 1, max: 90 * 24 * 3600, integer: true },
  roleCredentialsTtl: { min: 1, max: 43_200, integer: true },
  deviceCodeTtl: { min: 1, max: 86_400, integer: true },
  interval: { min: 1, max: 3600, integer: true },
  registrationTtl: { min: 1, max: 10 * 365 * 24 * 3600, integer: true },
};

/** Checks one numeric option; the message names the CLI flag a person would have typed. */
export function checkNumber(key: NumericKey, value: number): number {
  const { min, max, integer } = LIMITS[key];
  if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    const flag = key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    throw new RangeError(`--${flag} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, got ${value}`);
  }
  return value;
}

/** Fills in defaults and validates; throws a `RangeError` naming the offending flag. */
export function resolveOptions(options: EmulatorOptions): ResolvedOptions {
  if (options.fixture !== undefined && options.accounts !== undefined) {
    throw new RangeError('Use either --fixture or --accounts, not both.');
  }
  const merged = { ...DEFAULTS, ...definedOnly(options) };
  for (const key of Object.keys(LIMITS) as NumericKey[]) checkNumber(key, merged[key]);
  const startUrl = options.startUrl ?? defaultStartUrl(merged.seed);
  if (!/^https?:\/\/[^\s]+$/.test(startUrl)) throw new RangeError(`--start-url must be a URL, got ${startUrl}`);
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(merged.region)) throw new RangeError(`--region looks wrong: ${merged.region}`);
  return { ...merged, startUrl };
}

function definedOnly(options: EmulatorOptions): Partial<EmulatorOptions> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
}

/** The start URL for a seed, e.g. `https://d-9067c2a1b3.awsapps.com/start`: stable, so caches stay valid. */
export function defaultStartUrl(seed: number): string {
  const random = createRandom(seed ^ 0x5f3759df);
  let id = '';
  for (let i = 0; i < 10; i += 1) id += Math.floor(random() * 16).toString(16);
  return `https://d-${id}.awsapps.com/start`;
}
