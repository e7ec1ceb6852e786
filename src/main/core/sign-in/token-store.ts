/**
 * Where an instance's token and client registration live: the AWS CLI's cache files (shared with the
 * CLI, the default) or the OS keychain in Rolecall's own store (keychain-only mode).
 */
import {
  deleteSsoTokenFile,
  parseSsoTokenFile,
  formatSsoTokenFile,
  readSsoTokenFile,
  writeSsoTokenFile,
  type SsoTokenFile,
  type SsoTokenFileReadResult,
} from '../aws-files/sso-token-file';
import type { SecretVault } from '../persistence/secret-vault';
import type { StateRepository } from '../persistence/state-repository';
import {
  formatRegistration,
  parseRegistrationText,
  readRegistrationFile,
  writeRegistrationFile,
  type Registration,
} from './registration';

/** Reads and writes one instance's token and registration. */
export interface TokenStore {
  /** Whether the AWS CLI shares this store (so terminal sign-ins and sign-outs show up here). */
  readonly sharedWithCli: boolean;
  readToken(): Promise<SsoTokenFileReadResult>;
  writeToken(token: SsoTokenFile): Promise<void>;
  deleteToken(): Promise<void>;
  readRegistration(): Promise<Registration | null>;
  writeRegistration(registration: Registration): Promise<void>;
}

/**
 * The AWS CLI's files: `~/.aws/sso/cache/<sha1(session)>.json` and the CLI's registration file.
 *
 * `mirrors` names more token files kept identical to the first: the start-URL file that legacy profiles
 * read, while the person has chosen the legacy profile style.
 */
export function createCliTokenStore(tokenFile: string, registrationFile: string, mirrors: () => readonly string[] = () => []): TokenStore {
  return {
    sharedWithCli: true,
    readToken: () => readSsoTokenFile(tokenFile),
    writeToken: async (token) => {
      for (const file of [tokenFile, ...mirrors()]) await writeSsoTokenFile(file, token);
    },
    deleteToken: async () => {
      for (const file of [tokenFile, ...mirrors()]) await deleteSsoTokenFile(file);
    },
    readRegistration: () => readRegistrationFile(registrationFile),
    writeRegistration: (registration) => writeRegistrationFile(registrationFile, registration),
  };
}

/**
 * The keychain: secrets sealed by the OS keychain in Rolecall's state file; in memory only when the
 * keychain is unavailable.
 */
export function createKeychainTokenStore(instanceId: string, vault: SecretVault, state: StateRepository): TokenStore {
  const memory: { token?: string; registration?: string } = {};
  const read = (key: 'token' | 'registration'): string | undefined => {
    if (!vault.available) return memory[key];
    const sealed = state.get().sealed[instanceId]?.[key];
    return sealed === undefined ? undefined : vault.open(sealed);
  };
  const write = async (key: 'token' | 'registration', plain: string | undefined): Promise<void> => {
    if (!vault.available) {
      memory[key] = plain;
      return;
    }
    await state.update((s) => {
      const entry = { ...s.sealed[instanceId] };
      if (plain === undefined) delete entry[key];
      else entry[key] = vault.seal(plain);
      return { ...s, sealed: { ...s.sealed, [instanceId]: entry } };
    });
  };
  return {
    sharedWithCli: false,
    readToken: () => {
      const text = read('token');
      return Promise.resolve(text === undefined ? { kind: 'missing' } : parseSsoTokenFile(text));
    },
    writeToken: (token) => write('token', formatSsoTokenFile(token)),
    deleteToken: () => write('token', undefined),
    readRegistration: () => {
      const text = read('registration');
      return Promise.resolve(text === undefined ? null : parseRegistrationText(text));
    },
    writeRegistration: (registration) => write('registration', formatRegistration(registration)),
  };
}
