/**
 * A `rolecall` command: its syntax and help, and what it does with the parsed arguments.
 */
import { parseCommand, type CommandSyntax, type OptionSpec, type ParsedCommand } from './cli-args';
import type { CliContext } from './cli-context';
import { EXIT, type ExitCode } from './cli-errors';

/** A command the dispatcher can run without knowing its options. */
export interface RunnableCommand {
  readonly help: string;
  execute(args: readonly string[], context: CliContext): Promise<ExitCode>;
}

/** Makes a command: parses the arguments, answers `--help`, then runs. */
export function defineCommand<O extends OptionSpec>(
  syntax: CommandSyntax<O>,
  run: (parsed: ParsedCommand<O>, context: CliContext) => Promise<ExitCode | undefined>,
): RunnableCommand {
  return {
    help: syntax.help,
    async execute(args, context) {
      const parsed = parseCommand(syntax, args);
      if (parsed.help) {
        context.stdout.write(syntax.help.endsWith('\n') ? syntax.help : `${syntax.help}\n`);
        return EXIT.ok;
      }
      return (await run(parsed, context)) ?? EXIT.ok;
    },
  };
}

/** The `--instance NAME` option every command that acts on an instance takes. */
export const instanceOption = { instance: { type: 'string', short: 'i' } } as const;
