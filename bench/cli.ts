/**
 * `rolecall` benchmark (issue 8): wall time of the built executable, `out/cli/rolecall.js` (run
 * `npm run build` first; `npm run bench:cli` does).
 *
 * 1. `rolecall credential-process ACCOUNT ROLE` with warm credentials (the fast path, reading a state file
 *    that holds 5,000 saved accounts), against the 150 ms
 *    target and against peers measured in the same run: `node -e 0` (the floor of any Node command), and
 *    where Python's botocore is installed, the AWS CLI's own way of doing the same (botocore resolving the
 *    SSO profile with the CLI's credential cache warm, what `aws configure export-credentials` runs), and
 *    `aws --version` (the least any `aws` command costs) where an `aws` command is installed.
 * 2. `rolecall accounts` over a saved list of 5,000 accounts (no network), output to a pipe.
 *
 * Each is run sequentially after a warm-up; the table shows the median and the 90th percentile.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { generateAccounts, startEmulator } from '../tools/emulator/index';
import { createCliWorld } from '../src/main/cli/cli-test-support';

const TARGET_MS = 150;
const RUNS = 25;
const ACCOUNTS = 5000;
const cli = path.join(import.meta.dirname, '..', 'out', 'cli', 'rolecall.js');

interface Timing {
  readonly medianMs: number;
  readonly p90Ms: number;
}

/** Runs a command `RUNS` times after one warm-up and returns its wall times. */
function time(args: readonly string[], env: Record<string, string>, check: (stdout: string) => boolean, command = process.execPath): Timing {
  const once = (): number => {
    const started = performance.now();
    const result = spawnSync(command, args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 30_000 });
    const elapsed = performance.now() - started;
    if (result.status !== 0 || !check(result.stdout)) throw new Error(`${args.slice(1).join(' ')} failed: ${result.stderr}`);
    return elapsed;
  };
  once();
  const times = Array.from({ length: RUNS }, once).sort((a, b) => a - b);
  const at = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? Number.NaN;
  return { medianMs: at(0.5), p90Ms: at(0.9) };
}

