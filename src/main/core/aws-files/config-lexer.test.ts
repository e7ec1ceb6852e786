import { describe, expect, it } from 'vitest';
import { parseConfig, splitLines } from './config-lexer';
import { printConfig } from './config-model';
import { sectionIdentity } from './config-sections';

describe('splitLines', () => {
  it('keeps terminators and adds no phantom last line', () => {
    expect(splitLines('')).toEqual([]);
    expect(splitLines('a\r\nb\nc')).toEqual([
      { text: 'a', eol: '\r\n' },
      { text: 'b', eol: '\n' },
      { text: 'c', eol: '' },
    ]);
    expect(splitLines('a\n\n')).toEqual([
      { text: 'a', eol: '\n' },
      { text: '', eol: '\n' },
    ]);
  });
});

describe('parseConfig', () => {
  const tricky = [
    '\ufeff# BOM and a comment\r\n',
    'orphan = outside any section\r\n',
    '; semicolon comment\n',
    '[default]   # header comment\n',
    'region=us-east-1 ;inline\n',
    '  \t\n',
    '[profile dev]\n',
    'sso_start_url   =   https://d-1234567890.awsapps.com/start#/\n',
    'credential_process = tool --flag\n',
    '    --continued-on-next-line\n',
    '[services local]\n',
    's3 =\n',
    '  max_concurrent_requests = 10\n',
    '\n',
    '  # comment inside the block\n',
    '\tmax_queue_size = 20\n',
    'region = x\n',
    '[profile dev]\n',
    'output = json',
  ].join('');

  it('prints every byte back', () => {
    const parsed = parseConfig(tricky);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(printConfig(parsed.value)).toBe(tricky);
  });

  it('classifies lines with the SDK rules', () => {
    const parsed = parseConfig(tricky);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const kinds = parsed.value.lines.map((line) => line.kind);
    expect(kinds).toEqual([
      'comment', 'key', 'comment', 'header', 'key', 'blank', 'header', 'key', 'key', 'continuation',
      'header', 'key', 'key', 'blank', 'comment', 'key', 'key', 'header', 'key',
    ]);
    const nested = parsed.value.lines[15];
    expect(nested?.kind === 'key' && [nested.subsection, nested.name, nested.value]).toEqual([
      's3', 'max_queue_size', '20',
    ]);
  });

  it.each([
    ['[profile a]\njust words\n', 2, 'not a setting'],
    ['[profile a]\n= value\n', 2, 'no name'],
    ['[profile a\nk = v\n', 1, 'not a complete section header'],
    ['[profile a]x\n', 1, 'not a complete section header'],
    ['[profile a]\rregion = x\n', 1, 'carriage return'],
    ['[profile a]\nk = v\r', 2, 'carriage return'],
    ['[profile __proto__]\nk = v\n', 1, '__proto__'],
    ['[profile "__proto__"]\nk = v\n', 1, '__proto__'],
    ['[profile a]\nregion = x\n  output = json\n', 3, 'part of the previous value'],
    ['[profile a]\n  s3 =\n  max = 1\n', 3, 'nested setting'],
    ['[services a]\ns3 =\n  not a pair\n', 3, 'nested block'],
    ['[services a]\ns3 = # note\n  k = v\n', 2, 'comment after "="'],
    ['[profile a]\nregion = x\n  [profile b]\n', 3, 'indented section header'],
    ['[profile a] # see [docs]\n', 1, '"]" in its comment'],
    ['[profile a]\nweird:name = v\n', 2, '":"'],
  ])('refuses %j at line %i', (text, line, reason) => {
    const parsed = parseConfig(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error).toMatchObject({ kind: 'parse', line });
      expect(parsed.error.message).toContain(reason);
      expect(parsed.error.message).toContain(`Line ${line}`);
    }
  });

  it('accepts CLI-style continuation lines and indented settings right after a header', () => {
    expect(parseConfig('[profile a]\n  region = x\n  output = json\n').ok).toBe(true);
    expect(parseConfig('[profile a]\ncredential_process = a\n  b\n\n  c\n').ok).toBe(true);
  });

  it('does not police sections that belong to other tools beyond basic INI shape', () => {
    expect(parseConfig('[tool x]\nregion = x\n  more = value\n').ok).toBe(true);
    expect(parseConfig('[tool x]\nwords\n').ok).toBe(false);
  });
});

describe('sectionIdentity', () => {
  it.each([
    ['default', 'default', { kind: 'default' }],
    ['profile default', 'profile.default', { kind: 'default' }],
    ['profile dev', 'profile.dev', { kind: 'profile', name: 'dev' }],
    ['profile "dev"', 'profile.dev', { kind: 'profile', name: 'dev' }],
    ["profile 'dev'", 'profile.dev', { kind: 'profile', name: 'dev' }],
    ['profile.dev', 'profile.dev', { kind: 'profile', name: 'dev' }],
    ['profile.x y', 'profile.x y', { kind: 'profile', name: 'x y' }],
    ['sso-session my-sso', 'sso-session.my-sso', { kind: 'sso-session', name: 'my-sso' }],
    ['services local', 'services.local', { kind: 'services', name: 'local' }],
    ['profile  dev', 'profile  dev', undefined],
    [' default ', ' default ', undefined],
    ['plugins', 'plugins', undefined],
    ['toolname thing', undefined, undefined],
    ['profile a#b', 'profile a#b', undefined],
  ])('[%s] is filed as %j meaning %j', (name, raw, ref) => {
    expect(sectionIdentity(name)).toEqual({ raw, ref });
  });
});
