import type { IndexedKey } from './config-edit-plan';
import {
  applyPlan,
  continuationsOf,
  insertLines,
  keyLines,
  lastSettingLine,
  nestedUnder,
  newPlan,
  type EditPlan,
} from './config-edit-plan';
import { parseConfig } from './config-lexer';
import type { ConfigDocument, ConfigError, ConfigResult, SectionRef } from './config-model';
import { effectiveKey } from './config-model';
import type { SectionBlock } from './config-sections';
import { blocksFor, headerFor, normalizeRef } from './config-sections';
import { ambiguousDefault, validateEdit, validateKey, validateSectionRef } from './config-validate';

/** Settings to write: `name → value`; `block.name` writes `name` nested under `block =`. */
export type ConfigEntries = Readonly<Record<string, string>>;

/**
 * Sets settings in a section and returns the new file text; every line outside the section is unchanged.
 *
 * Nothing is written unless the section name, every setting name and every value are safe and the file
 * parses. A missing section is created at the end after one blank line, as `[profile NAME]`,
 * `[sso-session NAME]`, `[services NAME]` or `[default]` (also for a profile named `default`). In an
 * existing section, settings that exist get their value replaced in place, keeping the spacing around
 * `=`, in every duplicate block. An inline comment on a replaced line moves to its own line above it and
 * continuation lines are dropped, because the AWS CLI would read both as part of the new value. Missing
 * settings are added as
 * `name = value` after the last setting of the section's last block (nested ones under their block, with
 * its indentation, else two spaces).
 */
export function setSection(text: string, ref: SectionRef, entries: ConfigEntries): ConfigResult<string> {
  const invalid = validateEdit(ref, entries);
  if (invalid) return { ok: false, error: invalid };
  const target = resolveTarget(text, ref);
  if (!target.ok) return target;
  const { doc, blocks } = target.value;
  const plan = newPlan();
  if (blocks.length === 0) {
    planNewSection(doc, ref, entries, plan);
  } else {
    const conflict = planUpdate(doc, blocks, entries, plan);
    if (conflict) return { ok: false, error: conflict };
  }
  return { ok: true, value: applyPlan(doc, plan) };
}

/**
 * Removes settings from a section (all duplicate blocks) and returns the new file text.
 *
 * A plain name also removes a nested block of that name with everything in it; `block.name` removes one
 * nested setting. Names that are absent are ignored.
 */
export function removeKeys(text: string, ref: SectionRef, keys: readonly string[]): ConfigResult<string> {
  const invalid = validateSectionRef(ref) ?? firstDefined(keys.map((key) => validateKey(key)));
  if (invalid) return { ok: false, error: invalid };
  const target = resolveTarget(text, ref);
  if (!target.ok) return target;
  const { doc, blocks } = target.value;
  const plan = newPlan();
  for (const line of keyLines(doc, blocks)) {
    const key = effectiveKey(line);
    if (key !== undefined && keys.includes(key)) removeWithContinuations(doc, line.index, plan);
    if (line.opener && keys.includes(line.name)) {
      plan.remove.add(line.index);
      for (const nested of nestedUnder(doc, line.index)) plan.remove.add(nested);
    }
  }
  return { ok: true, value: applyPlan(doc, plan) };
}

/**
 * Removes a section (every block the SDK reads as it) and returns the new file text.
 *
 * A block goes from its header to the next header, so its trailing blank line goes with it; comment
 * lines directly above the next header stay, as they describe that section. When the removed section
 * ended the file, the blank lines that separated it from the rest go too, so adding and then removing a
 * section gives back the original text. For the default profile both `[default]` and `[profile default]`
 * are removed.
 */
export function removeSection(text: string, ref: SectionRef): ConfigResult<string> {
  const invalid = validateSectionRef(ref);
  if (invalid) return { ok: false, error: invalid };
  const parsed = parseConfig(text);
  if (!parsed.ok) return parsed;
  const doc = parsed.value;
  const blocks = blocksFor(doc, ref);
  const plan = newPlan();
  const removedHeaders = new Set(blocks.map((block) => block.header));
  for (const block of blocks) {
    const nextHeaderKept = block.end < doc.lines.length && !removedHeaders.has(block.end);
    let stop = block.end;
    while (nextHeaderKept && stop - 1 > block.header && doc.lines[stop - 1]?.kind === 'comment') stop -= 1;
    for (let index = block.header; index < stop; index += 1) plan.remove.add(index);
  }
  if (plan.remove.has(doc.lines.length - 1)) dropTrailingBlanks(doc, plan);
  return { ok: true, value: applyPlan(doc, plan) };
}

function resolveTarget(
  text: string,
  ref: SectionRef,
): ConfigResult<{ doc: ConfigDocument; blocks: SectionBlock[] }> {
  const parsed = parseConfig(text);
  if (!parsed.ok) return parsed;
  const blocks = blocksFor(parsed.value, ref);
  // The CLI reads whichever of [default] / [profile default] comes last; the SDK always [profile default].
  const forms = new Set(blocks.map((block) => block.identity.raw));
  if (normalizeRef(ref).kind === 'default' && forms.size > 1) return { ok: false, error: ambiguousDefault(ref) };
  return { ok: true, value: { doc: parsed.value, blocks } };
}

