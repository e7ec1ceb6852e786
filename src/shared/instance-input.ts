/**
 * What a person types to add an Identity Center instance, and the checks that give each field a
 * clear message. Main runs them before saving anything; the form runs them as the person types.
 */
import { awsRegions } from './aws-regions.generated';

/** Where an instance keeps its token. */
export type TokenStorage = 'aws-cli' | 'keychain';

/** The fields of the "Add instance" form. */
export interface InstanceInput {
  readonly startUrl: string;
  readonly region: string;
  readonly sessionName: string;
  readonly tokenStorage: TokenStorage;
}

/** A message per field that needs fixing; empty when the input is good. */
export type FieldErrors = Partial<Record<'startUrl' | 'region' | 'sessionName', string>>;

/** An instance already added, as far as clashes go. */
export interface ExistingInstance {
  readonly sessionName: string;
  readonly startUrl: string;
}

/** The characters the AWS SDKs accept in an `[sso-session NAME]` header. */
const SESSION_NAME = /^[A-Za-z0-9_\-@+.%:/]{1,64}$/;

/** Checks every field; returns the messages to show next to them. */
export function validateInstanceInput(input: InstanceInput, existing: readonly ExistingInstance[]): FieldErrors {
  const errors: FieldErrors = {};
  const startUrlError = checkStartUrl(input.startUrl, existing);
  if (startUrlError !== null) errors.startUrl = startUrlError;
  if (!awsRegions.some((r) => r.id === input.region)) {
    errors.region = input.region === '' ? 'Choose the region of your Identity Center instance.' : `“${input.region}” is not an AWS region. Choose one from the list.`;
  }
  const nameError = checkSessionName(input.sessionName, existing);
  if (nameError !== null) errors.sessionName = nameError;
  return errors;
}

// Shared code has neither the DOM's nor Node's URL, so start URLs are read with one strict pattern.
const URL_PATTERN = /^([a-z][a-z0-9+.-]*):\/\/([^/?#\s]*)([/?#][^\s]*)?$/i;
const HOST_PATTERN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:\d{1,5})?$/i;

function checkStartUrl(raw: string, existing: readonly ExistingInstance[]): string | null {
  const example = 'like https://d-1234567890.awsapps.com/start';
  const trimmed = raw.trim();
  if (trimmed === '') return `Enter your AWS access portal URL, ${example}.`;
  const match = URL_PATTERN.exec(trimmed);
  if (match === null) return `That is not a URL. Enter your AWS access portal URL, ${example}.`;
  if (match[1]?.toLowerCase() !== 'https') return `The start URL must begin with https://, ${example}.`;
  const authority = match[2] ?? '';
  if (authority.includes('@')) return 'The start URL must not contain a user name or password.';
  if (!HOST_PATTERN.test(authority)) return `That host name is not valid. Enter your AWS access portal URL, ${example}.`;
  const clash = existing.find((e) => e.startUrl === trimmed);
  return clash === undefined ? null : `This start URL is already added as “${clash.sessionName}”.`;
}

function checkSessionName(name: string, existing: readonly ExistingInstance[]): string | null {
  if (name === '') return 'Enter a session name: it names the [sso-session] section in ~/.aws/config.';
  if (!SESSION_NAME.test(name)) {
    return 'Use up to 64 letters, digits and - _ . @ + % : / (no spaces): it names the [sso-session] section in ~/.aws/config.';
  }
  return existing.some((e) => e.sessionName === name) ? `You already have an instance named “${name}”. Choose another name.` : null;
}

/**
 * A session name derived from the start URL: the directory or alias of the portal
 * (`https://d-1234567890.awsapps.com/start` → `d-1234567890`), else the host with unsafe characters
 * replaced.
 */
export function deriveSessionName(startUrl: string): string {
  const match = URL_PATTERN.exec(startUrl.trim());
  const host = (match?.[2] ?? '').replace(/:\d+$/, '').toLowerCase();
  if (match === null || !HOST_PATTERN.test(host)) return '';
  const awsHosted = /^([a-z0-9-]+)\.(awsapps\.com|awsapps\.cn|portal\.[a-z0-9-]+\.app\.aws|[a-z0-9-]+\.portal\.amazonaws\.com)$/.exec(host);
  const base = awsHosted?.[1] ?? host;
  return base.replace(/[^a-z0-9_\-.]/g, '-').slice(0, 64);
}
