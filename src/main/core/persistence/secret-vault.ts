/**
 * The OS keychain as Rolecall uses it: seal a secret for the state file, open it again.
 *
 * In the desktop app this is Electron's `safeStorage`; where it is unavailable (the browser preview,
 * a Linux session without a keyring) Rolecall says so and keeps keychain-mode secrets in memory only.
 */
export interface SecretVault {
  readonly available: boolean;
  /** Encrypts; returns base64. Only called when `available`. */
  seal(plain: string): string;
  /** Decrypts what `seal` returned; throws if it cannot. */
  open(sealed: string): string;
}

/** A vault with no keychain behind it. */
export const unavailableVault: SecretVault = {
  available: false,
  seal: () => {
    throw new Error('no keychain');
  },
  open: () => {
    throw new Error('no keychain');
  },
};
