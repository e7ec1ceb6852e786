/**
 * The shell formats credentials can be copied in, with the names people know them by.
 */
import type { CredentialFormat } from './ipc-contract';

/** Every format, in menu order, with its label. */
export const credentialFormats: readonly { readonly id: CredentialFormat; readonly label: string }[] = [
  { id: 'env', label: 'bash/zsh' },
  { id: 'fish', label: 'fish' },
  { id: 'powershell', label: 'PowerShell' },
  { id: 'windows-cmd', label: 'Windows cmd' },
  { id: 'dotenv', label: '.env' },
  { id: 'env-no-export', label: 'env (no export)' },
  { id: 'process', label: 'credential_process JSON' },
];

/** The label of a format. */
export function credentialFormatLabel(format: CredentialFormat): string {
  return credentialFormats.find((f) => f.id === format)?.label ?? format;
}
