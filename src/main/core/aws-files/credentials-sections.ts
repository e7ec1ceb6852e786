/**
 * Rolecall's own sections of `~/.aws/credentials` (the shared credentials file), edited as text: every line
 * outside a section Rolecall wrote stays byte for byte.
 *
 * A managed section carries {@link CREDENTIALS_MARKER} as a comment line right under its header, with the
 * account, role and instance it holds and until when, so `rolecall` can refresh and remove it later from
 * the file alone. A section of the same name without the marker belongs to the person and is never
 * replaced here: {@link setManagedSection} answers `foreign`, and the caller asks (and backs the file up).
 */
import { splitLines } from './config-lexer';

const CREDENTIALS_MARKER = '# Managed by Rolecall:';
/** `# Managed by Rolecall: ACCOUNT ROLE of INSTANCE until ISO. …` */
const MARKER_PATTERN = /^# Managed by Rolecall: (\S+) (\S+) of (\S+) until (\S+)\./;
// botocore's configparser and the JS SDK both read `[name]` on its own line; spaces around it are allowed.
const HEADER = /^\s*\[([^\][]+)\]\s*$/;

/** Section names Rolecall writes or accepts: what both botocore and the JS SDK read the same way. */
export const SECTION_NAME = /^[A-Za-z0-9][A-Za-z0-9_.+@-]{0,127}$/;

