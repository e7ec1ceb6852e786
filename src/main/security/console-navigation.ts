/**
 * Where a Rolecall console window may go: AWS console and sign-in pages only.
 *
 * SECURITY: console windows show remote content. Their top frame may only navigate to the AWS console and
 * sign-in hosts of the three partitions (and a loopback emulator the person configured); anything else
 * leaves for the default browser only through the app's allowlist (`external-url.ts`).
 */
import { CONSOLE_SIGNIN_HOSTS, CONSOLE_SIGNIN_HOST_SUFFIXES } from './external-url';

/** Whether a console window may navigate its top frame to this URL. */
export function isConsoleWindowUrl(raw: string, loopbackOrigins: readonly string[] = []): boolean {
  const url = parse(raw);
  if (url === null || url.username !== '' || url.password !== '') return false;
  if (url.protocol === 'http:') return loopbackOrigins.includes(url.origin);
  // An emulator served over TLS (the company-network tests) is allowed by its exact origin too.
  if (url.protocol === 'https:' && loopbackOrigins.includes(url.origin)) return true;
  if (url.protocol !== 'https:' || url.port !== '') return false;
  const host = url.hostname.toLowerCase();
  // Suffixes begin with a dot, so look-alikes such as `console.aws.amazon.com.evil.example` never match.
  return CONSOLE_SIGNIN_HOSTS.includes(host) || CONSOLE_SIGNIN_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix));
}

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}
