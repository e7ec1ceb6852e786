import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args';

const CLI = join(import.meta.dirname, 'cli.ts');

describe('parseCliArgs', () => {
  it('maps every flag to its option', () => {
    const options = parseCliArgs([
      '--port', '0', '--accounts', '2000', '--roles-per-account', '3', '--latency-ms', '25', '--rate-limit', '10',
      '--fail-rate', '0.1', '--auto-approve', '--access-token-ttl', '60', '--session-ttl', '120',
      '--role-credentials-ttl', '900', '--device-code-ttl', '30', '--interval', '5', '--seed', '9',
      '--start-url', 'https://d-1234567890.awsapps.com/start', '--region', 'eu-west-1', '--registration-ttl', '100',
    ]);
    expect(options).toEqual({
      port: 0, accounts: 2000, rolesPerAccount: 3, latencyMs: 25, rateLimit: 10, failRate: 0.1, autoApprove: true,
      accessTokenTtl: 60, sessionTtl: 120, roleCredentialsTtl: 900, deviceCodeTtl: 30, interval: 5, seed: 9,
      startUrl: 'https://d-1234567890.awsapps.com/start', region: 'eu-west-1', registrationTtl: 100,
    });
    expect(parseCliArgs(['--fixture', 'x.json'])).toEqual({ fixture: 'x.json' });
    expect(parseCliArgs(['--help'])).toBe('help');
  });

  it('refuses unknown flags and non-numbers', () => {
    expect(() => parseCliArgs(['--acounts', '3'])).toThrow();
    expect(() => parseCliArgs(['--accounts', 'many'])).toThrow(/--accounts needs a number/);
  });
});

describe('the emulator command', () => {
  it('prints where it is and the environment, then stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--accounts', '2000', '--roles-per-account', '3'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    const reader = createInterface({ input: child.stdout });
    for await (const line of reader) {
      lines.push(line);
      if (lines.length === 3) break;
    }
    const [banner, oidcLine, ssoLine] = lines;
    const match = /^Identity Center emulator on (http:\/\/127\.0\.0\.1:(\d+)) \(start URL (https:\/\/d-[0-9a-f]{10}\.awsapps\.com\/start), region us-east-1\)$/.exec(banner ?? '');
    expect(match, banner).not.toBeNull();
    const url = match?.[1] ?? '';
    expect(oidcLine).toBe(`export AWS_ENDPOINT_URL_SSO_OIDC=${url}`);
    expect(ssoLine).toBe(`export AWS_ENDPOINT_URL_SSO=${url}`);
    const info = (await (await fetch(`${url}/__emulator/info`)).json()) as { accounts: number };
    expect(info.accounts).toBe(2000);
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });

  it('explains a bad flag and exits with 2', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--fail-rate', '2'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(stderr).toContain('--fail-rate must be a number from 0 to 1');
    expect(code).toBe(2);
  });
});
