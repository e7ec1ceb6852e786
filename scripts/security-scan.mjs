// `npm run test:scan`: Electronegativity (Doyensec's static scanner for Electron apps) over Rolecall's
// sources and its built output; exits 1 on any finding that is not suppressed inline with a reason.
//
// Suppressions live in the sources, on the line of the finding:
//   JS/TS:  // eng-disable CHECK_ID [CHECK_ID...]: why this is safe
//   HTML:   <!-- eng-disable CHECK_ID because why this is safe -->   (the scanner allows only words here)
// The build carries each one, reason and all, onto the same line of the bundles (scripts/scan-directives.mjs),
// so out/ is scanned exactly as it ships, with the scanner's own suppression rules: a finding there that no
// carried comment covers fails the scan, as does any finding in src/.
//
// The scan makes no network connection: Electronegativity fetches translations and Electron's release
// list at start; both are refused here (the release check is excluded, and the Electron version is the
// one package.json pins), so the result is the same offline as online.
import dns from 'node:dns';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { filesUnder, suppressions } from './scan-directives.mjs';

// ROLECALL_SCAN_ROOT scans another tree laid out the same way (its tests use it); by default, this repository.
const root = process.env.ROLECALL_SCAN_ROOT ?? path.join(import.meta.dirname, '..');
const loopback = new Set(['127.0.0.1', '::1', 'localhost']);

// SECURITY (of the test run): nothing here may reach beyond this machine.
const lookup = dns.lookup;
dns.lookup = function offlineLookup(host, ...rest) {
  if (loopback.has(host)) return lookup.call(this, host, ...rest);
  const callback = rest.at(-1);
  process.nextTick(() => callback(Object.assign(new Error(`offline: ${host}`), { code: 'ENOTFOUND' })));
  return undefined;
};
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function offlineConnect(...args) {
  const options = typeof args[0] === 'object' && args[0] !== null ? args[0] : { port: args[0], host: args[1] };
  if (options.path !== undefined || loopback.has(options.host ?? 'localhost')) return connect.apply(this, args);
  process.nextTick(() => this.destroy(new Error(`offline: ${options.host}`)));
  return this;
};

const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const electronVersion = pkg.devDependencies.electron;
const run = require('@doyensec/electronegativity/dist/runner.js');
// Quiet the one line its translation fetch prints when it is refused.
const log = console.log;
console.log = (...args) => (String(args[0]).includes('translations') ? undefined : log(...args));

async function scan(input) {
  const result = await run(
    { input, electronVersionOverride: electronVersion, excludeFromScan: ['AvailableSecurityFixesGlobalCheck'], isRelative: true },
    false,
  );
  for (const error of result.errors) if (!error.tolerable) throw new Error(`Electronegativity could not parse ${error.file}: ${error.message}`);
  return result;
}

const describe = (issue, base) => `${issue.id} ${path.join(base, issue.file)}:${issue.location.line} ${issue.severity.name}/${issue.confidence.name}\n    ${String(issue.sample ?? '').slice(0, 160)}`;

const problems = [];
const inline = suppressions(root);
for (const s of inline) {
  if (s.checks.length === 0) problems.push(`${s.file}:${s.line}: eng-disable names no check`);
  if (s.reason.length < 20) problems.push(`${s.file}:${s.line}: eng-disable ${s.checks.join(' ')} needs a reason (": why this is safe")`);
}

const sources = await scan(path.join(root, 'src'));
for (const issue of sources.issues) problems.push(`new finding in the sources: ${describe(issue, 'src')}`);

const built = await scan(path.join(root, 'out'));
for (const issue of built.issues) problems.push(`finding in the built output (as shipped): ${describe(issue, 'out')}`);
const carried = filesUnder(path.join(root, 'out'))
  .filter((f) => /\.(c|m)?js$/.test(f))
  .reduce((n, f) => n + (readFileSync(f, 'utf8').match(/\/\/ eng-disable [A-Z_]+_CHECK/g) ?? []).length, 0);

console.log = log;
console.log(
  `Electronegativity ${require('@doyensec/electronegativity/package.json').version}, Electron ${electronVersion}: ` +
    `${sources.atomicChecks + sources.globalChecks} checks over src/ and over out/ as shipped: ` +
    `${sources.issues.length} findings in src/, ${built.issues.length} in out/; ${inline.length} inline suppressions with their reasons, ` +
    `carried onto ${carried} lines of the bundles.`,
);
if (problems.length > 0) {
  console.error(`\nThe security scan failed. Fix each finding, or suppress it inline with the reason it is safe:\n`);
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
