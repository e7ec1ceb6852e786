/**
 * Discovery benchmark (issue 5): full discovery against the emulator at 1,000 accounts × 3 roles, 150 ms
 * latency and a portal rate limit of 10, 20 and 50 req/s, plus a one-at-a-time walk for comparison.
 *
 * Run with `tsx bench/discovery.ts`; progress goes to stderr, the table to stdout. About 4 minutes.
 */
import { startEmulator, type RunningEmulator } from '../tools/emulator/index';
import {
  createPortalApi,
  createPortalClient,
  discoverAccounts,
  type DiscoveryOutcome,
} from '../src/main/core/discovery/index';
import { sequentialWalk } from './sequential-walk';
import { signInForAccessToken } from '../tools/emulator/test-support';

const ACCOUNTS = 1000;
const ROLES_PER_ACCOUNT = 3;
/** The largest organizations' size (issue 17): discovered at 50 requests/s. */
const LARGE = { accounts: 10_000, rolesPerAccount: 5, rate: 50 } as const;
const LATENCY_MS = 150;
const RATES = [10, 20, 50] as const;
const WALK_RATE = 20;
const WALK_ACCOUNTS = 200;
/** ListAccounts pages (100 per page) plus one ListAccountRoles call per account. */
const CALLS = Math.ceil(ACCOUNTS / 100) + ACCOUNTS;

interface Row {
  readonly rate: number;
  readonly boundS: number;
  readonly burstBoundS: number;
  readonly measuredS: number;
  readonly throttled: number;
  readonly retries: number;
  readonly calls: number;
  readonly errors: number;
  readonly firstAccountMs: number | undefined;
  readonly exact: boolean;
}

async function withEmulator<T>(rateLimit: number, body: (emulator: RunningEmulator) => Promise<T>, size = { accounts: ACCOUNTS, rolesPerAccount: ROLES_PER_ACCOUNT }): Promise<T> {
  const emulator = await startEmulator({
    accounts: size.accounts,
    rolesPerAccount: size.rolesPerAccount,
    latencyMs: LATENCY_MS,
    rateLimit,
  });
  try {
    return await body(emulator);
  } finally {
    await emulator.close();
  }
}

/** Whether the run found exactly the emulator's organization. */
function isExact(outcome: DiscoveryOutcome, emulator: RunningEmulator): boolean {
  const found = outcome.summary.accounts;
  const truth = emulator.organization.accounts;
  return (
    found.length === truth.length &&
    found.every((account, i) => {
      const real = truth[i];
      return (
        real !== undefined &&
        account.accountId === real.accountId &&
        account.accountName === (real.accountName ?? '') &&
        account.roles.join('\n') === real.roles.join('\n')
      );
    })
  );
}

async function benchRate(rate: number, size = { accounts: ACCOUNTS, rolesPerAccount: ROLES_PER_ACCOUNT }): Promise<Row> {
  const calls = Math.ceil(size.accounts / 100) + size.accounts;
  return withEmulator(rate, async (emulator) => {
    const accessToken = await signInForAccessToken(emulator);
    const client = createPortalClient({ region: emulator.region, endpoint: emulator.url });
    let lastReport = 0;
    const run = discoverAccounts({
      portal: createPortalApi(client),
      accessToken,
      listeners: {
        onProgress: (p) => {
          if (p.rolesLoaded - lastReport < (size.accounts > 2000 ? 2000 : 250)) return;
          lastReport = p.rolesLoaded;
          process.stderr.write(`  rate ${rate}: ${p.rolesLoaded} of ${p.accountsTotal} accounts\n`);
        },
      },
    });
    const outcome = await run.outcome;
    client.destroy();
    const { summary } = outcome;
    return {
      rate,
      boundS: calls / rate,
      burstBoundS: (calls - rate) / rate,
      measuredS: summary.elapsedMs / 1000,
      throttled: summary.throttled,
      retries: summary.retries,
      calls: summary.calls,
      errors: summary.failed.length + (outcome.kind === 'complete' ? 0 : 1),
      firstAccountMs: summary.firstAccountMs,
      exact: outcome.kind === 'complete' && isExact(outcome, emulator),
    };
  }, size);
}

function pad(value: string, width: number): string {
  return value.padStart(width);
}

