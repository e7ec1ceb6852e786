/**
 * Labels safe to show in a native menu: one line, bounded length, and (for Electron) no mnemonic markers.
 */

/** The longest label the menu shows; longer names end in an ellipsis. */
export const MAX_LABEL_LENGTH = 60;

/** One printable line: control and bidi-override characters become spaces, runs of spaces collapse. */
export function plainLabel(text: string): string {
  // C0/C1 controls, line/paragraph separators and bidi embeddings/overrides/isolates.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
  const oneLine = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, ' ');
  const collapsed = oneLine.replace(/\s+/g, ' ').trim();
  const chars = [...collapsed];
  return chars.length > MAX_LABEL_LENGTH ? `${chars.slice(0, MAX_LABEL_LENGTH - 1).join('')}…` : collapsed;
}

/**
 * A label for Electron's `MenuItem`: `&` marks the next letter as the access key on Windows and Linux,
 * so a literal ampersand is written `&&`.
 */
export function electronMenuLabel(label: string): string {
  return label.replace(/&/g, '&&');
}

/** "7h 05m left", "12m left", "less than a minute left", or "expired". */
export function formatTimeLeft(ms: number): string {
  if (ms <= 0) return 'expired';
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'less than a minute left';
  const hours = Math.floor(minutes / 60);
  if (hours === 0) return `${minutes}m left`;
  return `${hours}h ${String(minutes % 60).padStart(2, '0')}m left`;
}
