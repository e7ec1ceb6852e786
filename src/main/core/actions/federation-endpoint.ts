/**
 * The console federation endpoint for a region, and the check every use of an endpoint goes through.
 */
import { UserFacingError } from '../user-facing-error';
import { federationHost, isRegionName, partitionHosts } from './aws-partitions';

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The federation endpoint for a region, e.g. `https://signin.aws.amazon.com/federation`.
 *
 * Opt-in commercial regions get `https://{region}.signin.aws.amazon.com/federation`, GovCloud
 * `https://signin.amazonaws-us-gov.com/federation` (us-gov-east-1 its regional host) and China
 * `https://signin.amazonaws.cn/federation`. `override` is the origin of a local emulator, which then
 * replaces the endpoint entirely (`<override origin>/federation`).
 */
export function federationEndpoint(region: string, override?: string): string {
  if (override !== undefined) {
    const url = parseOrNull(override);
    // SECURITY: credentials are posted to this endpoint, so an override may only point at this machine.
    if (url === null || !isLoopback(url)) {
      throw new UserFacingError('The console sign-in endpoint override must be a loopback http address such as http://127.0.0.1:4566.');
    }
    return `${url.origin}/federation`;
  }
  return `https://${federationHost(region)}/federation`;
}

/**
 * Checks a federation endpoint before credentials or a sign-in token are sent to it.
 *
 * SECURITY: only AWS sign-in hosts over https (or a loopback emulator), path `/federation`, no query,
 * fragment or user info: a wrong string here would hand credentials to someone else.
 */
export function parseFederationEndpoint(endpoint: string): URL {
  const url = parseOrNull(endpoint);
  const clean = url !== null && url.username === '' && url.password === '' && url.search === '' && url.hash === '';
  if (url === null || !clean || url.pathname !== '/federation' || !(isLoopback(url) || isAwsSigninHost(url))) {
    throw new UserFacingError('Rolecall refused to use a console sign-in address that is not an AWS sign-in endpoint.');
  }
  return url;
}

function isAwsSigninHost(url: URL): boolean {
  if (url.protocol !== 'https:' || url.port !== '') return false;
  const host = url.hostname;
  return Object.values(partitionHosts).some(
    ({ signin }) => host === signin || (host.endsWith(`.${signin}`) && isRegionName(host.slice(0, -signin.length - 1))),
  );
}

function isLoopback(url: URL): boolean {
  return (url.protocol === 'http:' || url.protocol === 'https:') && loopbackHosts.has(url.hostname);
}

/** Parses a URL, or `null`. */
function parseOrNull(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

