// Test support: fast-check generators for ~/.aws/config files, with the SDK meaning of each header known.
import fc from 'fast-check';
import type { ConfigEntries } from './config-editor';
import type { SectionRef } from './config-model';

/** A run of lines from a header (or the file start) to the next header. */
export interface Segment {
  readonly header: string | undefined; // undefined: lines before the first header
  readonly ref: SectionRef | undefined; // what the SDK reads the header as
  readonly lines: readonly string[];
}
/** A generated config file and its segments. */
export interface GenConfig {
  readonly segments: readonly Segment[];
  readonly text: string;
}

const DEFAULT: SectionRef = { kind: 'default' };
const plainKey = fc.constantFrom('region', 'output', 'sso_session', 'sso_start_url', 'sso_region', 'credential_process');
const nestedName = fc.constantFrom('s3', 'sso', 'sso_oidc');
const subKey = fc.constantFrom('max_concurrent_requests', 'endpoint_url', 'addressing_style');
const fileValue = fc.constantFrom('us-east-1', 'json', 'https://d-1.awsapps.com/start#/', 'two words', 'a=b=c', 'x#y', '[b]');
const spacing = fc.constantFrom(['', ''], [' ', ' '], ['  ', '   '], ['', ' '], [' ', ''], ['\t', '\t']);
const trailer = fc.constantFrom('', '', '', ' # note', ' ; note', '\t#tab', '   ', ' #');
const comment = fc.constantFrom('# a comment', '; semicolon', '#', '  # indented', ';;', '# [profile fake]', '#region = x');
const blank = fc.constantFrom('', '', '  ', '\t');
const filler = fc.oneof(comment, blank);

const setting = fc
  .tuple(plainKey, spacing, fileValue, trailer)
  .map(([key, [before, after], value, tail]) => `${key}${before}=${after}${value}${tail}`);
const withContinuation = fc
  .tuple(setting, fc.array(fc.constantFrom('    more text', '\tmore', '  --flag value'), { minLength: 1, maxLength: 2 }))
  .map(([first, rest]) => [first, ...rest]);
const subSetting = fc
  .tuple(fc.constantFrom('  ', '    ', '\t'), subKey, spacing, fileValue, trailer)
  .map(([indent, key, [before, after], value, tail]) => `${indent}${key}${before}=${after}${value}${tail}`);
const nestedBlock = fc
  .tuple(nestedName, fc.constantFrom(' =', '=', ' =  '), fc.array(fc.oneof(subSetting, subSetting, filler), { maxLength: 4 }))
  .map(([name, equals, lines]) => [`${name}${equals}`, ...lines]);
const body = fc
  .array(fc.oneof(setting.map((line) => [line]), withContinuation, nestedBlock, filler.map((line) => [line])), {
    maxLength: 5,
  })
  .map((items) => items.flat());

const profileName = fc.constantFrom('dev', 'prod', 'a.b', 'x-1_y', 'default');
const asProfile = (name: string): SectionRef => (name === 'default' ? DEFAULT : { kind: 'profile', name });
const header: fc.Arbitrary<{ header: string; ref: SectionRef | undefined }> = fc
  .tuple(
    fc.oneof(
      fc.constant({ header: '[default]', ref: DEFAULT }),
      fc.tuple(profileName, fc.constantFrom('[profile %]', '[profile %]', '[profile "%"]', '[profile.%]')).map(
        ([name, form]) => ({ header: form.replace('%', name), ref: asProfile(name) }),
      ),
      fc.constantFrom('my-sso', 'corp').map((name) => ({ header: `[sso-session ${name}]`, ref: ssoSession(name) })),
      fc.constantFrom('local', 'emu').map((name) => ({ header: `[services ${name}]`, ref: services(name) })),
      fc.constantFrom('[plugins]', '[preview]', '[toolname thing]', '[profile  spaced]', '[ default ]').map((h) => ({
        header: h,
        ref: undefined,
      })),
    ),
    fc.constantFrom('', '', ' # header comment', '  ; c', '   '),
  )
  .map(([{ header: text, ref }, tail]) => ({ header: text + tail, ref }));

/** Config files: comments, blanks, nested blocks, continuations, quirky headers, mixed line endings. */
export const config: fc.Arbitrary<GenConfig> = fc
  .tuple(
    fc.array(fc.oneof(filler, fc.constant('orphan = outside')), { maxLength: 3 }),
    fc.array(fc.tuple(header, body), { maxLength: 6 }),
    fc.constantFrom('lf', 'crlf', 'mixed'),
    fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    fc.boolean(),
  )
  .map(([preamble, sections, style, mix, finalNewline]) => {
    const segments: Segment[] = [
      { header: undefined, ref: undefined, lines: preamble },
      ...sections.map(([{ header: h, ref }, lines]) => ({ header: h, ref, lines: [h, ...lines] })),
    ];
    const all = segments.flatMap((segment) => segment.lines);
    const eol = (i: number): string => {
      if (i === all.length - 1 && !finalNewline) return '';
      if (style === 'mixed') return mix[i % mix.length] === true ? '\r\n' : '\n';
      return style === 'crlf' ? '\r\n' : '\n';
    };
    return { segments, text: all.map((line, i) => line + eol(i)).join('') };
  });

/** Sections to edit, present or not in the generated files. */
export const targetRef: fc.Arbitrary<SectionRef> = fc.constantFrom<SectionRef>(
  DEFAULT,
  { kind: 'profile', name: 'default' },
  { kind: 'profile', name: 'dev' },
  { kind: 'profile', name: 'a.b' },
  { kind: 'profile', name: 'new-one' },
  ssoSession('my-sso'),
  ssoSession('brand-new'),
  services('local'),
  services('fresh'),
);
const entryKey = fc.oneof(plainKey, fc.tuple(nestedName, subKey).map(([a, b]) => `${a}.${b}`));
/** Settings to write, plain and nested. */
export const entries: fc.Arbitrary<ConfigEntries> = fc
  .uniqueArray(fc.tuple(entryKey, fc.constantFrom('eu-west-1', 'text', 'https://d-2.awsapps.com/start', 'x#y', 'a=b', 'two words')), {
    selector: ([key]) => key,
    maxLength: 4,
  })
  .map((pairs) => Object.fromEntries(pairs));
/** Setting names to remove, including nested block names. */
export const keysToRemove = fc.uniqueArray(fc.oneof(entryKey, nestedName), { maxLength: 4 });

function ssoSession(name: string): SectionRef {
  return { kind: 'sso-session', name };
}
function services(name: string): SectionRef {
  return { kind: 'services', name };
}

/** A config and a section to edit: half the time one the file already has (in whatever header form). */
export const configAndTarget: fc.Arbitrary<[GenConfig, SectionRef]> = config.chain((gen) => {
  const present = gen.segments.flatMap((segment) => (segment.ref ? [segment.ref] : []));
  const target = present.length > 0 ? fc.oneof(targetRef, fc.constantFrom(...present)) : targetRef;
  return fc.tuple(fc.constant(gen), target);
});
