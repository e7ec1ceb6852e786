import { createHash } from 'node:crypto';
import { join, sep } from 'node:path';

/** Environment variables as the caller sees them; core code never reads `process.env` itself. */
export type Env = Readonly<Record<string, string | undefined>>;

/** What path resolution needs: the environment and the OS home directory to fall back on. */
export interface PathInput {
  readonly env: Env;
  /** `os.homedir()` as seen by the caller; used only when no home variable is set. */
  readonly homedir: string;
}

/** The files the AWS CLI and SDKs share, resolved the way the JS SDK resolves them. */
export interface AwsPaths {
  readonly home: string;
  readonly configFile: string;
  readonly credentialsFile: string;
  readonly ssoCacheDir: string;
}

/**
 * Resolves the home directory the way the JS SDK does.
 *
 * Order: `HOME`, `USERPROFILE`, `HOMEDRIVE` + `HOMEPATH` (drive defaults to `C:\`), then the fallback.
 * Empty variables count as unset, as in the SDK. On Windows with `HOME` set (Git Bash) this can differ
 * from the AWS CLI, which uses `USERPROFILE`; we follow the SDK because it is what we test against.
 */
export function resolveHomeDir(input: PathInput): string {
  const { HOME, USERPROFILE, HOMEPATH, HOMEDRIVE } = input.env;
  if (HOME) return HOME;
  if (USERPROFILE) return USERPROFILE;
  if (HOMEPATH) return `${HOMEDRIVE ?? `C:${sep}`}${HOMEPATH}`;
  return input.homedir;
}

/**
 * Expands a leading `~` to the home directory.
 *
 * Only `~` alone and `~/…` (or `~` followed by the platform separator) are expanded; `~user` is left as is,
 * because neither the SDK nor a shell-less caller can resolve another user's home reliably.
 */
export function expandTilde(path: string, home: string): string {
  if (path === '~') return home;
  if (path.startsWith('~/') || path.startsWith(`~${sep}`)) return join(home, path.slice(2));
  return path;
}

/** Resolves the shared config file: `AWS_CONFIG_FILE` (with `~` expanded), else `<home>/.aws/config`. */
export function resolveConfigFile(input: PathInput): string {
  const home = resolveHomeDir(input);
  const fromEnv = input.env['AWS_CONFIG_FILE'];
  return fromEnv ? expandTilde(fromEnv, home) : join(home, '.aws', 'config');
}

/** Resolves the shared credentials file: `AWS_SHARED_CREDENTIALS_FILE`, else `<home>/.aws/credentials`. */
export function resolveCredentialsFile(input: PathInput): string {
  const home = resolveHomeDir(input);
  const fromEnv = input.env['AWS_SHARED_CREDENTIALS_FILE'];
  return fromEnv ? expandTilde(fromEnv, home) : join(home, '.aws', 'credentials');
}

/** Resolves the SSO token cache directory, `<home>/.aws/sso/cache` (no environment variable moves it). */
export function resolveSsoCacheDir(input: PathInput): string {
  return join(resolveHomeDir(input), '.aws', 'sso', 'cache');
}

/** Resolves all shared AWS file locations at once. */
export function resolveAwsPaths(input: PathInput): AwsPaths {
  return {
    home: resolveHomeDir(input),
    configFile: resolveConfigFile(input),
    credentialsFile: resolveCredentialsFile(input),
    ssoCacheDir: resolveSsoCacheDir(input),
  };
}

/**
 * Names the token cache file for a cache key: SHA-1 hex of the UTF-8 key, plus `.json`.
 *
 * The key is the sso-session name for `sso_session` profiles, or the configured `sso_start_url`
 * verbatim for legacy profiles (a trailing `/` changes the hash).
 */
export function ssoTokenFileName(key: string): string {
  return `${createHash('sha1').update(key, 'utf8').digest('hex')}.json`;
}

/** Resolves the full path of the token cache file for a cache key. */
export function ssoTokenFilePath(input: PathInput, key: string): string {
  return join(resolveSsoCacheDir(input), ssoTokenFileName(key));
}
