/**
 * Command-line parsing with Node's own `util.parseArgs`: strict options, a fixed number of positional
 * arguments, `--help` on every command, and usage errors that scripts can tell apart (exit 2).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from './cli-errors';

/** The options of a command, as `parseArgs` takes them. */
export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** A command's flags and positional arguments, and its help text. */
export interface CommandSyntax<O extends OptionSpec> {
  readonly name: string;
  readonly options: O;
  /** Names of the required positional arguments, upper case (`ACCOUNT`, `ROLE`). */
  readonly positionals: readonly string[];
  /** Optional trailing positional arguments, e.g. `QUERY`. */
  readonly optionalPositionals?: readonly string[];
  /** The last optional positional takes every remaining word (`rolecall accounts prod admin`). */
  readonly variadic?: boolean;
  readonly help: string;
}

/** The parsed values of an option spec. */
export type ParsedValues<O extends OptionSpec> = {
  [K in keyof O]?: O[K] extends { type: 'boolean' } ? boolean : string;
};

/** What a command receives. */
export interface ParsedCommand<O extends OptionSpec> {
  readonly values: ParsedValues<O>;
  readonly positionals: readonly string[];
  /** `--help` was given: print the help and do nothing else. */
  readonly help: boolean;
}

const helpOption = { help: { type: 'boolean', short: 'h' } } as const;

/** Parses a command's arguments; throws a usage `CliError` for anything unknown or missing. */
export function parseCommand<O extends OptionSpec>(syntax: CommandSyntax<O>, args: readonly string[]): ParsedCommand<O> {
  let parsed: { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options: { ...syntax.options, ...helpOption }, allowPositionals: true, strict: true });
  } catch (error: unknown) {
    throw usageError(error instanceof Error ? firstLine(error.message) : 'The arguments could not be read.', syntax.name);
  }
  const help = parsed.values['help'] === true;
  const values: Record<string, string | boolean> = {};
  for (const [key, value] of Object.entries(parsed.values)) {
    if (key !== 'help' && (typeof value === 'string' || typeof value === 'boolean')) values[key] = value;
  }
  if (!help) checkPositionals(syntax, parsed.positionals);
  return { values: values as ParsedValues<O>, positionals: parsed.positionals, help };
}

function checkPositionals<O extends OptionSpec>(syntax: CommandSyntax<O>, positionals: readonly string[]): void {
  const required = syntax.positionals.length;
  const most = required + (syntax.optionalPositionals?.length ?? 0);
  if (positionals.length < required) {
    const missing = syntax.positionals.slice(positionals.length).join(' and ');
    throw usageError(`rolecall ${syntax.name} needs ${missing}.`, syntax.name);
  }
  if (positionals.length > most && syntax.variadic !== true) {
    const extra = positionals.slice(most).map((p) => `"${p}"`).join(' ');
    throw usageError(`rolecall ${syntax.name} does not take ${extra}.`, syntax.name);
  }
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/\. To specify a positional argument.*$/, '.');
}
