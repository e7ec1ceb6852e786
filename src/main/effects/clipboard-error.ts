/**
 * No clipboard on this machine (the browser preview's host with no clipboard tool installed).
 */
import { UserFacingError } from '../core/user-facing-error';

/** The tools Rolecall looks for on this platform, for the message when none is there. */
export function clipboardToolNames(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'pbcopy';
  if (platform === 'win32') return 'clip.exe';
  return 'wl-copy, xclip, xsel or (on WSL) clip.exe';
}

/** Thrown when this machine has no clipboard tool; callers add where the person can get the text instead. */
export class NoClipboardError extends UserFacingError {
  constructor(platform: NodeJS.Platform) {
    super(`Rolecall could not copy: this machine has no clipboard tool (it looks for ${clipboardToolNames(platform)}).`);
  }
}