function table(rows: readonly Row[]): string[] {
  const head = ['rate/s', 'bound s', 'burst s', 'measured s', 'ratio', '429s', 'retries', 'calls', 'errors', 'first acct', 'exact'];
  const widths = [6, 8, 8, 10, 6, 5, 7, 6, 6, 10, 5];
  const line = (cells: string[]): string => cells.map((cell, i) => pad(cell, widths[i] ?? 6)).join('  ');
  return [
    line(head),
    ...rows.map((r) =>
      line([
        String(r.rate),
        r.boundS.toFixed(1),
        r.burstBoundS.toFixed(1),
        r.measuredS.toFixed(1),
        (r.measuredS / r.boundS).toFixed(3),
        String(r.throttled),
        String(r.retries),
        String(r.calls),
        String(r.errors),
        r.firstAccountMs === undefined ? '-' : `${Math.round(r.firstAccountMs)} ms`,
        r.exact ? 'yes' : 'NO',
      ]),
    ),
  ];
}

async function benchWalk(): Promise<{ perCallMs: number; extrapolatedS: number; calls: number; throttled: number }> {
  return withEmulator(WALK_RATE, async (emulator) => {
    const accessToken = await signInForAccessToken(emulator);
    const client = createPortalClient({ region: emulator.region, endpoint: emulator.url });
    process.stderr.write(`  sequential walk at ${WALK_RATE}/s: first ${WALK_ACCOUNTS} accounts\n`);
    const walk = await sequentialWalk(client, accessToken, WALK_ACCOUNTS);
    client.destroy();
    const perCallMs = walk.elapsedMs / walk.calls;
    return { perCallMs, extrapolatedS: (perCallMs * CALLS) / 1000, calls: walk.calls, throttled: walk.throttled };
  });
}

async function main(): Promise<void> {
  process.stderr.write(
    `Discovery benchmark: ${ACCOUNTS} accounts × ${ROLES_PER_ACCOUNT} roles, ${LATENCY_MS} ms latency, ${CALLS} calls\n`,
  );
  const rows: Row[] = [];
  for (const rate of RATES) rows.push(await benchRate(rate));
  const walk = await benchWalk();
  process.stderr.write(`Discovery at the largest size: ${LARGE.accounts} accounts × ${LARGE.rolesPerAccount} roles at ${LARGE.rate}/s\n`);
  const large = await benchRate(LARGE.rate, LARGE);
  const at20 = rows.find((r) => r.rate === WALK_RATE);
  const out = [
    '',
    `Discovery: ${ACCOUNTS} accounts × ${ROLES_PER_ACCOUNT} roles, latency ${LATENCY_MS} ms, calls = ${CALLS} (10 ListAccounts pages + ${ACCOUNTS} ListAccountRoles)`,
    ...table(rows),
    'bound = calls ÷ rate (the issue’s lower bound); burst = (calls − rate) ÷ rate, since the emulator’s token bucket',
    'starts full with one second’s worth of requests. ratio = measured ÷ bound (target ≤ 1.15). errors = accounts',
    'failed for good + runs not complete. first acct = time from the start of discovery to the first account.',
    '',
    `One-at-a-time walk at ${WALK_RATE}/s (no scheduler, 429 → sleep 1 s and retry): stopped after ${WALK_ACCOUNTS} accounts,`,
    `${walk.calls} calls, ${walk.throttled} 429s, ${walk.perCallMs.toFixed(0)} ms per call → extrapolated to ${CALLS} calls: ${walk.extrapolatedS.toFixed(1)} s`,
    at20 === undefined ? '' : `Scheduler at ${WALK_RATE}/s: ${at20.measuredS.toFixed(1)} s → ${(walk.extrapolatedS / at20.measuredS).toFixed(1)}× faster (target ≥ 3×)`,
    '',
    `Discovery: ${LARGE.accounts.toLocaleString('en-GB')} accounts × ${LARGE.rolesPerAccount} roles, latency ${LATENCY_MS} ms, ${large.calls} calls at ${LARGE.rate}/s:`,
    ...table([large]),
    `discovery 10,000 accounts at ${LARGE.rate}/s: ${large.measuredS.toFixed(1)} s, ${large.errors} errors, ${large.exact ? 'exact' : 'NOT exact'}; ratio to calls ÷ rate (${large.boundS.toFixed(1)} s): ${(large.measuredS / large.boundS).toFixed(3)}   (target ≤ 1.15, 0 errors)`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

await main();