function planNewSection(doc: ConfigDocument, ref: SectionRef, entries: ConfigEntries, plan: EditPlan): void {
  const lines = [headerFor(ref), ...newSettingLines(Object.entries(entries))];
  const last = doc.lines.length - 1;
  const lastLine = doc.lines[last];
  if (lastLine !== undefined && lastLine.kind !== 'blank') lines.unshift('');
  insertLines(plan, last, lines);
}

function planUpdate(
  doc: ConfigDocument,
  blocks: readonly SectionBlock[],
  entries: ConfigEntries,
  plan: EditPlan,
): ConfigError | undefined {
  const existing = keyLines(doc, blocks);
  const missing: [string, string][] = [];
  for (const [key, value] of Object.entries(entries)) {
    const conflict = conflictFor(existing, key);
    if (conflict) return conflict;
    const hits = existing.filter((line) => effectiveKey(line) === key);
    if (hits.length === 0) missing.push([key, value]);
    for (const hit of hits) replaceValue(doc, hit, value, plan);
  }
  const lastBlock = blocks[blocks.length - 1];
  if (lastBlock) planMissing(doc, existing, lastBlock, missing, plan);
  return undefined;
}

function planMissing(
  doc: ConfigDocument,
  existing: readonly IndexedKey[],
  block: SectionBlock,
  missing: readonly [string, string][],
  plan: EditPlan,
): void {
  const rest: [string, string][] = [];
  for (const [key, value] of missing) {
    const [blockName, nestedName] = key.split('.');
    const opener = existing.findLast((line) => line.opener && line.name === blockName);
    if (nestedName === undefined || opener === undefined) {
      rest.push([key, value]);
      continue;
    }
    // Nested settings go in first: after a plain setting they would read as part of its value.
    const nested = nestedUnder(doc, opener.index);
    const lastNested = nested[nested.length - 1];
    const anchor = doc.lines[lastNested ?? -1];
    const indent = anchor?.kind === 'key' ? anchor.indent : `${opener.indent}  `;
    insertLines(plan, lastNested ?? opener.index, [`${indent}${nestedName} = ${value}`]);
  }
  insertLines(plan, lastSettingLine(doc, block), newSettingLines(rest));
}

// Plain settings first, then new nested blocks, so no plain line lands inside a nested block.
function newSettingLines(entries: readonly [string, string][]): string[] {
  const plain: string[] = [];
  const nested = new Map<string, string[]>();
  for (const [key, value] of entries) {
    const [blockName = key, nestedName] = key.split('.');
    if (nestedName === undefined) {
      plain.push(`${key} = ${value}`);
    } else {
      nested.set(blockName, [...(nested.get(blockName) ?? []), `  ${nestedName} = ${value}`]);
    }
  }
  return [...plain, ...[...nested].flatMap(([blockName, lines]) => [`${blockName} =`, ...lines])];
}

// The AWS CLI lower-cases setting names and refuses a section with the same name twice; a plain value
// and a nested block of the same name would also be read differently by the two tools.
function conflictFor(existing: readonly IndexedKey[], key: string): ConfigError | undefined {
  const [top = key, nested] = key.split('.');
  for (const line of existing) {
    if (line.subsection !== undefined || line.name.toLowerCase() !== top.toLowerCase()) continue;
    let why: string | undefined;
    if (line.name !== top) why = `it is already set as "${line.name}", and the AWS CLI ignores the case of names`;
    else if (nested === undefined && line.opener) why = `"${top}" is a nested block in this section`;
    else if (nested !== undefined && !line.opener) why = `"${top}" is a plain setting in this section`;
    if (why !== undefined) {
      return { kind: 'conflict', key, message: `Rolecall cannot set ${key} in the AWS config file: ${why}.` };
    }
  }
  return undefined;
}

// The AWS CLI keeps an inline comment as part of the value and appends continuation lines to it, so both
// go: the comment moves to its own line above, where every tool reads it as a comment.
function replaceValue(doc: ConfigDocument, hit: IndexedKey, value: string, plan: EditPlan): void {
  const tail = hit.text.slice(hit.valueEnd);
  const comment = tail.trim();
  const continuations = continuationsOf(doc, hit.index);
  if (hit.value === value && comment === '' && continuations.length === 0) return;
  plan.replace.set(hit.index, hit.text.slice(0, hit.valueStart) + value + (comment === '' ? tail : ''));
  if (comment !== '') insertLines(plan, hit.index - 1, [`${hit.indent}${comment}`]);
  for (const continuation of continuations) plan.remove.add(continuation);
}

function removeWithContinuations(doc: ConfigDocument, index: number, plan: EditPlan): void {
  plan.remove.add(index);
  for (const continuation of continuationsOf(doc, index)) plan.remove.add(continuation);
}

function dropTrailingBlanks(doc: ConfigDocument, plan: EditPlan): void {
  let index = doc.lines.length - 1;
  while (index >= 0 && plan.remove.has(index)) index -= 1;
  while (index >= 0 && doc.lines[index]?.kind === 'blank' && !plan.remove.has(index)) {
    plan.remove.add(index);
    index -= 1;
  }
}

function firstDefined<T>(values: readonly (T | undefined)[]): T | undefined {
  return values.find((value) => value !== undefined);
}
