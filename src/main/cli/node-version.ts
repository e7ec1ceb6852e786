/** The oldest Node that runs `rolecall`: the AWS SDK's releases from January 2027 need 22, Rolecall 22.12. */
export const minimumNode = { major: 22, minor: 12 } as const;

/**
 * Why this Node cannot run `rolecall`, or `null` when it can.
 *
 * Checked before anything else runs, so an old Node gets one line instead of the SDK's support warning on every
 * run (and on the stderr of every `credential_process`) or a syntax error from a newer bundle.
 */
export function unsupportedNode(version: string): string | null {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  if (major > minimumNode.major || (major === minimumNode.major && minor >= minimumNode.minor)) return null;
  return `rolecall needs Node.js ${minimumNode.major}.${minimumNode.minor} or newer; this is Node ${version}. Install a current Node and try again.`;
}
