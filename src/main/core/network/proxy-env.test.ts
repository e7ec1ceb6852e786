import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bypassesProxy, proxyUrlFor } from './proxy-env';

/**
 * The proxy rules are checked against the AWS CLI's own: botocore's `get_environ_proxies` and
 * `ProxyConfiguration.proxy_url_for`, run by python3 on the same environments and URLs.
 */

interface Case {
  readonly env: Record<string, string>;
  readonly url: string;
}

const proxyEnvs: Record<string, string>[] = [
  {},
  { HTTPS_PROXY: 'http://upper.proxy:3128' },
  { https_proxy: 'http://lower.proxy:3128', HTTPS_PROXY: 'http://upper.proxy:3128' },
  { HTTPS_PROXY: 'proxy.corp:8080' },
  { HTTPS_PROXY: '//proxy.corp:8080' },
  { HTTPS_PROXY: 'https://user:p%40ss@secure.proxy:443' },
  { HTTP_PROXY: 'http://plain.proxy:80' },
  { HTTPS_PROXY: 'http://upper.proxy:3128', https_proxy: '' },
  { HTTP_PROXY: 'http://plain.proxy:80', REQUEST_METHOD: 'GET' },
  { http_proxy: 'http://plain.proxy:80', REQUEST_METHOD: 'GET' },
  { Https_Proxy: 'http://mixed.proxy:1' },
];

const noProxies = [
  undefined,
  '*',
  'amazonaws.com',
  '.amazonaws.com',
  '*.amazonaws.com',
  'oidc.us-east-1.amazonaws.com',
  '127.0.0.1',
  '127.0.0.1:4777',
  'localhost, 127.0.0.1 ,example.org',
  'AMAZONAWS.COM',
  'zonaws.com',
  ',,',
];

const urls = [
  'https://oidc.us-east-1.amazonaws.com',
  'https://portal.sso.eu-west-1.amazonaws.com/federation/credentials',
  'https://signin.aws.amazon.com/federation',
  'http://127.0.0.1:4777',
  'https://127.0.0.1:4443',
  'https://[::1]:4443/x',
];

function cases(): Case[] {
  const all: Case[] = [];
  for (const proxies of proxyEnvs) {
    for (const noProxy of noProxies) {
      for (const url of urls) {
        const env: Record<string, string> = { ...proxies };
        if (noProxy !== undefined) env[all.length % 2 === 0 ? 'NO_PROXY' : 'no_proxy'] = noProxy;
        all.push({ env, url });
      }
    }
  }
  return all;
}

const botocoreScript = `
import json, os, sys
from botocore.utils import get_environ_proxies
from botocore.httpsession import ProxyConfiguration
out = []
for case in json.load(sys.stdin):
    os.environ.clear()
    os.environ.update(case["env"])
    proxies = get_environ_proxies(case["url"])
    out.append(ProxyConfiguration(proxies=proxies).proxy_url_for(case["url"]))
print(json.dumps(out))
`;

function botocoreAnswers(input: readonly Case[]): Promise<(string | null)[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', ['-c', botocoreScript], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as (string | null)[]) : reject(new Error(`python3 exited ${code}`))));
    child.stdin.end(JSON.stringify(input));
  });
}

describe('proxyUrlFor', () => {
  it('chooses the proxy botocore chooses, for every environment and URL tried', async () => {
    const input = cases();
    const expected = await botocoreAnswers(input);
    const actual = input.map((c) => proxyUrlFor(new URL(c.url), c.env) ?? null);
    const differences = input.flatMap((c, i) => (actual[i] === expected[i] ? [] : [{ ...c, rolecall: actual[i], botocore: expected[i] }]));
    expect(differences).toEqual([]);
    expect(input.length).toBeGreaterThan(700);
    // The table is not trivially all-direct or all-proxied.
    expect(new Set(expected).size).toBeGreaterThan(5);
  });

  it('bypasses every host under a NO_PROXY suffix, with or without its leading dot', () => {
    expect(bypassesProxy('oidc.us-east-1.amazonaws.com', 'amazonaws.com')).toBe(true);
    expect(bypassesProxy('oidc.us-east-1.amazonaws.com', '.amazonaws.com')).toBe(true);
    expect(bypassesProxy('notamazonaws.com', 'amazonaws.com')).toBe(false);
    expect(bypassesProxy('127.0.0.1:4777', '127.0.0.1:4778')).toBe(false);
  });
});
