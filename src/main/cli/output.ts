/**
 * Output for people: colour only on a terminal (never when piped, never with `NO_COLOR` or `TERM=dumb`),
 * aligned tables, local times; and untrusted text made safe to print.
 */
import type { Env } from '../core/aws-files/aws-paths';
import type { CliStream } from './cli-context';

/** Text styles; each is the identity when colour is off. */
export interface Styles {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly green: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly red: (text: string) => string;
}

/** Whether to colour a stream: a TTY, `NO_COLOR` unset or empty (no-color.org), `TERM` not `dumb`. */
export function colourEnabled(stream: CliStream, env: Env): boolean {
  const noColour = env['NO_COLOR'];
  return stream.isTTY && (noColour === undefined || noColour === '') && env['TERM'] !== 'dumb';
}

/** The styles for a stream. */
export function stylesFor(stream: CliStream, env: Env): Styles {
  const on = colourEnabled(stream, env);
  const sgr = (open: number, close: number) => (text: string) => (on ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return { bold: sgr(1, 22), dim: sgr(2, 22), green: sgr(32, 39), yellow: sgr(33, 39), red: sgr(31, 39) };
}

/**
 * Text from the network (account names, aliases, roles) with control characters replaced by `?`.
 *
 * SECURITY: an account name may hold ANSI escapes or a carriage return that would rewrite what the
 * terminal shows; printed text must not be able to do that.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '?');
}

/** Columns padded to the widest cell; the last column is not padded. `header` is styled by the caller. */
export function formatTable(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd());
}

/** An epoch time as the person's local date and time, `2026-11-21 18:05`. */
export function localTime(epochMs: number): string {
  const d = new Date(epochMs);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** A duration in words: `7 h 58 min`, `12 min`, `less than a minute`. */
export function duration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'less than a minute';
  const hours = Math.floor(minutes / 60);
  if (hours === 0) return `${minutes} min`;
  const days = Math.floor(hours / 24);
  if (days > 0) return `${days} d ${hours % 24} h`;
  return `${hours} h ${minutes % 60} min`;
}

/** Writes lines to a stream, each ending in a newline. */
export function writeLines(stream: CliStream, lines: readonly string[]): void {
  if (lines.length > 0) stream.write(`${lines.join('\n')}\n`);
}
