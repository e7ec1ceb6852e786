import { describe, expect, it } from 'vitest';
import { removeKeys, removeSection, setSection } from './config-editor';
import type { ConfigResult, SectionRef } from './config-model';

const dev: SectionRef = { kind: 'profile', name: 'dev' };

function text(result: ConfigResult<string>): string {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('setSection: creating a section', () => {
  it('writes the header and settings into an empty file', () => {
    expect(text(setSection('', dev, { region: 'eu-west-1', output: 'json' }))).toBe(
      '[profile dev]\nregion = eu-west-1\noutput = json\n',
    );
  });

  it.each([
    [{ kind: 'default' } as const, '[default]'],
    [{ kind: 'profile', name: 'default' } as const, '[default]'],
    [{ kind: 'sso-session', name: 'my-sso' } as const, '[sso-session my-sso]'],
    [{ kind: 'services', name: 'local' } as const, '[services local]'],
  ])('names %j with %s', (ref, header) => {
    expect(text(setSection('', ref, { k: 'v' }))).toBe(`${header}\nk = v\n`);
  });

  it('appends after exactly one blank line, ending the previous last line if needed', () => {
    expect(text(setSection('[default]\nregion = a', dev, { k: 'v' }))).toBe(
      '[default]\nregion = a\n\n[profile dev]\nk = v\n',
    );
    expect(text(setSection('[default]\nregion = a\n\n', dev, { k: 'v' }))).toBe(
      '[default]\nregion = a\n\n[profile dev]\nk = v\n',
    );
  });

  it('uses the file’s CRLF line endings', () => {
    expect(text(setSection('[default]\r\nregion = a\r\n', dev, { k: 'v' }))).toBe(
      '[default]\r\nregion = a\r\n\r\n[profile dev]\r\nk = v\r\n',
    );
  });

  it('groups nested settings under their block', () => {
    const ref: SectionRef = { kind: 'services', name: 'emu' };
    expect(text(setSection('', ref, { 'sso.endpoint_url': 'http://127.0.0.1:4566', 'sso_oidc.endpoint_url': 'http://x' }))).toBe(
      '[services emu]\nsso =\n  endpoint_url = http://127.0.0.1:4566\nsso_oidc =\n  endpoint_url = http://x\n',
    );
  });
});

describe('setSection: updating a section', () => {
  const base = [
    '# my config',
    '[profile dev]   # dev account',
    'region=us-east-1 ;was here',
    'sso_role_name   =   ReadOnly',
    '# trailing comment in dev',
    '',
    '[profile prod]',
    'region = us-west-2',
    '',
  ].join('\n');

  it('replaces values in place, keeping spacing, and touches nothing else', () => {
    expect(text(setSection(base, dev, { sso_role_name: 'Admin' }))).toBe(base.replace('=   ReadOnly', '=   Admin'));
  });

  it('moves an inline comment above a replaced value, where the AWS CLI cannot mistake it for the value', () => {
    expect(text(setSection(base, dev, { region: 'eu-west-1' }))).toBe(
      base.replace('region=us-east-1 ;was here', ';was here\nregion=eu-west-1'),
    );
    const nested = '[services s]\nsso =\n  endpoint_url = http://a   # old\n';
    expect(text(setSection(nested, { kind: 'services', name: 's' }, { 'sso.endpoint_url': 'http://a' }))).toBe(
      '[services s]\nsso =\n  # old\n  endpoint_url = http://a\n',
    );
  });

  it('adds missing settings after the section’s last setting', () => {
    expect(text(setSection(base, dev, { output: 'json', sso_session: 'corp' }))).toBe(
      base.replace('ReadOnly\n', 'ReadOnly\noutput = json\nsso_session = corp\n'),
    );
  });

  it('adds a setting right after the header of a section with no settings', () => {
    expect(text(setSection('[profile dev]\n# only a comment\n', dev, { k: 'v' }))).toBe(
      '[profile dev]\nk = v\n# only a comment\n',
    );
  });

  it('updates every duplicate block and appends to the last one', () => {
    const dup = '[profile dev]\nregion = a\n[profile x]\nk = 1\n[profile "dev"]\noutput = text\n';
    expect(text(setSection(dup, dev, { region: 'b', output: 'json', new: 'n' }))).toBe(
      '[profile dev]\nregion = b\n[profile x]\nk = 1\n[profile "dev"]\noutput = json\nnew = n\n',
    );
  });

  it('drops the continuation lines of a replaced value, which the AWS CLI would append to it', () => {
    const withContinuation = '[profile dev]\ncredential_process = old\n  --flag\nregion = a\n';
    expect(text(setSection(withContinuation, dev, { credential_process: 'new' }))).toBe(
      '[profile dev]\ncredential_process = new\nregion = a\n',
    );
  });

  it('adds nested settings inside an existing block with its indentation', () => {
    const services = '[services emu]\nsso =\n    endpoint_url = http://old\nregion = r\n';
    const ref: SectionRef = { kind: 'services', name: 'emu' };
    expect(text(setSection(services, ref, { 'sso.endpoint_url': 'http://new', 'sso.extra': 'e', other: 'o' }))).toBe(
      '[services emu]\nsso =\n    endpoint_url = http://new\n    extra = e\nregion = r\nother = o\n',
    );
    expect(text(setSection('[services emu]\ns3 =\n', ref, { 's3.k': 'v' }))).toBe('[services emu]\ns3 =\n  k = v\n');
  });

  it('keeps a missing final newline when only a value changes', () => {
    expect(text(setSection('[profile dev]\nregion = a', dev, { region: 'b' }))).toBe('[profile dev]\nregion = b');
    expect(text(setSection('[profile dev]\nregion = a', dev, { k: 'v' }))).toBe('[profile dev]\nregion = a\nk = v\n');
  });

  it('is idempotent', () => {
    const once = text(setSection(base, dev, { output: 'json', region: 'x' }));
    expect(text(setSection(once, dev, { output: 'json', region: 'x' }))).toBe(once);
  });
});

describe('the default profile', () => {
  it('edits [profile default] when that is the form the file uses', () => {
    expect(text(setSection('[profile default]\nregion = a\n', { kind: 'default' }, { region: 'b' }))).toBe(
      '[profile default]\nregion = b\n',
    );
  });

  it('refuses to edit when both [default] and [profile default] exist', () => {
    const both = '[default]\nregion = a\n[profile default]\nregion = b\n';
    for (const result of [
      setSection(both, { kind: 'default' }, { region: 'c' }),
      removeKeys(both, { kind: 'profile', name: 'default' }, ['region']),
    ]) {
      expect(result).toMatchObject({ ok: false, error: { kind: 'ambiguous-default' } });
    }
    expect(text(removeSection(both, { kind: 'default' }))).toBe('');
  });
});

describe('conflicts the AWS CLI would reject', () => {
  it.each([
    ['[profile dev]\nRegion = a\n', 'region'],
    ['[profile dev]\ns3 =\n  k = v\n', 's3'],
    ['[profile dev]\ns3 = plain\n', 's3.k'],
  ])('refuses %j when setting %s', (input, key) => {
    expect(setSection(input, dev, { [key]: 'v' })).toMatchObject({ ok: false, error: { kind: 'conflict', key } });
  });
});

describe('hostile input is refused before anything is written', () => {
  const config = '[profile dev]\nregion = a\n';

  it.each([
    ['x]\ncredential_process = evil'],
    ['dev\n[profile admin]'],
    ['a]'],
    ['[a'],
    ['a b'],
    ['a=b'],
    [''],
    [' dev'],
    ['dev\r'],
    ['dev#x'],
    ['__proto__'],
    ['café'],
  ])('profile name %j', (name) => {
    for (const result of [
      setSection(config, { kind: 'profile', name }, { region: 'x' }),
      removeSection(config, { kind: 'profile', name }),
      removeKeys(config, { kind: 'sso-session', name }, ['region']),
    ]) {
      expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-name', name } });
    }
  });

  it('profile names the SDK would file under another section type', () => {
    expect(setSection(config, { kind: 'profile', name: 'sso-session.x' }, { k: 'v' })).toMatchObject({
      ok: false,
      error: { kind: 'invalid-name' },
    });
    expect(setSection(config, { kind: 'sso-session', name: 'sso-session.x' }, { k: 'v' }).ok).toBe(true);
  });

  it.each([['credential_process = evil\nx'], ['a=b'], ['[x]'], ['#x'], ['a b'], [''], ['a.b.c'], ['Région']])(
    'setting name %j',
    (key) => {
      expect(setSection(config, dev, { [key]: 'v' })).toMatchObject({ ok: false, error: { kind: 'invalid-key', key } });
      expect(removeKeys(config, dev, [key])).toMatchObject({ ok: false, error: { kind: 'invalid-key' } });
    },
  );

  it.each([
    ['x\ncredential_process = evil'],
    ['x\r[profile admin]'],
    ['x\u2028y'],
    ['value # comment'],
    ['value\t;comment'],
    ['#starts-like-a-comment'],
    [' padded'],
    ['padded '],
    [''],
    ['naïve'],
  ])('value %j', (value) => {
    expect(setSection(config, dev, { region: 'ok', role: value })).toMatchObject({
      ok: false,
      error: { kind: 'invalid-value', key: 'role' },
    });
  });

  it('accepts values that only look suspicious', () => {
    const values = { a: 'x#y', b: 'a=b=c', c: 'https://d-1.awsapps.com/start/#/', d: '[not a header]', e: 'one two' };
    expect(setSection(config, dev, values).ok).toBe(true);
  });
});

describe('removeKeys', () => {
  it('removes settings with their continuation lines in every block, leaving the rest', () => {
    const input = '[profile dev]\nregion = a\ncredential_process = x\n  y\n# keep\n[profile dev]\nregion = b\noutput = json\n';
    expect(text(removeKeys(input, dev, ['region', 'credential_process', 'absent']))).toBe(
      '[profile dev]\n# keep\n[profile dev]\noutput = json\n',
    );
  });

  it('removes a nested block by name, or one nested setting', () => {
    const input = '[services s]\nsso =\n  endpoint_url = a\n  # note\n  other = b\nregion = r\n';
    const ref: SectionRef = { kind: 'services', name: 's' };
    expect(text(removeKeys(input, ref, ['sso']))).toBe('[services s]\n  # note\nregion = r\n');
    expect(text(removeKeys(input, ref, ['sso.other']))).toBe('[services s]\nsso =\n  endpoint_url = a\n  # note\nregion = r\n');
  });

  it('returns the text unchanged when the section is absent', () => {
    expect(text(removeKeys('[profile x]\nk = v', dev, ['k']))).toBe('[profile x]\nk = v');
  });
});

describe('removeSection', () => {
  const input = [
    '[default]',
    'region = a',
    '',
    '[profile dev]',
    'region = b',
    '',
    '# Production, careful',
    '[profile prod]',
    'region = c',
    '',
  ].join('\n');

  it('removes the header, its lines and its trailing blank line, keeping the next section’s comment', () => {
    expect(text(removeSection(input, dev))).toBe(input.replace('[profile dev]\nregion = b\n\n', ''));
  });

  it('removes the separating blank line when the section was last', () => {
    expect(text(removeSection(input, { kind: 'profile', name: 'prod' }))).toBe(
      '[default]\nregion = a\n\n[profile dev]\nregion = b\n\n# Production, careful\n',
    );
    expect(text(removeSection('[default]\nregion = a\n\n[profile dev]\nregion = b', dev))).toBe(
      '[default]\nregion = a\n',
    );
  });

  it('undoes setSection on a new section exactly', () => {
    const added = text(setSection(input, { kind: 'sso-session', name: 'corp' }, { sso_region: 'us-east-1' }));
    expect(text(removeSection(added, { kind: 'sso-session', name: 'corp' }))).toBe(input);
  });

  it('removes every duplicate block', () => {
    expect(text(removeSection('[profile dev]\na = 1\n[x]\nb = 2\n[profile.dev]\nc = 3\n', dev))).toBe('[x]\nb = 2\n');
  });
});

describe('unparseable files', () => {
  it('are refused with the line number, for every operation', () => {
    const broken = '[profile dev]\nregion = a\nthis line is not ini\n';
    for (const result of [
      setSection(broken, dev, { k: 'v' }),
      removeKeys(broken, dev, ['region']),
      removeSection(broken, dev),
    ]) {
      expect(result).toMatchObject({ ok: false, error: { kind: 'parse', line: 3 } });
    }
  });
});
