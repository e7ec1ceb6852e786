import type { ConfigDocument, ConfigError, ConfigLine, ConfigResult, Eol, SectionIdentity } from './config-model';
import { sectionIdentity } from './config-sections';

// The JS SDK's comment rule: `#` or `;` at the start of a line or after whitespace, even inside a value.
const COMMENT_START = /(^|\s)[;#]/;
// The SDK throws on these headers and then ignores the whole file.
const SDK_REJECTED_HEADERS: readonly string[] = ['__proto__', 'profile __proto__'];

/** What a line looks like on its own, before its context is known. */
type Shape =
  | { readonly kind: 'blank' | 'comment' }
  | { readonly kind: 'header'; readonly name: string; readonly lead: number; readonly commentHasBracket: boolean }
  | { readonly kind: 'bad-header' }
  | {
      readonly kind: 'key';
      readonly name: string;
      readonly value: string;
      readonly valueStart: number;
      readonly valueEnd: number;
      readonly lead: number;
    }
  | { readonly kind: 'other'; readonly lead: number; readonly emptyName: boolean };

/** What the lexer remembers between lines. */
interface LexState {
  /** The JS SDK's current section key; falsy means the SDK is ignoring lines. */
  raw: string | undefined;
  /** Whether the section is one the SDK reads, so the CLI and the SDK must agree on it. */
  checked: boolean;
  /** The JS SDK's current nested block. */
  subsection: string | undefined;
  /** Python configparser's current option: its indentation, and whether it opens a nested block. */
  option: { readonly indent: number; readonly opener: boolean } | undefined;
}

/**
 * Splits text into lines, keeping each terminator (`\n` or `\r\n`).
 *
 * A final newline does not start an extra empty line, so joining `text + eol` gives the input back.
 */
export function splitLines(text: string): { text: string; eol: Eol }[] {
  const lines: { text: string; eol: Eol }[] = [];
  const pattern = /\r?\n/g;
  let start = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    lines.push({ text: text.slice(start, match.index), eol: match[0] === '\n' ? '\n' : '\r\n' });
    start = match.index + match[0].length;
  }
  if (start < text.length) lines.push({ text: text.slice(start), eol: '' });
  return lines;
}

/**
 * Parses `~/.aws/config` text into a lossless line model.
 *
 * Lines are read with the JS SDK's rules. A file is refused, with the 1-based line number, when a line is
 * none of blank, comment, header, `name = value` or an indented continuation, when the SDK would reject the
 * whole file, or when the AWS CLI (Python configparser) and the JS SDK would read a line of an AWS section
 * differently, because an edit could then change what one of them sees.
 */
export function parseConfig(text: string): ConfigResult<ConfigDocument> {
  const state: LexState = { raw: undefined, checked: false, subsection: undefined, option: undefined };
  const lines: ConfigLine[] = [];
  for (const [index, { text: lineText, eol }] of splitLines(text).entries()) {
    const line = lexLine(lineText, eol, state);
    if ('error' in line) return { ok: false, error: parseError(index + 1, line.error) };
    lines.push(line);
  }
  return { ok: true, value: { lines } };
}

function lexLine(text: string, eol: Eol, state: LexState): ConfigLine | { error: string } {
  // SECURITY: Python splits lines on a lone CR and the JS SDK does not, so a lone CR can hide a line from
  // one of them (e.g. a `credential_process`). Refuse rather than guess.
  if (text.includes('\r')) return { error: 'contains a carriage return that does not end the line' };
  const shape = shapeOf(text);
  switch (shape.kind) {
    case 'blank':
    case 'comment':
      return { kind: shape.kind, text, eol };
    case 'bad-header':
      return { error: 'starts with "[" but is not a complete section header' };
    case 'header':
      return lexHeader(text, eol, shape, state);
    case 'key':
      return lexKey(text, eol, shape, state);
    case 'other':
      return lexOther(text, eol, shape, state);
  }
}