/** The default section name: the account's name and the role, reduced to what a section name may hold. */
export function defaultSectionName(accountName: string, roleName: string): string {
  const name = `${accountName}-${roleName}`.replace(/[^A-Za-z0-9_.+@-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 128);
  return SECTION_NAME.test(name) ? name : `rolecall-${roleName.replace(/[^A-Za-z0-9_.+@-]+/g, '-')}`.slice(0, 128);
}

/** What a managed section holds. */
export interface ManagedCredentials {
  readonly name: string;
  readonly accountId: string;
  readonly roleName: string;
  readonly instance: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  /** The credentials' expiry as the AWS CLI prints it (`2026-12-06T05:04:15+00:00`). */
  readonly expiration: string;
}

/** A managed section as listed back from the file (no secrets). */
export interface ManagedSectionInfo {
  readonly name: string;
  readonly accountId: string;
  readonly roleName: string;
  readonly instance: string;
  readonly expiration: string;
}

interface Section {
  readonly name: string;
  /** Index of the header line. */
  readonly header: number;
  /** Index of the first line after the section's own lines (trailing blank lines are not its own). */
  readonly end: number;
  readonly marker: ManagedSectionInfo | null;
}

type Lines = { text: string; eol: '' | '\n' | '\r\n' }[];

/** The outcome of an edit: the new text, or why nothing was changed. */
export type CredentialsEdit =
  | { readonly kind: 'ok'; readonly text: string }
  | { readonly kind: 'foreign'; readonly name: string }
  | { readonly kind: 'refused'; readonly reason: string };

function sectionsOf(lines: Lines): Section[] {
  const headers = lines.flatMap((line, index) => {
    const match = HEADER.exec(line.text);
    return match?.[1] === undefined ? [] : [{ name: match[1].trim(), index }];
  });
  return headers.map(({ name, index }, i) => {
    let end = headers[i + 1]?.index ?? lines.length;
    while (end - 1 > index && (lines[end - 1]?.text.trim() ?? '') === '') end -= 1;
    const markerLine = MARKER_PATTERN.exec(lines[index + 1]?.text ?? '');
    const marker =
      markerLine === null
        ? null
        : { name, accountId: markerLine[1] ?? '', roleName: markerLine[2] ?? '', instance: markerLine[3] ?? '', expiration: markerLine[4] ?? '' };
    return { name, header: index, end, marker };
  });
}

/** The section's lines as Rolecall writes them. */
function managedLines(entry: ManagedCredentials): string[] {
  return [
    `[${entry.name}]`,
    `${CREDENTIALS_MARKER} ${entry.accountId} ${entry.roleName} of ${entry.instance} until ${entry.expiration}. rolecall credentials-file refresh renews it; logout removes it.`,
    `aws_access_key_id = ${entry.accessKeyId}`,
    `aws_secret_access_key = ${entry.secretAccessKey}`,
    `aws_session_token = ${entry.sessionToken}`,
  ];
}

// Values go into `name = value` lines: nothing that could end the line or start a comment or section.
const SAFE_VALUE = /^[A-Za-z0-9+/=._:@-]+$/;

function invalid(entry: ManagedCredentials): string | null {
  if (!SECTION_NAME.test(entry.name)) return `"${entry.name}" cannot be a section name: use letters, digits and . _ + @ - only.`;
  for (const [what, value] of Object.entries({ account: entry.accountId, role: entry.roleName, instance: entry.instance, expiration: entry.expiration })) {
    if (!SAFE_VALUE.test(value)) return `The ${what} "${value}" cannot be written into the credentials file.`;
  }
  for (const value of [entry.accessKeyId, entry.secretAccessKey, entry.sessionToken]) {
    if (!SAFE_VALUE.test(value)) return 'The credentials hold characters that cannot be written into the credentials file.';
  }
  return null;
}

function dominantEol(lines: Lines): '\n' | '\r\n' {
  const crlf = lines.filter((line) => line.eol === '\r\n').length;
  return crlf * 2 > lines.length ? '\r\n' : '\n';
}

const join = (lines: Lines): string => lines.map((line) => line.text + line.eol).join('');

function duplicated(sections: readonly Section[], name: string): boolean {
  return sections.filter((section) => section.name === name).length > 1;
}

/**
 * Writes `entry` as a managed section: replaces Rolecall's own section of that name in place, or adds the
 * section at the end after one blank line. A section of that name that Rolecall did not write is left
 * alone (`foreign`) unless `replaceForeign`.
 */
export function setManagedSection(text: string, entry: ManagedCredentials, replaceForeign = false): CredentialsEdit {
  const reason = invalid(entry);
  if (reason !== null) return { kind: 'refused', reason };
  const lines: Lines = splitLines(text);
  const sections = sectionsOf(lines);
  // botocore refuses a file with a section twice (configparser's strict mode), so Rolecall never edits one.
  if (duplicated(sections, entry.name)) return { kind: 'refused', reason: `[${entry.name}] appears more than once in the credentials file; remove one first.` };
  const eol = dominantEol(lines);
  const fresh: Lines = managedLines(entry).map((line) => ({ text: line, eol }));
  const existing = sections.find((section) => section.name === entry.name);
  if (existing !== undefined) {
    if (existing.marker === null && !replaceForeign) return { kind: 'foreign', name: entry.name };
    const lastEol = lines[existing.end - 1]?.eol ?? eol;
    // A section that ended the file without a newline still does.
    const replaced: Lines = fresh.map((line, i) => (i === fresh.length - 1 && lastEol === '' ? { text: line.text, eol: '' } : line));
    return { kind: 'ok', text: join([...lines.slice(0, existing.header), ...replaced, ...lines.slice(existing.end)]) };
  }
  const out = [...lines];
  const last = out[out.length - 1];
  if (last !== undefined && last.eol === '') out[out.length - 1] = { ...last, eol };
  if (out.length > 0 && (out[out.length - 1]?.text.trim() ?? '') !== '') out.push({ text: '', eol });
  return { kind: 'ok', text: join([...out, ...fresh]) };
}

/**
 * Removes Rolecall's own sections that `which` picks, with the blank line Rolecall put before each when it
 * ended the file, so adding and then removing a section gives the original text back. Sections without
 * the marker are never removed.
 */
export function removeManagedSections(text: string, which: (info: ManagedSectionInfo) => boolean): { text: string; removed: ManagedSectionInfo[] } {
  let lines: Lines = splitLines(text);
  const removed: ManagedSectionInfo[] = [];
  for (;;) {
    const target = sectionsOf(lines).find((section) => section.marker !== null && which(section.marker) && !removed.some((r) => r.name === section.name));
    if (target?.marker == null) break;
    removed.push(target.marker);
    const endsFile = lines.slice(target.end).every((line) => line.text.trim() === '');
    let start = target.header;
    let end = target.end;
    if (endsFile) {
      end = lines.length;
      while (start > 0 && (lines[start - 1]?.text.trim() ?? '') === '') start -= 1;
      lines = lines.slice(0, start);
      continue;
    }
    while (end < lines.length && (lines[end]?.text.trim() ?? '') === '' && end + 1 < lines.length) end += 1;
    lines = [...lines.slice(0, start), ...lines.slice(end)];
  }
  return { text: join(lines), removed };
}

/** Every managed section in the file, without its secrets. */
export function managedSections(text: string): ManagedSectionInfo[] {
  return sectionsOf(splitLines(text)).flatMap((section) => (section.marker === null ? [] : [section.marker]));
}
