/**
 * Which proxy an AWS call goes through, read from the environment exactly as the AWS CLI reads it.
 *
 * The AWS CLI (botocore) takes its proxies from Python's `urllib.request.getproxies_environment` and its
 * bypass list from `proxy_bypass_environment`; these are the same rules, so a shell where `aws` reaches
 * AWS is one where Rolecall does too. Where they differ from other tools, the CLI's rules win:
 * - `https_proxy` and `HTTPS_PROXY` (any case) both count; an all-lowercase name wins over the others, and an
 *   empty lowercase one unsets the scheme.
 * - `NO_PROXY` is a comma-separated list of DNS suffixes: `example.com` and `.example.com` both bypass
 *   `example.com` and every host under it; `host:port` entries match that port only; `*` bypasses all.
 * - A proxy written without a scheme (`proxy.corp:3128`) is `http://proxy.corp:3128`, as botocore fixes it.
 * - Under CGI (`REQUEST_METHOD` set) only the lowercase `http_proxy` is trusted (CVE-2016-1000110).
 *
 * The lookup is pure: the environment is passed in, never read from `process.env`.
 */
import type { Env } from '../aws-files/aws-paths';

/** Proxy URLs by scheme (`https`, `http`, `no` for the bypass list), as `getproxies_environment` builds them. */
export function environmentProxies(env: Env): ReadonlyMap<string, string> {
  const proxies = new Map<string, string>();
  const entries = Object.entries(env);
  for (const [name, value] of entries) {
    const lower = name.toLowerCase();
    if (value !== undefined && value !== '' && lower.endsWith('_proxy')) proxies.set(lower.slice(0, -6), value);
  }
  if (env['REQUEST_METHOD'] !== undefined) proxies.delete('http');
  for (const [name, value] of entries) {
    if (!name.endsWith('_proxy')) continue;
    const scheme = name.toLowerCase().slice(0, -6);
    if (value !== undefined && value !== '') proxies.set(scheme, value);
    else proxies.delete(scheme);
  }
  return proxies;
}

/** Whether `netloc` (`host` or `host:port`) is on the bypass list, as `proxy_bypass_environment` decides. */
export function bypassesProxy(netloc: string, noProxy: string | undefined): boolean {
  if (noProxy === undefined) return false;
  if (noProxy === '*') return true;
  const host = netloc.toLowerCase();
  const hostOnly = hostWithoutPort(host);
  for (const entry of noProxy.split(',')) {
    if (entry.trim() === '') continue;
    const name = entry.trim().replace(/^\.+/, '').toLowerCase();
    if (hostOnly === name || host === name) return true;
    const suffix = `.${name}`;
    if (hostOnly.endsWith(suffix) || host.endsWith(suffix)) return true;
  }
  return false;
}

/** Python's `_splitport`: the host without a trailing `:digits`. */
function hostWithoutPort(host: string): string {
  const match = /^(.*):([0-9]*)$/s.exec(host);
  return match?.[1] ?? host;
}

/** The proxy an AWS call to `url` goes through, or `undefined` to go direct. */
export function proxyUrlFor(url: URL, env: Env): string | undefined {
  const proxies = environmentProxies(env);
  if (bypassesProxy(url.host, proxies.get('no'))) return undefined;
  const proxy = proxies.get(url.protocol.replace(/:$/, ''));
  return proxy === undefined ? undefined : withScheme(proxy);
}

/** botocore's `_fix_proxy_url`: a proxy without `http:`/`https:` is reached over plain HTTP. */
function withScheme(proxy: string): string {
  if (proxy.startsWith('http:') || proxy.startsWith('https:')) return proxy;
  return proxy.startsWith('//') ? `http:${proxy}` : `http://${proxy}`;
}

/** The variable a proxy for `url` came from, named as a person would look for it (for messages). */
export function proxyVariableFor(url: URL): string {
  return url.protocol === 'http:' ? 'HTTP_PROXY' : 'HTTPS_PROXY';
}
