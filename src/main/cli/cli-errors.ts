/**
 * The exit codes scripts can rely on, and the error that carries one.
 */

/** Exit codes of `rolecall`, documented in `rolecall --help` and the README. */
export const EXIT = {
  ok: 0,
  /** The command failed: not signed in, AWS refused, no network, a file could not be written. */
  failed: 1,
  /** The command line was wrong: unknown command or option, missing argument. */
  usage: 2,
  /** ACCOUNT, ROLE or `--instance` named nothing, or more than one thing. */
  noMatch: 3,
  /** Interrupted (Ctrl-C). */
  interrupted: 130,
} as const;

/** The exit status of a command `rolecall exec` ran, passed through as rolecall's own. */
export type CommandStatus = number & { readonly passedThrough: true };

/** An exit code: one of {@link EXIT}, or the status of the command `rolecall exec` ran. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT] | CommandStatus;

/** A command's exit status (0–255), to leave with as rolecall's own. */
export function commandStatus(status: number): ExitCode {
  return (Math.max(0, Math.min(255, Math.trunc(status))) as CommandStatus);
}

/** A failure with a message for a person (written to stderr) and the exit code to leave with. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
  }
}

/** A wrong command line; the message ends by pointing at the command's help. */
export function usageError(message: string, command?: string): CliError {
  const help = command === undefined ? 'rolecall --help' : `rolecall ${command} --help`;
  return new CliError(`${message}\nRun "${help}" for usage.`, EXIT.usage);
}
