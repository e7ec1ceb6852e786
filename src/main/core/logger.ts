/**
 * The one logger of the main process and the preview host.
 *
 * Never pass it tokens, client secrets, user codes, role credentials or sign-in URLs.
 */
export interface Logger {
  info(message: string, details?: Record<string, string | number | boolean>): void;
  warn(message: string, details?: Record<string, string | number | boolean>): void;
  error(message: string, details?: Record<string, string | number | boolean>): void;
}

type Level = 'info' | 'warn' | 'error';

/** A logger that writes one line per entry to the given sink (stderr by default). */
export function createLogger(write: (line: string) => void = (line) => process.stderr.write(line)): Logger {
  const log = (level: Level) => (message: string, details?: Record<string, string | number | boolean>) => {
    const suffix = details === undefined ? '' : ` ${JSON.stringify(details)}`;
    write(`${new Date().toISOString()} ${level} ${message}${suffix}\n`);
  };
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

/** A logger that discards everything, for tests. */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
