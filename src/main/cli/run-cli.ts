/**
 * `rolecall`: finds the command, runs it, and turns every failure into a message on stderr and an exit
 * code (see `cli-errors.ts`).
 */
import { UserFacingError } from '../core/user-facing-error';
import type { CliContext } from './cli-context';
import { CliError, EXIT, usageError, type ExitCode } from './cli-errors';
import { COMMANDS } from './command-list';
import { formatTable } from './output';

/** Replaced at build time with package.json's version (tests run the source, where it is undefined). */
declare const ROLECALL_VERSION: string | undefined;

const version = (): string => (typeof ROLECALL_VERSION === 'string' ? ROLECALL_VERSION : 'dev');

/** The top-level help. */
export function mainHelp(): string {
  const commands = formatTable(COMMANDS.map((c) => [c.name, c.summary])).map((line) => `  ${line}`);
  return [
    'Usage: rolecall COMMAND [options]',
    '',
    'AWS IAM Identity Center from a terminal: the same instances, sign-ins and',
    'account lists as the Rolecall app, and the app need not be running.',
    '',
    'Commands:',
    ...commands,
    '',
    'Run "rolecall COMMAND --help" for a command\'s options.',
    '',
    'Exit status: 0 done; 1 failed (not signed in, AWS refused, no network);',
    '2 wrong usage; 3 ACCOUNT, ROLE or --instance matched nothing or several;',
    '130 interrupted.',
    '',
    'Environment: ROLECALL_DATA_DIR (shared state), HOME and AWS_CONFIG_FILE,',
    'AWS_ENDPOINT_URL_SSO / _SSO_OIDC, ROLECALL_SIGNIN_ENDPOINT, BROWSER, NO_COLOR.',
    '',
  ].join('\n');
}

/** Runs `rolecall` with its arguments (without `node` and the script); returns the exit code. */
export async function runCli(args: readonly string[], context: CliContext): Promise<ExitCode> {
  const [name, ...rest] = args;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') return await helpFor(rest[0], context);
    if (name === '--version' || name === '-V') {
      context.stdout.write(`rolecall ${version()}\n`);
      return EXIT.ok;
    }
    const entry = COMMANDS.find((c) => c.name === name);
    if (entry === undefined) throw usageError(`"${name}" is not a rolecall command.`);
    const command = await entry.load();
    return await command.execute(rest, context);
  } catch (error: unknown) {
    return report(error, context);
  }
}

async function helpFor(name: string | undefined, context: CliContext): Promise<ExitCode> {
  const entry = COMMANDS.find((c) => c.name === name);
  if (name !== undefined && entry === undefined) throw usageError(`"${name}" is not a rolecall command.`);
  context.stdout.write(entry === undefined ? mainHelp() : (await entry.load()).help);
  return EXIT.ok;
}

/** Writes an error for a person and returns its exit code; never a stack trace or an SDK message. */
export function report(error: unknown, context: CliContext): ExitCode {
  if (error instanceof CliError) {
    context.stderr.write(`rolecall: ${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof UserFacingError) {
    context.stderr.write(`rolecall: ${error.message}\n`);
    return EXIT.failed;
  }
  const detail = error instanceof Error ? error.name : typeof error;
  context.stderr.write(`rolecall: something unexpected went wrong (${detail}). Try again; if it keeps happening, report it.\n`);
  return EXIT.failed;
}
