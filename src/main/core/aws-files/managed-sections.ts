/**
 * Sections of `~/.aws/config` that Rolecall owns: one marked section (a profile written by "Use in
 * terminal", or `[default]`), and one marked block of generated profiles per instance.
 *
 * A marked section carries {@link MANAGED_SECTION_MARKER} as a comment line inside it, so Rolecall can tell
 * it wrote the section and may update it without asking. A block runs from its BEGIN comment line to its
 * END comment line; everything inside belongs to Rolecall and is rewritten whole, everything outside is
 * never touched.
 */
import { applyPlan, dominantEol, insertLines, newPlan } from './config-edit-plan';
import { parseConfig } from './config-lexer';
import type { ConfigDocument, ConfigResult, SectionRef } from './config-model';
import { printConfig } from './config-model';
import { blocksFor, describeRef } from './config-sections';

/** The comment line that marks a section Rolecall wrote. */
export const MANAGED_SECTION_MARKER = '# Managed by Rolecall ("Use in terminal"); it updates the SSO settings here.';
const MARKER_PREFIX = '# Managed by Rolecall';

/** The raw text of a section (every block the SDK reads as it), or `undefined` when it is absent. */
export function sectionText(text: string, ref: SectionRef): ConfigResult<string | undefined> {
  const parsed = parseConfig(text);
  if (!parsed.ok) return parsed;
  const doc = parsed.value;
  const blocks = blocksFor(doc, ref);
  if (blocks.length === 0) return { ok: true, value: undefined };
  const lines = blocks.flatMap((block) => doc.lines.slice(block.header, trimmedEnd(doc, block.header, block.end)));
  return { ok: true, value: lines.map((line) => line.text).join('\n') };
}

/** Tells whether a section exists and carries Rolecall's marker. */
export function isManagedSection(text: string, ref: SectionRef): ConfigResult<boolean> {
  const parsed = parseConfig(text);
  if (!parsed.ok) return parsed;
  const doc = parsed.value;
  const managed = blocksFor(doc, ref).some((block) =>
    doc.lines.slice(block.header + 1, block.end).some((line) => line.kind === 'comment' && line.text.trim().startsWith(MARKER_PREFIX)),
  );
  return { ok: true, value: managed };
}

/** Adds the marker right under the section's first header, unless it is already marked. */
export function markSection(text: string, ref: SectionRef): ConfigResult<string> {
  const managed = isManagedSection(text, ref);
  if (!managed.ok || managed.value) return managed.ok ? { ok: true, value: text } : managed;
  const parsed = parseConfig(text);
  if (!parsed.ok) return parsed;
  const first = blocksFor(parsed.value, ref)[0];
  if (first === undefined) {
    return { ok: false, error: { kind: 'conflict', key: '', message: `${describeRef(ref)} is not in the AWS config file.` } };
  }
  const plan = newPlan();
  insertLines(plan, first.header, [MANAGED_SECTION_MARKER]);
  return { ok: true, value: applyPlan(parsed.value, plan) };
}

/** The first and last line of a generated block. */
export interface BlockMarkers {
  readonly begin: string;
  readonly end: string;
}

/** Where a block sits: the indices of its BEGIN and END lines. */
export interface BlockSpan {
  readonly begin: number;
  readonly end: number;
}

/** Finds a block by its marker lines; `undefined` when there is none, an error when it is broken. */
export function findBlock(doc: ConfigDocument, markers: BlockMarkers): ConfigResult<BlockSpan | undefined> {
  const begins: number[] = [];
  const ends: number[] = [];
  doc.lines.forEach((line, index) => {
    if (line.kind !== 'comment') return;
    const trimmed = line.text.trim();
    if (trimmed === markers.begin) begins.push(index);
    if (trimmed === markers.end) ends.push(index);
  });
  if (begins.length === 0 && ends.length === 0) return { ok: true, value: undefined };
  const [begin] = begins;
  const [end] = ends;
  if (begins.length !== 1 || ends.length !== 1 || begin === undefined || end === undefined || end < begin) {
    return brokenBlock(markers);
  }
  return { ok: true, value: { begin, end } };
}