function lexHeader(
  text: string,
  eol: Eol,
  shape: Extract<Shape, { kind: 'header' }>,
  state: LexState,
): ConfigLine | { error: string } {
  if (shape.commentHasBracket) return { error: 'has a "]" in its comment, which the AWS CLI reads as part of the name' };
  if (state.option !== undefined && shape.lead > state.option.indent) {
    return { error: 'is an indented section header, which the AWS CLI reads as part of the previous value' };
  }
  const section: SectionIdentity = sectionIdentity(shape.name);
  if (SDK_REJECTED_HEADERS.includes(shape.name) || section.raw === 'profile.__proto__') {
    return { error: 'names a section "__proto__", which the AWS SDKs reject' };
  }
  state.raw = section.raw;
  state.checked = section.ref !== undefined;
  state.subsection = undefined;
  state.option = undefined;
  return { kind: 'header', text, eol, section };
}

function lexKey(
  text: string,
  eol: Eol,
  shape: Extract<Shape, { kind: 'key' }>,
  state: LexState,
): ConfigLine | { error: string } {
  const opener = shape.value === '';
  const continues = state.option !== undefined && shape.lead > state.option.indent;
  let subsection = state.subsection;
  // The SDK leaves a nested block at the first non-indented setting.
  if (!opener && subsection !== undefined && shape.lead === 0) subsection = undefined;
  const nested = !opener && subsection !== undefined;
  if (state.checked) {
    if (nested && !continues) return { error: 'is read as a nested setting by the AWS SDKs but not by the AWS CLI' };
    if (!nested && continues) return { error: 'is indented, so the AWS CLI reads it as part of the previous value' };
    if (shape.name.includes(':')) return { error: 'has a ":" in its name, which the AWS CLI reads as "="' };
    // `s3 = # note` opens a nested block for the SDK, but the CLI reads "# note" as a plain value.
    if (opener && text.slice(shape.valueStart).trim() !== '') {
      return { error: 'starts a nested block but has a comment after "=", which the AWS CLI reads as a value' };
    }
  }
  if (state.raw) state.subsection = opener ? shape.name : subsection;
  if (!continues) state.option = { indent: shape.lead, opener };
  return {
    kind: 'key',
    text,
    eol,
    name: shape.name,
    value: shape.value,
    valueStart: shape.valueStart,
    valueEnd: shape.valueEnd,
    indent: text.slice(0, shape.lead),
    subsection: nested ? subsection : undefined,
    opener,
  };
}

function lexOther(
  text: string,
  eol: Eol,
  shape: Extract<Shape, { kind: 'other' }>,
  state: LexState,
): ConfigLine | { error: string } {
  const continues = state.option !== undefined && shape.lead > state.option.indent;
  if (!continues) {
    return { error: shape.emptyName ? 'has "=" with no name before it' : 'is not a setting, a section header or a comment' };
  }
  if (state.checked && state.option?.opener === true) {
    return { error: 'is inside a nested block but is not "name = value"' };
  }
  return { kind: 'continuation', text, eol };
}

function shapeOf(text: string): Shape {
  if (text.trim() === '') return { kind: 'blank' };
  const cut = COMMENT_START.exec(text)?.index ?? text.length;
  const content = text.slice(0, cut).trim();
  if (content === '') return { kind: 'comment' };
  const lead = text.length - text.trimStart().length;
  if (content.startsWith('[')) {
    if (!content.endsWith(']')) return { kind: 'bad-header' };
    return { kind: 'header', name: content.slice(1, -1), lead, commentHasBracket: text.slice(cut).includes(']') };
  }
  const equals = content.indexOf('=');
  if (equals <= 0) return { kind: 'other', lead, emptyName: equals === 0 };
  const rawValue = text.slice(lead + equals + 1, cut);
  const value = rawValue.trim();
  const valueStart = lead + equals + 1 + (rawValue.length - rawValue.trimStart().length);
  return {
    kind: 'key',
    name: content.slice(0, equals).trim(),
    value,
    valueStart,
    valueEnd: valueStart + value.length,
    lead,
  };
}

function parseError(line: number, reason: string): ConfigError {
  return {
    kind: 'parse',
    line,
    message: `Line ${line} of the AWS config file ${reason}. Rolecall has not changed the file; fix that line and try again.`,
  };
}