async function main(): Promise<void> {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run "npm run build" first.`);
  const emulator = await startEmulator({ accounts: 20 });
  try {
    const world = await createCliWorld(emulator);
    const instance = await world.addInstance('bench');
    await world.signIn(instance);
    const account = emulator.accounts()[0];
    const role = account?.roles[0];
    if (account === undefined || role === undefined) throw new Error('the emulator has no account');
    // The emulator's first account among 4,999 others: the fast path reads and checks all of them.
    const accounts = [account, ...generateAccounts({ accounts: ACCOUNTS - 1, rolesPerAccount: 3, seed: 8 })].map((a) => ({
      accountId: a.accountId,
      accountName: a.accountName ?? '',
      emailAddress: a.emailAddress ?? '',
      roles: [...a.roles],
    }));
    await world.writeState({ version: 1, instances: [instance], accountCache: { [instance.id]: { listedAt: Date.now(), accounts } } });
    // Warmed in this process: the timed runs below block this process, so they must not need the emulator.
    const warm = await world.run(['credential-process', account.accountId, role]);
    if (warm.code !== 0) throw new Error(`credential-process failed: ${warm.stderr}`);
    process.stderr.write('Timing credential-process (warm)…\n');
    const floor = time(['-e', '0'], world.env, () => true);
    const credentialProcess = time([cli, 'credential-process', account.accountId, role], world.env, (out) => out.includes('"Version": 1'));

    process.stderr.write(`Timing accounts over ${ACCOUNTS.toLocaleString('en')} saved accounts…\n`);
    const list = time([cli, 'accounts'], world.env, (out) => out.split('\n').length === ACCOUNTS + 2);
    const search = time([cli, 'accounts', 'prod', 'admin'], world.env, (out) => out.length > 0);
    const peers = await timePeers(world, account.accountId, role);
    report(floor, credentialProcess, list, search, peers);
  } finally {
    await emulator.close();
  }
}

// What `aws configure export-credentials` does for an SSO profile: botocore's chain, with the CLI's cache.
const BOTOCORE_EXPORT = [
  'import os, botocore.session',
  'from botocore.credentials import JSONFileCache',
  'session = botocore.session.Session()',
  "session.get_component('credential_provider').get_provider('sso').cache = JSONFileCache(os.path.expanduser('~/.aws/cli/cache'))",
  'print(session.get_credentials().get_frozen_credentials().access_key)',
].join('\n');

interface Peers {
  readonly botocore: Timing | undefined;
  readonly awsVersion: Timing | undefined;
}

/** The AWS CLI's side, where it is installed: a warm botocore export of the same role, and `aws --version`. */
async function timePeers(world: Awaited<ReturnType<typeof createCliWorld>>, accountId: string, role: string): Promise<Peers> {
  const hasBotocore = spawnSync('python3', ['-c', 'import botocore'], { env: world.env }).status === 0;
  const hasAws = spawnSync('aws', ['--version'], { env: world.env }).status === 0;
  let botocore: Timing | undefined;
  if (hasBotocore && (await world.run(['use', accountId, role])).code === 0) {
    // Warmed asynchronously: the first resolution calls the emulator, which runs in this process.
    await new Promise<void>((resolve, reject) => execFile('python3', ['-c', BOTOCORE_EXPORT], { env: world.env }, (error) => (error === null ? resolve() : reject(new Error(`botocore could not resolve the profile: ${error.message}`)))));
    process.stderr.write('Timing botocore (the AWS CLI credential chain, cache warm)…\n');
    botocore = time(['-c', BOTOCORE_EXPORT], world.env, (out) => out.startsWith('ASIA'), 'python3');
  }
  const awsVersion = hasAws ? time(['--version'], world.env, () => true, 'aws') : undefined;
  return { botocore, awsVersion };
}

function report(floor: Timing, credentialProcess: Timing, list: Timing, search: Timing, peers: Peers): void {
  const ms = (value: number): string => `${value.toFixed(0)} ms`;
  const rows = [
    ['command', 'median', 'p90', 'vs 150 ms target', 'vs node -e 0'],
    ['node -e 0 (floor: Node start-up)', ms(floor.medianMs), ms(floor.p90Ms), '', '1.00×'],
    ['rolecall credential-process (warm)', ms(credentialProcess.medianMs), ms(credentialProcess.p90Ms), `${(credentialProcess.medianMs / TARGET_MS).toFixed(2)}×`, `${(credentialProcess.medianMs / floor.medianMs).toFixed(2)}×`],
    [`rolecall accounts (${ACCOUNTS.toLocaleString('en')} saved)`, ms(list.medianMs), ms(list.p90Ms), '', `${(list.medianMs / floor.medianMs).toFixed(2)}×`],
    ['rolecall accounts prod admin', ms(search.medianMs), ms(search.p90Ms), '', `${(search.medianMs / floor.medianMs).toFixed(2)}×`],
  ];
  for (const [label, peer] of [
    ['botocore SSO export, cache warm (peer)', peers.botocore],
    ['aws --version (least any aws command costs)', peers.awsVersion],
  ] as const) {
    if (peer !== undefined) rows.push([label, ms(peer.medianMs), ms(peer.p90Ms), '', `${(peer.medianMs / floor.medianMs).toFixed(2)}×`]);
  }
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  for (const row of rows) process.stdout.write(`${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd()}\n`);
  const peer = peers.botocore ?? peers.awsVersion;
  process.stdout.write(
    peer === undefined
      ? `\nNeither botocore nor an aws command is installed here; node -e 0 is the floor any Node command pays.\n`
      : `\nrolecall credential-process takes ${(credentialProcess.medianMs / peer.medianMs).toFixed(2)}× the time of ${peers.botocore !== undefined ? 'botocore exporting the same role' : 'aws --version'} (lower is better).\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
