import type { ConfigDocument, ConfigLine, Eol, KeyInfo } from './config-model';
import type { SectionBlock } from './config-sections';

/**
 * Line-level changes to a document, applied in one pass so that indices stay those of the original.
 */
export interface EditPlan {
  /** Original line index → replacement text (terminator kept). */
  readonly replace: Map<number, string>;
  readonly remove: Set<number>;
  /** Original line index (−1: before the first line) → new lines to insert after it, in order. */
  readonly insertAfter: Map<number, string[]>;
}

/** A key line with its index in the document. */
export type IndexedKey = KeyInfo & { readonly index: number; readonly text: string };

/** Starts an empty plan. */
export function newPlan(): EditPlan {
  return { replace: new Map(), remove: new Set(), insertAfter: new Map() };
}

/** Queues lines to insert after an original line (−1: at the very start). */
export function insertLines(plan: EditPlan, after: number, texts: readonly string[]): void {
  const queued = plan.insertAfter.get(after) ?? [];
  queued.push(...texts);
  plan.insertAfter.set(after, queued);
}

/**
 * Prints a document with a plan applied.
 *
 * Untouched lines keep their text and terminator byte for byte. New lines use the file's dominant line
 * ending; a last line without a terminator gets one only when something now follows it.
 */
export function applyPlan(doc: ConfigDocument, plan: EditPlan): string {
  const newline = dominantEol(doc);
  const out: { text: string; eol: Eol }[] = [];
  const pushInserted = (after: number): void => {
    for (const text of plan.insertAfter.get(after) ?? []) out.push({ text, eol: newline });
  };
  pushInserted(-1);
  doc.lines.forEach((line, index) => {
    if (!plan.remove.has(index)) out.push({ text: plan.replace.get(index) ?? line.text, eol: line.eol });
    pushInserted(index);
  });
  return out.map((line, i) => line.text + (line.eol === '' && i < out.length - 1 ? newline : line.eol)).join('');
}

/** The line ending most lines use (`\n` on a tie or when there is none). */
export function dominantEol(doc: ConfigDocument): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (const line of doc.lines) {
    if (line.eol === '\r\n') crlf += 1;
    else if (line.eol === '\n') lf += 1;
  }
  return crlf > lf ? '\r\n' : '\n';
}

/** Lists the key lines of the given blocks, in file order. */
export function keyLines(doc: ConfigDocument, blocks: readonly SectionBlock[]): IndexedKey[] {
  const found: IndexedKey[] = [];
  for (const block of blocks) {
    for (let index = block.header + 1; index < block.end; index += 1) {
      const line = doc.lines[index];
      if (line?.kind === 'key') found.push({ ...line, index });
    }
  }
  return found;
}

/**
 * Lists the continuation lines that belong to the key at `index` (the AWS CLI appends them to its value;
 * the JS SDK ignores them). Blank and comment lines in between are skipped, as configparser does.
 */
export function continuationsOf(doc: ConfigDocument, index: number): number[] {
  const found: number[] = [];
  for (let i = index + 1; i < doc.lines.length; i += 1) {
    const kind = doc.lines[i]?.kind;
    if (kind === 'continuation') found.push(i);
    else if (kind !== 'blank' && kind !== 'comment') break;
  }
  return found;
}

/**
 * Lists the settings nested under the opener `name =` at `index`, e.g. `max_concurrent_requests` under `s3 =`.
 */
export function nestedUnder(doc: ConfigDocument, index: number): number[] {
  const opener = doc.lines[index];
  if (opener?.kind !== 'key' || !opener.opener) return [];
  const found: number[] = [];
  for (let i = index + 1; i < doc.lines.length; i += 1) {
    const line: ConfigLine | undefined = doc.lines[i];
    if (line === undefined || line.kind === 'header' || line.kind === 'continuation') break;
    if (line.kind !== 'key') continue;
    if (line.opener || line.subsection !== opener.name) break;
    found.push(i);
  }
  return found;
}

/** The index after which a new setting goes: the block's last setting (or continuation), else its header. */
export function lastSettingLine(doc: ConfigDocument, block: SectionBlock): number {
  for (let index = block.end - 1; index > block.header; index -= 1) {
    const kind = doc.lines[index]?.kind;
    if (kind === 'key' || kind === 'continuation') return index;
  }
  return block.header;
}
