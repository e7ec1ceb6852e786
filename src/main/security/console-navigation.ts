/**
 * Where a Rolecall console window may go: AWS console and sign-in pages only.
 *
 * SECURITY: console windows show remote content. Their top frame may only navigate to the AWS console and
 * sign-in hosts of the three partitions (and a loopback emulator the person configured); anything else
 * leaves for the default browser only through the app's allowlist (`external-url.ts`).
 */

const exactHosts: readonly string[] = [
  'signin.aws.amazon.com',
  'console.aws.amazon.com',
  'signin.amazonaws-us-gov.com',
  'console.amazonaws-us-gov.com',
  'signin.amazonaws.cn',
  'console.amazonaws.cn',
];

// Each begins with a dot, so look-alikes such as `console.aws.amazon.com.evil.example` never match.
const hostSuffixes: readonly string[] = [
  '.signin.aws.amazon.com',
  '.console.aws.amazon.com',
  '.signin.amazonaws-us-gov.com',
  '.console.amazonaws-us-gov.com',
  '.signin.amazonaws.cn',
  '.console.amazonaws.cn',
];

/** Whether a console window may navigate its top frame to this URL. */
export function isConsoleWindowUrl(raw: string, loopbackOrigins: readonly string[] = []): boolean {
  const url = parse(raw);
  if (url === null || url.username !== '' || url.password !== '') return false;
  if (url.protocol === 'http:') return loopbackOrigins.includes(url.origin);
  if (url.protocol !== 'https:' || url.port !== '') return false;
  const host = url.hostname.toLowerCase();
  return exactHosts.includes(host) || hostSuffixes.some((suffix) => host.endsWith(suffix));
}

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}
