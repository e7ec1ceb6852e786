/**
 * Console sign-in URLs: the federation endpoint per partition and region, console destinations, the
 * `Action=login` URL, and the access-portal shortcut (reference §4.1, §4.2). The endpoint rules live in
 * `federation-endpoint.ts` and the sign-in token request in `signin-token.ts`; both are re-exported here.
 */
import { UserFacingError } from '../user-facing-error';
import { globalConsoleOrigin, regionalConsoleOrigin } from './aws-partitions';
import { parseFederationEndpoint } from './federation-endpoint';

// Re-exported so that the whole console sign-in is one import for callers.
export { federationEndpoint, parseFederationEndpoint } from './federation-endpoint';
export { requestSigninToken, signinSessionDuration, ConsoleSigninError } from './signin-token';
export type { SigninTokenRequest, ConsoleSigninErrorKind, FetchFunction } from './signin-token';

import { CONSOLE_SERVICES, type ConsoleDestination, type ConsoleService } from '../../../shared/console-destinations';

export type { ConsoleDestination, ConsoleService } from '../../../shared/console-destinations';

/** The console services the destination picker offers by name. */
export const consoleServices: readonly ConsoleService[] = CONSOLE_SERVICES.map((service) => service.id);

/** IAM and Billing have one console for the whole partition, whatever region is chosen. */
const globalServices: ReadonlySet<ConsoleService> = new Set(['iam', 'billing']);

/**
 * The console URL for a destination in a region and its partition.
 *
 * Regional services land on `https://{region}.console.aws.amazon.com/<service>/home?region={region}`
 * (GovCloud and China: the partition's console host with the same query); IAM and Billing on the
 * partition's global console. A free path must be a path on the console host (`/rds/home?region=…`).
 */
export function consoleDestination(region: string, destination: ConsoleDestination): string {
  const base = regionalConsoleOrigin(region);
  const query = `?region=${encodeURIComponent(region)}`;
  switch (destination.kind) {
    case 'home':
      return `${base}/console/home${query}`;
    case 'service':
      return globalServices.has(destination.service)
        ? `${globalConsoleOrigin(region)}/${destination.service}/home`
        : `${base}/${destination.service}/home${query}`;
    case 'path':
      return consolePathUrl(base, destination.path);
  }
}

/**
 * A free console path on the console host, or a `UserFacingError`.
 *
 * SECURITY: the path is typed by a person and ends up in a sign-in link, so it may only ever name a page
 * on the AWS console: it must start with one `/`, hold no `//` or `\` before its query (which browsers
 * could read as another host), no spaces or control characters, and must keep the console's origin.
 */
function consolePathUrl(base: string, path: string): string {
  const pathPart = path.split(/[?#]/, 1)[0] ?? '';
  const shaped =
    path.startsWith('/') && !pathPart.includes('//') && !path.includes('\\') && !hasSpaceOrControl(path);
  const url = shaped ? parseOrNull(`${base}${path}`) : null;
  if (url === null || url.origin !== base) {
    throw new UserFacingError('A console path must start with "/" and name a page on the AWS console, such as /rds/home.');
  }
  return url.href;
}

/** What `consoleLoginUrl` needs: where, the single-use token, the console page and who sent the person. */
export interface ConsoleLoginUrlInput {
  readonly endpoint: string;
  readonly signinToken: string;
  /** An https console URL, from `consoleDestination`. */
  readonly destination: string;
  /** Who signed the person in; AWS sends them there when the console session ends. */
  readonly issuer: string;
}

/**
 * The `Action=login` URL that signs a browser in to the console.
 *
 * SECURITY: the URL holds a sign-in token that grants console access for 15 minutes: open it, never log
 * it, never send it to the renderer.
 */
export function consoleLoginUrl(input: ConsoleLoginUrlInput): string {
  const endpoint = parseFederationEndpoint(input.endpoint);
  if (parseOrNull(input.destination)?.protocol !== 'https:') {
    throw new UserFacingError('The console destination must be an https address.');
  }
  const parameters = [
    ['Action', 'login'],
    ['Issuer', input.issuer],
    ['Destination', input.destination],
    ['SigninToken', input.signinToken],
  ];
  const query = parameters.map(([name, value]) => `${name}=${encodeURIComponent(value ?? '')}`).join('&');
  return `${endpoint.origin}${endpoint.pathname}?${query}`;
}

/**
 * The access-portal shortcut: `<start URL>/#/console?account_id=…&role_name=…&destination=…`.
 *
 * It signs in through the browser's own portal session, so no credentials touch this machine; it also
 * works with the console's multi-session mode. A trailing `/`, `#/` or `#…` on the start URL is dropped.
 * Without a role the portal lets the person choose; without a destination it uses the permission set's.
 */
export function portalShortcutUrl(startUrl: string, accountId: string, roleName?: string, destination?: string): string {
  const url = parseOrNull(startUrl);
  // SECURITY: the shortcut is opened in the browser, so it must be an https page without user info.
  if (url === null || url.protocol !== 'https:' || url.username !== '' || url.password !== '') {
    throw new UserFacingError('The start URL must be an https address such as https://d-1234567890.awsapps.com/start.');
  }
  if (!/^\d{12}$/.test(accountId)) throw new UserFacingError('An AWS account id is 12 digits.');
  if (destination !== undefined && parseOrNull(destination)?.protocol !== 'https:') {
    throw new UserFacingError('The console destination must be an https address.');
  }
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  const parameters = [['account_id', accountId]];
  if (roleName !== undefined && roleName !== '') parameters.push(['role_name', roleName]);
  if (destination !== undefined) parameters.push(['destination', destination]);
  const query = parameters.map(([name, value]) => `${name}=${encodeURIComponent(value ?? '')}`).join('&');
  return `${base}/#/console?${query}`;
}

function hasSpaceOrControl(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code <= 0x20 || code === 0x7f) return true;
  }
  return false;
}

function parseOrNull(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
