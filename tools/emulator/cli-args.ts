import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { EmulatorOptions } from './options';

const NUMBER_FLAGS = {
  port: 'port',
  accounts: 'accounts',
  'roles-per-account': 'rolesPerAccount',
  seed: 'seed',
  'latency-ms': 'latencyMs',
  'rate-limit': 'rateLimit',
  'fail-rate': 'failRate',
  'access-token-ttl': 'accessTokenTtl',
  'session-ttl': 'sessionTtl',
  'role-credentials-ttl': 'roleCredentialsTtl',
  'device-code-ttl': 'deviceCodeTtl',
  interval: 'interval',
  'registration-ttl': 'registrationTtl',
} as const satisfies Record<string, keyof EmulatorOptions>;

/** The `--help` text. */
export const USAGE = `Usage: npm run emulator -- [flags]

  --port <n>                  port on 127.0.0.1 (default 0: a free port)
  --accounts <n>              generated accounts (default 20)
  --roles-per-account <k>     roles per generated account (default 3)
  --fixture <file.json>       load the organization from a fixture instead
  --seed <n>                  seed for generated names, ids and the start URL (default 1)
  --start-url <url>           start URL (default https://d-<id>.awsapps.com/start from the seed)
  --region <region>           region (default us-east-1)
  --latency-ms <ms>           delay every OIDC, portal and federation response
  --rate-limit <n>            portal requests per second before 429 (default 0: unlimited)
  --fail-rate <0..1>          fraction of OIDC and portal requests answered with 500
  --auto-approve              approve device codes and /authorize requests without a person
  --access-token-ttl <s>      access token lifetime for scoped clients (default 3600)
  --session-ttl <s>           user session lifetime; refresh tokens die with it (default 28800)
  --role-credentials-ttl <s>  role credential lifetime (default 3600)
  --device-code-ttl <s>       device code lifetime (default 600)
  --interval <s>              device-flow polling interval (default 1)
  --registration-ttl <s>      client registration lifetime (default 7776000, 90 days)
  --tls-key <file.pem>        serve HTTPS with this key (with --tls-cert; the certificate must name 127.0.0.1)
  --tls-cert <file.pem>       the certificate for --tls-key
  --verbose                   log one line per request to stderr (no secrets)
  --help                      show this help
`;

/** Parses command-line arguments into emulator options; throws with a message for a person. */
export function parseCliArgs(args: readonly string[]): EmulatorOptions | 'help' {
  const flags: NonNullable<ParseArgsConfig['options']> = {
    ...Object.fromEntries(Object.keys(NUMBER_FLAGS).map((flag) => [flag, { type: 'string' as const }])),
    fixture: { type: 'string' },
    'start-url': { type: 'string' },
    region: { type: 'string' },
    'auto-approve': { type: 'boolean' },
    'tls-key': { type: 'string' },
    'tls-cert': { type: 'string' },
    verbose: { type: 'boolean' },
    help: { type: 'boolean' },
  };
  const { values } = parseArgs({ args: [...args], strict: true, allowPositionals: false, options: flags });
  if (values.help === true) return 'help';
  const options: { -readonly [K in keyof EmulatorOptions]: EmulatorOptions[K] } = {};
  for (const [flag, key] of Object.entries(NUMBER_FLAGS)) {
    const raw = values[flag];
    if (typeof raw !== 'string') continue;
    const value = Number(raw);
    if (raw.trim() === '' || Number.isNaN(value)) throw new RangeError(`--${flag} needs a number, got ${JSON.stringify(raw)}`);
    options[key] = value;
  }
  if (typeof values.fixture === 'string') options.fixture = values.fixture;
  if (typeof values['start-url'] === 'string') options.startUrl = values['start-url'];
  if (typeof values.region === 'string') options.region = values.region;
  if (values['auto-approve'] === true) options.autoApprove = true;
  const tlsKey = values['tls-key'];
  const tlsCert = values['tls-cert'];
  if (typeof tlsKey === 'string' || typeof tlsCert === 'string') {
    if (typeof tlsKey !== 'string' || typeof tlsCert !== 'string') throw new RangeError('--tls-key and --tls-cert go together.');
    options.tls = { key: readFileSync(tlsKey, 'utf8'), cert: readFileSync(tlsCert, 'utf8') };
  }
  if (values.verbose === true) options.onRequest = (line: string) => process.stderr.write(`${line}\n`);
  return options;
}
