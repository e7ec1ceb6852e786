/**
 * The OS keychain through Electron's `safeStorage` (Keychain, DPAPI, libsecret/kwallet).
 */
import { safeStorage } from 'electron';
import type { SecretVault } from '../core/persistence/secret-vault';

/** A vault over `safeStorage`; unavailable when the OS offers no encryption (then memory only). */
export function createElectronVault(): SecretVault {
  // SECURITY: Linux's 'basic_text' backend is a hard-coded key, not a keychain: treat it as unavailable.
  const linuxBasic = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  return {
    available: safeStorage.isEncryptionAvailable() && !linuxBasic,
    seal: (plain) => safeStorage.encryptString(plain).toString('base64'),
    open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}
