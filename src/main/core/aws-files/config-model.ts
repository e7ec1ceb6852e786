/**
 * A section of `~/.aws/config` as the AWS tools name it.
 *
 * `[default]` and `[profile default]` both name the default profile, so a `profile` ref named `default`
 * is treated as `{ kind: 'default' }`.
 */
export type SectionRef =
  | { readonly kind: 'default' }
  | { readonly kind: 'profile'; readonly name: string }
  | { readonly kind: 'sso-session'; readonly name: string }
  | { readonly kind: 'services'; readonly name: string };

/** A line terminator; only the last line of a file may have none. */
export type Eol = '' | '\n' | '\r\n';

/**
 * How the JS SDK identifies a section header.
 *
 * `raw` is the key the SDK's INI parser files the section's values under (`undefined`: the SDK drops the
 * section's values); `ref` is what that key means to the SDK (`undefined`: another tool's section).
 */
export interface SectionIdentity {
  readonly raw: string | undefined;
  readonly ref: SectionRef | undefined;
}

/** A `name = value` line, with where its value sits so it can be replaced in place. */
export interface KeyInfo {
  /** Text before the first `=`, trimmed. */
  readonly name: string;
  /** Text after the first `=`, with an inline comment removed and trimmed, as the JS SDK reads it. */
  readonly value: string;
  readonly valueStart: number;
  readonly valueEnd: number;
  /** Leading whitespace. */
  readonly indent: string;
  /** The nested block (`s3 =`) this line belongs to in the JS SDK's reading, if any. */
  readonly subsection: string | undefined;
  /** A `name =` line with no value: the SDK starts a nested block instead of storing a value. */
  readonly opener: boolean;
}

interface LineBase {
  /** The line without its terminator, byte for byte. */
  readonly text: string;
  readonly eol: Eol;
}

/** One line of the file and what it is. */
export type ConfigLine =
  | (LineBase & { readonly kind: 'blank' })
  | (LineBase & { readonly kind: 'comment' })
  | (LineBase & { readonly kind: 'header'; readonly section: SectionIdentity })
  | (LineBase & { readonly kind: 'key' } & KeyInfo)
  | (LineBase & { readonly kind: 'continuation' });

/** A config file as lines; printing the lines back gives the original text exactly. */
export interface ConfigDocument {
  readonly lines: readonly ConfigLine[];
}

/** Why a config file cannot be read or edited safely. Every variant carries a message for a person. */
export type ConfigError =
  | { readonly kind: 'parse'; readonly line: number; readonly message: string }
  | { readonly kind: 'invalid-name'; readonly name: string; readonly message: string }
  | { readonly kind: 'invalid-key'; readonly key: string; readonly message: string }
  | { readonly kind: 'invalid-value'; readonly key: string; readonly message: string }
  | { readonly kind: 'conflict'; readonly key: string; readonly message: string }
  | { readonly kind: 'ambiguous-default'; readonly message: string };

/** A value, or the reason there is none. */
export type ConfigResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: ConfigError };

/** The values the JS SDK reads for one section, in file order. */
export type ConfigValues = ReadonlyMap<string, string>;

/** A config file as the JS SDK reads it. Sections without any value are absent, as in the SDK. */
export interface ConfigView {
  /** Profiles by name; the default profile is `default`. */
  readonly profiles: ReadonlyMap<string, ConfigValues>;
  readonly ssoSessions: ReadonlyMap<string, ConfigValues>;
  readonly services: ReadonlyMap<string, ConfigValues>;
}

/** Prints a document back to text. */
export function printConfig(doc: ConfigDocument): string {
  return doc.lines.map((line) => line.text + line.eol).join('');
}

/** The key a line stores its value under in the JS SDK's reading (`s3.max_concurrent_requests` when nested). */
export function effectiveKey(line: KeyInfo): string | undefined {
  if (line.opener) return undefined;
  return line.subsection === undefined ? line.name : `${line.subsection}.${line.name}`;
}
