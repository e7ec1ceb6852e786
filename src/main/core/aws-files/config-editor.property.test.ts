import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeKeys, removeSection, setSection } from './config-editor';
import { parseConfig } from './config-lexer';
import type { ConfigResult, SectionRef } from './config-model';
import { printConfig } from './config-model';
import type { SdkOracle, SdkSections } from './config-oracle.test-support';
import { createSdkOracle, sdkKeyOf, toSdkShape } from './config-oracle.test-support';
import { readConfig } from './config-reader';
import { headerFor } from './config-sections';
import type { GenConfig } from './config-generators.test-support';
import { config, configAndTarget, entries, keysToRemove } from './config-generators.test-support';

// ---- test-side model of the file: lines and header segments, found without the editor's parser ----

interface Line {
  readonly text: string;
  readonly eol: string;
}

function lines(text: string): Line[] {
  return (text.match(/[^\n]*\n|[^\n]+$/g) ?? []).map((raw) =>
    raw.endsWith('\r\n')
      ? { text: raw.slice(0, -2), eol: '\r\n' }
      : raw.endsWith('\n')
        ? { text: raw.slice(0, -1), eol: '\n' }
        : { text: raw, eol: '' },
  );
}

const isHeader = (line: Line): boolean => line.text.trim().startsWith('[');
const isComment = (line: Line): boolean => /^\s*[#;]/.test(line.text);
const isBlank = (line: Line): boolean => line.text.trim() === '';

function targetHeaders(gen: GenConfig, ref: SectionRef): Set<string> {
  const wanted = sdkKeyOf(ref);
  const headers = gen.segments.filter((s) => s.ref !== undefined && sdkKeyOf(s.ref) === wanted).map((s) => s.header);
  return new Set([...headers.filter((h) => h !== undefined), headerFor(ref)]);
}

/** Lines outside the target section, by header segments. */
function outsideTarget(text: string, targets: ReadonlySet<string>): Line[] {
  let inTarget = false;
  return lines(text).filter((line) => {
    if (isHeader(line)) inTarget = targets.has(line.text);
    return !inTarget;
  });
}

function expectSameLines(actual: readonly Line[], expected: readonly Line[]): void {
  expect(actual.map((l) => l.text)).toEqual(expected.map((l) => l.text));
  // Only a last line that had no terminator may gain one.
  expect(actual.slice(0, -1).map((l) => l.eol)).toEqual(expected.slice(0, -1).map((l) => l.eol));
  const lastEol = expected[expected.length - 1]?.eol;
  if (lastEol) expect(actual[actual.length - 1]?.eol).toBe(lastEol);
}

/**
 * The AWS CLI keeps inline comments and appends continuation lines to a value, so a line we set must
 * have neither (the SDK oracle cannot see this).
 */
function expectCliReadsValuesAsWritten(text: string, targets: ReadonlySet<string>, values: Record<string, string>): void {
  let inTarget = false;
  const all = lines(text);
  all.forEach((line, i) => {
    if (isHeader(line)) inTarget = targets.has(line.text);
    const name = /^([\w-]+)\s*=/.exec(line.text)?.[1];
    if (!inTarget || name === undefined || !(name in values)) return;
    expect(line.text).not.toMatch(/\s[#;]/);
    const next = all.slice(i + 1).find((later) => !isBlank(later) && !isComment(later));
    if (next !== undefined) expect(next.text).not.toMatch(/^\s+[^=]*$/);
  });
}

function hasBothDefaultForms(gen: GenConfig): boolean {
  const defaults = gen.segments.filter((s) => s.ref?.kind === 'default').map((s) => s.header?.startsWith('[default]'));
  return defaults.includes(true) && defaults.includes(false);
}

function edited(result: ConfigResult<string>): string {
  if (!result.ok) throw new Error(result.error.message);
  // Every edit must leave a file both AWS tools read the same way.
  expect(parseConfig(result.value).ok).toBe(true);
  return result.value;
}

function withoutEmpty(values: Record<string, string> | undefined): Record<string, string> | undefined {
  return values === undefined || Object.keys(values).length === 0 ? undefined : values;
}

async function expectOthersUnchanged(before: SdkSections, after: SdkSections, ref: SectionRef): Promise<void> {
  const target = sdkKeyOf(ref);
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key !== target) expect(after[key], `section ${key}`).toEqual(before[key]);
  }
  await Promise.resolve();
}

// ---- properties ----

const RUNS = { numRuns: 200 };
let oracle: SdkOracle;
beforeAll(async () => {
  oracle = await createSdkOracle();
});
afterAll(async () => {
  await oracle.dispose();
});

describe('config editor properties', () => {
  it('(c) parses every generated file, prints it back byte for byte, and reads it as the SDK does', async () => {
    await fc.assert(
      fc.asyncProperty(config, async (gen) => {
        const parsed = parseConfig(gen.text);
        if (!parsed.ok) throw new Error(`${parsed.error.message}\n${JSON.stringify(gen.text)}`);
        expect(printConfig(parsed.value)).toBe(gen.text);
        const ours = readConfig(gen.text);
        expect(ours.ok && toSdkShape(ours.value)).toEqual(await oracle.read(gen.text));
      }),
      RUNS,
    );
  });

  it('(a, b) setSection changes only the target section, to exactly the intended values', async () => {
    await fc.assert(
      fc.asyncProperty(configAndTarget, entries, async ([gen, ref], values) => {
        const result = setSection(gen.text, ref, values);
        if (sdkKeyOf(ref) === 'default' && hasBothDefaultForms(gen)) {
          expect(result).toMatchObject({ ok: false, error: { kind: 'ambiguous-default' } });
          return;
        }
        const output = edited(result);
        const targets = targetHeaders(gen, ref);
        const created = !gen.segments.some((s) => s.header !== undefined && targets.has(s.header));
        if (created) {
          const kept = lines(output).slice(0, lines(gen.text).length);
          expectSameLines(kept, lines(gen.text));
          expect(output.slice(kept.map((l) => l.text + l.eol).join('').length)).toMatch(/^(\r?\n)?\[/);
        } else {
          expectSameLines(outsideTarget(output, targets), outsideTarget(gen.text, targets));
        }
        const [before, after] = [await oracle.read(gen.text), await oracle.read(output)];
        await expectOthersUnchanged(before, after, ref);
        expect(after[sdkKeyOf(ref)]).toEqual(withoutEmpty({ ...before[sdkKeyOf(ref)], ...values }));
        expectCliReadsValuesAsWritten(output, targets, values);
      }),
      RUNS,
    );
  });

  it('(a, b) removeKeys changes only the target section and removes exactly those settings', async () => {
    await fc.assert(
      fc.asyncProperty(configAndTarget, keysToRemove, async ([gen, ref], keys) => {
        const result = removeKeys(gen.text, ref, keys);
        if (sdkKeyOf(ref) === 'default' && hasBothDefaultForms(gen)) {
          expect(result).toMatchObject({ ok: false, error: { kind: 'ambiguous-default' } });
          return;
        }
        const output = edited(result);
        const targets = targetHeaders(gen, ref);
        expectSameLines(outsideTarget(output, targets), outsideTarget(gen.text, targets));
        const [before, after] = [await oracle.read(gen.text), await oracle.read(output)];
        await expectOthersUnchanged(before, after, ref);
        const remaining = Object.entries(before[sdkKeyOf(ref)] ?? {}).filter(
          ([key]) => !keys.some((removed) => key === removed || key.startsWith(`${removed}.`)),
        );
        expect(after[sdkKeyOf(ref)]).toEqual(withoutEmpty(Object.fromEntries(remaining)));
      }),
      RUNS,
    );
  });

  it('(a, b) removeSection removes exactly the target blocks', async () => {
    await fc.assert(
      fc.asyncProperty(configAndTarget, async ([gen, ref]) => {
        const output = edited(removeSection(gen.text, ref));
        const targets = targetHeaders(gen, ref);
        expectSameLines(lines(output), expectedAfterRemoval(gen.text, targets));
        const [before, after] = [await oracle.read(gen.text), await oracle.read(output)];
        await expectOthersUnchanged(before, after, ref);
        expect(after[sdkKeyOf(ref)]).toBeUndefined();
      }),
      RUNS,
    );
  });

  it('setSection is idempotent, and removeSection undoes the creation of a section', () => {
    fc.assert(
      fc.property(configAndTarget, entries, ([gen, ref], values) => {
        const once = setSection(gen.text, ref, values);
        if (!once.ok) return;
        expect(setSection(once.value, ref, values)).toEqual(once);
        const targets = targetHeaders(gen, ref);
        const absent = !gen.segments.some((s) => s.header !== undefined && targets.has(s.header));
        const last = lines(gen.text).pop();
        if (absent && last !== undefined && last.eol !== '' && !isBlank(last)) {
          expect(removeSection(once.value, ref)).toEqual({ ok: true, value: gen.text });
        }
      }),
      RUNS,
    );
  });
});

/** The documented removal rule, restated over header segments. */
function expectedAfterRemoval(text: string, targets: ReadonlySet<string>): Line[] {
  const segments: Line[][] = [[]];
  for (const line of lines(text)) {
    if (isHeader(line)) segments.push([]);
    segments[segments.length - 1]?.push(line);
  }
  const removed = (segment: readonly Line[] | undefined): boolean =>
    segment?.[0] !== undefined && isHeader(segment[0]) && targets.has(segment[0].text);
  const kept: Line[] = [];
  segments.forEach((segment, i) => {
    if (!removed(segment)) {
      kept.push(...segment);
      return;
    }
    const next = segments[i + 1];
    if (next === undefined || removed(next)) return;
    let start = segment.length;
    while (start > 1 && segment[start - 1] !== undefined && isComment(segment[start - 1] as Line)) start -= 1;
    kept.push(...segment.slice(start));
  });
  if (removed(segments[segments.length - 1])) {
    while (kept.length > 0 && isBlank(kept[kept.length - 1] as Line)) kept.pop();
  }
  return kept;
}