/**
 * Replaces a block's lines (or appends a new block at the end of the file) and returns the new text.
 *
 * Refused when the markers are broken, or when settings follow the END line before the next header: every
 * tool would read them as part of the block's last profile, so rewriting the block would change them.
 */
export function replaceBlock(text: string, markers: BlockMarkers, body: readonly string[]): ConfigResult<string> {
  const parsed = parseConfig(text);
  if (!parsed.ok) return parsed;
  const doc = parsed.value;
  const span = findBlock(doc, markers);
  if (!span.ok) return span;
  const lines = [markers.begin, ...body, markers.end];
  const plan = newPlan();
  if (span.value === undefined) {
    const last = doc.lines.length - 1;
    const lastLine = doc.lines[last];
    insertLines(plan, last, lastLine !== undefined && lastLine.kind !== 'blank' ? ['', ...lines] : lines);
    return { ok: true, value: applyPlan(doc, plan) };
  }
  const { begin, end } = span.value;
  if (settingsAfter(doc, end)) {
    return {
      ok: false,
      error: {
        kind: 'conflict',
        key: '',
        message: `Settings follow the line "${markers.end}" in the AWS config file without a [section] header of their own. Move them into a section, then try again.`,
      },
    };
  }
  for (let index = begin; index <= end; index += 1) plan.remove.add(index);
  insertLines(plan, begin - 1, lines);
  return { ok: true, value: applyPlan(doc, plan) };
}

/** The lines of a block between its markers, or `undefined` when there is no block. */
export function blockText(text: string, markers: BlockMarkers): ConfigResult<string | undefined> {
  const parsed = parseConfig(text);
  if (!parsed.ok) return parsed;
  const span = findBlock(parsed.value, markers);
  if (!span.ok || span.value === undefined) return span.ok ? { ok: true, value: undefined } : span;
  const inner = { lines: parsed.value.lines.slice(span.value.begin + 1, span.value.end) };
  return { ok: true, value: printConfig(inner) };
}

/** The file text without a block's lines (the text as it is when there is no block). */
export function withoutBlock(text: string, markers: BlockMarkers): ConfigResult<string> {
  const parsed = parseConfig(text);
  if (!parsed.ok) return parsed;
  const span = findBlock(parsed.value, markers);
  if (!span.ok || span.value === undefined) return span.ok ? { ok: true, value: text } : span;
  const plan = newPlan();
  for (let index = span.value.begin; index <= span.value.end; index += 1) plan.remove.add(index);
  return { ok: true, value: applyPlan(parsed.value, plan) };
}

/** The line ending to join generated lines with, as the file already uses. */
export function lineEndingOf(text: string): '\n' | '\r\n' {
  const parsed = parseConfig(text);
  return parsed.ok ? dominantEol(parsed.value) : '\n';
}

function settingsAfter(doc: ConfigDocument, end: number): boolean {
  for (const line of doc.lines.slice(end + 1)) {
    if (line.kind === 'header') return false;
    if (line.kind === 'key' || line.kind === 'continuation') return true;
  }
  return false;
}

// A block's trailing blank and comment lines describe what follows it; they are not shown as its text.
function trimmedEnd(doc: ConfigDocument, header: number, end: number): number {
  let stop = end;
  while (stop - 1 > header && ['blank', 'comment'].includes(doc.lines[stop - 1]?.kind ?? '')) stop -= 1;
  return stop;
}

function brokenBlock(markers: BlockMarkers): ConfigResult<never> {
  return {
    ok: false,
    error: {
      kind: 'conflict',
      key: '',
      message: `The AWS config file needs exactly one "${markers.begin}" line and one "${markers.end}" line after it. Fix or remove those lines, then try again.`,
    },
  };
}
