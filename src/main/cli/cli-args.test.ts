import { describe, expect, it } from 'vitest';
import { parseCommand } from './cli-args';
import { CliError } from './cli-errors';
import { colourEnabled, formatTable, printable } from './output';

const syntax = { name: 'export', options: { format: { type: 'string', short: 'f' }, json: { type: 'boolean' } }, positionals: ['ACCOUNT', 'ROLE'], help: 'Usage' } as const;

function usage(args: string[]): string {
  try {
    parseCommand(syntax, args);
  } catch (error) {
    if (error instanceof CliError && error.exitCode === 2) return error.message;
  }
  throw new Error('expected a usage error');
}

describe('parseCommand', () => {
  it('parses options and positionals in any order', () => {
    expect(parseCommand(syntax, ['-f', 'fish', 'prod', '--json', 'Admin'])).toEqual({ values: { format: 'fish', json: true }, positionals: ['prod', 'Admin'], help: false });
    expect(parseCommand(syntax, ['--help']).help).toBe(true);
  });

  it('turns unknown options and missing or extra arguments into usage errors that point at the help', () => {
    expect(usage(['prod', 'Admin', '--colour'])).toMatch(/^Unknown option '--colour'\.\nRun "rolecall export --help" for usage\.$/);
    expect(usage(['prod'])).toBe('rolecall export needs ROLE.\nRun "rolecall export --help" for usage.');
    expect(usage(['a', 'b', 'c'])).toContain('rolecall export does not take "c".');
    expect(usage(['a', 'b', '--format'])).toContain("Option '-f, --format <value>' argument missing");
  });
});

describe('output', () => {
  it('colours only a terminal, and not with NO_COLOR or TERM=dumb', () => {
    const tty = { write: () => {}, isTTY: true };
    expect(colourEnabled(tty, {})).toBe(true);
    expect(colourEnabled(tty, { NO_COLOR: '1' })).toBe(false);
    expect(colourEnabled(tty, { TERM: 'dumb' })).toBe(false);
    expect(colourEnabled({ ...tty, isTTY: false }, {})).toBe(false);
  });

  it('neutralises terminal control characters and aligns columns', () => {
    expect(printable('a\u001b[2Jb\rc\u202ed')).toBe('a?[2Jb?c?d');
    expect(formatTable([['ID', 'NAME'], ['1', 'x'], ['22', 'y']])).toEqual(['ID  NAME', '1   x', '22  y']);
  });
});
