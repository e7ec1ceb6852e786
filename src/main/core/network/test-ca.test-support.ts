/**
 * A certificate authority made for one test run, and a certificate it signs for 127.0.0.1 (not a test file).
 *
 * Made with the machine's `openssl`, in a temporary directory: nothing secret is committed, and each run's
 * CA is new, so no other test or program can trust it by accident.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A CA's certificate file and a server key and certificate it signed for 127.0.0.1. */
export interface TestCa {
  readonly dir: string;
  /** The CA certificate, PEM, as a file (for `AWS_CA_BUNDLE` / `ca_bundle`). */
  readonly caFile: string;
  /** The server's key and certificate, PEM, for the emulator's `tls` option. */
  readonly server: { readonly key: string; readonly cert: string };
}

function openssl(dir: string, args: readonly string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Makes a CA named `name` and a certificate for `IP:127.0.0.1` (only: no `localhost`) signed by it. */
export function createTestCa(name: string): TestCa {
  const dir = mkdtempSync(path.join(os.tmpdir(), `rolecall-ca-${name}-`));
  openssl(dir, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', `/CN=Rolecall test CA ${name}`]);
  openssl(dir, ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1']);
  writeFileSync(path.join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n');
  openssl(dir, ['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '2', '-extfile', 'server.ext']);
  return {
    dir,
    caFile: path.join(dir, 'ca.pem'),
    server: { key: readFileSync(path.join(dir, 'server.key'), 'utf8'), cert: readFileSync(path.join(dir, 'server.pem'), 'utf8') },
  };
}
