/**
 * The network settings every AWS call honours: the proxy variables and the CA bundle, as the AWS CLI reads them.
 *
 * The CA bundle is `AWS_CA_BUNDLE`, else `ca_bundle` of the profile in use (`AWS_PROFILE`, else `default`) in
 * the AWS config file; like the CLI's, it replaces the built-in trust store rather than adding to it. It is read
 * once, when Rolecall (or a `rolecall` command) starts; a bundle that cannot be read is kept as a problem and
 * every AWS call then fails with a message naming the setting, rather than silently trusting the defaults.
 */
import { readFile } from 'node:fs/promises';
import type { Env } from '../aws-files/aws-paths';
import { errorCode } from '../aws-files/atomic-write';
import { readConfigFile } from '../aws-files/config-file';
import { readConfig } from '../aws-files/config-reader';

/** Where the CA bundle setting came from, named as a person would look for it. */
export type CaBundleSource = 'AWS_CA_BUNDLE' | `ca_bundle of profile ${string}`;

/** The CA bundle in force: its certificates, or why they could not be read. */
export type CaBundle =
  | { readonly kind: 'loaded'; readonly path: string; readonly source: CaBundleSource; readonly pem: string }
  | { readonly kind: 'unreadable'; readonly path: string; readonly source: CaBundleSource; readonly reason: string };

/** What the HTTP layer needs to reach AWS from this machine. */
export interface NetworkSettings {
  /** The environment the proxy variables are read from. */
  readonly env: Env;
  /** The CA bundle, when one is set; `undefined` keeps Node's built-in trust store. */
  readonly caBundle: CaBundle | undefined;
}

/** Reads the CA bundle setting (and file) for `env`, with `configFile` the resolved AWS config file. */
export async function loadNetworkSettings(env: Env, configFile: string): Promise<NetworkSettings> {
  const setting = await caBundleSetting(env, configFile);
  return { env, caBundle: setting === undefined ? undefined : await readCaBundle(setting.path, setting.source) };
}

async function caBundleSetting(env: Env, configFile: string): Promise<{ path: string; source: CaBundleSource } | undefined> {
  const fromEnv = env['AWS_CA_BUNDLE'];
  if (fromEnv !== undefined && fromEnv !== '') return { path: fromEnv, source: 'AWS_CA_BUNDLE' };
  const file = await readConfigFile(configFile);
  if (file.kind !== 'ok') return undefined;
  const config = readConfig(file.text);
  if (!config.ok) return undefined;
  const profile = env['AWS_PROFILE'] || env['AWS_DEFAULT_PROFILE'] || 'default';
  const path = config.value.profiles.get(profile)?.get('ca_bundle');
  return path === undefined || path === '' ? undefined : { path, source: `ca_bundle of profile ${profile}` };
}

async function readCaBundle(path: string, source: CaBundleSource): Promise<CaBundle> {
  try {
    const pem = await readFile(path, 'utf8');
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
      return { kind: 'unreadable', path, source, reason: 'it holds no PEM certificate' };
    }
    return { kind: 'loaded', path, source, pem };
  } catch (error: unknown) {
    return { kind: 'unreadable', path, source, reason: `it could not be read (${errorCode(error) ?? 'I/O error'})` };
  }
}

/** Settings with no CA bundle, for callers (tests) that only want the proxy variables of `env`. */
export function networkSettingsFromEnv(env: Env): NetworkSettings {
  return { env, caBundle: undefined };
}
