import type { ConfigError, SectionRef } from './config-model';
import { describeRef, normalizeRef } from './config-sections';

// What the JS SDK accepts after `[profile ` (its header pattern); anything else is invisible to it.
const SECTION_NAME = /^[\w@+.%:/-]+$/;
// Setting names Rolecall writes; `a.b` addresses `b` inside a nested block `a =` (as `[services]` uses).
const KEY_PART = /^[A-Za-z0-9_-]+$/;
// Printable ASCII only. The AWS CLI decodes the file with the locale's encoding, so non-ASCII could make
// it refuse the whole file on Windows.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Checks that a section name can be written into a header without changing the file's structure.
 *
 * SECURITY: names may come from the network (account and role names, checklist 24). A name with `]`, a
 * newline, spaces or `=` could close the header early and inject a section or a `credential_process`
 * line, so only the JS SDK's own character set is accepted, never escaped or trimmed.
 */
export function validateSectionRef(ref: SectionRef): ConfigError | undefined {
  const target = normalizeRef(ref);
  if (target.kind === 'default') return undefined;
  const { name } = target;
  const invalid = (why: string): ConfigError => ({
    kind: 'invalid-name',
    name,
    message: `The ${target.kind} name ${JSON.stringify(name)} cannot be written to the AWS config file: ${why}.`,
  });
  if (name === '') return invalid('it is empty');
  if (!SECTION_NAME.test(name)) return invalid('it may only contain letters, digits and _ - @ + . % : /');
  if (name === '__proto__') return invalid('the AWS SDKs reject that name');
  // The SDK files profile `sso-session.x` under the same key as `[sso-session x]`; one would hide the other.
  if (target.kind === 'profile' && /^(sso-session|services)\./.test(name)) {
    return invalid('the AWS SDKs would confuse it with a section of another type');
  }
  return undefined;
}

/**
 * Checks a setting name: letters, digits, `_` and `-`, optionally `block.name` for a nested setting.
 *
 * SECURITY: a name with `=`, `[`, a newline or a comment character would change how the line is read.
 */
export function validateKey(key: string): ConfigError | undefined {
  const parts = key.split('.');
  const valid = parts.length <= 2 && parts.every((part) => KEY_PART.test(part) && part !== '__proto__');
  if (valid) return undefined;
  return {
    kind: 'invalid-key',
    key,
    message: `The setting name ${JSON.stringify(key)} cannot be written to the AWS config file: use letters, digits, _ and -.`,
  };
}

/**
 * Checks that a value reads back identically with both the AWS CLI and the JS SDK.
 *
 * SECURITY: a newline or CR in a value would start a new line (a new setting or section); the SDK cuts
 * values at ` #` / ` ;` and trims spaces while the CLI does not, so those are refused rather than written
 * into a file that two tools read differently. An empty value would open a nested block instead.
 */
export function validateValue(key: string, value: string): ConfigError | undefined {
  const invalid = (why: string): ConfigError => ({
    kind: 'invalid-value',
    key,
    message: `The value for ${key} cannot be written to the AWS config file: ${why}.`,
  });
  if (value === '') return invalid('it is empty');
  if (!PRINTABLE_ASCII.test(value)) return invalid('it contains a line break, a control character or non-ASCII text');
  if (value.trim() !== value) return invalid('it starts or ends with a space');
  if (/^[#;]|\s[#;]/.test(value)) return invalid('it contains "#" or ";" where the AWS SDKs would read a comment');
  return undefined;
}

/** Checks a section ref and every setting before anything is written. */
export function validateEdit(ref: SectionRef, entries: Readonly<Record<string, string>>): ConfigError | undefined {
  const refError = validateSectionRef(ref);
  if (refError) return refError;
  for (const [key, value] of Object.entries(entries)) {
    const error = validateKey(key) ?? validateValue(key, value);
    if (error) return error;
  }
  return undefined;
}

/** Explains that the default profile is written twice, as `[default]` and `[profile default]`. */
export function ambiguousDefault(ref: SectionRef): ConfigError {
  return {
    kind: 'ambiguous-default',
    message:
      `The AWS config file has both [default] and [profile default], and the AWS CLI and the SDKs read ` +
      `different ones, so Rolecall cannot change ${describeRef(ref)} safely. Merge them into [default] and try again.`,
  };
}
