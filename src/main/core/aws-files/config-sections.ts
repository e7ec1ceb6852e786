import type { ConfigDocument, SectionIdentity, SectionRef } from './config-model';

// The JS SDK's header pattern (`parseIni`), character class reordered so TypeScript accepts it unchanged.
const PREFIXED_HEADER = /^([\w-]+)\s(["'])?([\w@+.%:/-]+)\2$/;
const SDK_SECTION_TYPES: readonly string[] = ['profile', 'sso-session', 'services'];

/** A run of lines from a section header up to (not including) the next header. */
export interface SectionBlock {
  readonly header: number;
  readonly end: number;
  readonly identity: SectionIdentity;
}

/**
 * Identifies a section header the way the JS SDK does (`parseIni` then `getConfigData`).
 *
 * `name` is the text between the brackets, untrimmed. Quirks kept on purpose: `[profile "x"]` and
 * `[profile.x]` both mean profile `x`; `[profile  x]` (two spaces) and `[ default ]` mean nothing.
 */
export function sectionIdentity(name: string): SectionIdentity {
  const match = PREFIXED_HEADER.exec(name);
  let raw: string | undefined = name;
  if (match) {
    const [, prefix = '', , sectionName = ''] = match;
    raw = SDK_SECTION_TYPES.includes(prefix) ? `${prefix}.${sectionName}` : undefined;
  }
  return { raw, ref: raw === undefined ? undefined : refOfSectionKey(raw) };
}

/** Treats `profile default` as the default profile, which is what both AWS tools do. */
export function normalizeRef(ref: SectionRef): SectionRef {
  return ref.kind === 'profile' && ref.name === 'default' ? { kind: 'default' } : ref;
}

/** Tells whether two refs name the same section. */
export function sameRef(a: SectionRef, b: SectionRef): boolean {
  const left = normalizeRef(a);
  const right = normalizeRef(b);
  if (left.kind === 'default' || right.kind === 'default') return left.kind === right.kind;
  return left.kind === right.kind && left.name === right.name;
}

/** The header line Rolecall writes for a new section. */
export function headerFor(ref: SectionRef): string {
  const target = normalizeRef(ref);
  return target.kind === 'default' ? '[default]' : `[${target.kind} ${target.name}]`;
}

/** Describes a section for messages, e.g. `[profile dev]`. */
export function describeRef(ref: SectionRef): string {
  return headerFor(ref);
}

/** Lists every section block in file order. */
export function sectionBlocks(doc: ConfigDocument): SectionBlock[] {
  const blocks: SectionBlock[] = [];
  doc.lines.forEach((line, index) => {
    if (line.kind !== 'header') return;
    const previous = blocks.pop();
    if (previous) blocks.push({ ...previous, end: index });
    blocks.push({ header: index, end: doc.lines.length, identity: line.section });
  });
  return blocks;
}

/** Lists the blocks that the JS SDK reads as the given section (duplicates included). */
export function blocksFor(doc: ConfigDocument, ref: SectionRef): SectionBlock[] {
  return sectionBlocks(doc).filter((block) => block.identity.ref !== undefined && sameRef(block.identity.ref, ref));
}

/**
 * Maps the SDK's section key (`default`, `profile.x`, `sso-session.x`, `services.x`) to what it names,
 * as `getConfigData` does; other keys belong to other tools.
 */
export function refOfSectionKey(raw: string): SectionRef | undefined {
  if (raw === 'default') return { kind: 'default' };
  const dot = raw.indexOf('.');
  if (dot === -1) return undefined;
  const prefix = raw.slice(0, dot);
  const name = raw.slice(dot + 1);
  switch (prefix) {
    case 'profile':
      return normalizeRef({ kind: 'profile', name });
    case 'sso-session':
      return { kind: 'sso-session', name };
    case 'services':
      return { kind: 'services', name };
    default:
      return undefined;
  }
}
