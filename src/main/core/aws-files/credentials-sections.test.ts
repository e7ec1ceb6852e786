import { describe, expect, it } from 'vitest';
import { managedSections, removeManagedSections, setManagedSection, type ManagedCredentials } from './credentials-sections';

const entry = (over: Partial<ManagedCredentials> = {}): ManagedCredentials => ({
  name: 'pay-admin',
  accountId: '111122223333',
  roleName: 'AdministratorAccess',
  instance: 'corp',
  accessKeyId: 'ASIAFIRST',
  secretAccessKey: 'secret/1+=',
  sessionToken: 'token1',
  expiration: '2026-12-06T05:04:15+00:00',
  ...over,
});

const PERSON = '# my keys\r\n[default]\r\naws_access_key_id = AKIAPERSON   ; mine\r\naws_secret_access_key = s\r\n\r\n[other]\r\nregion=eu-west-1\r\n';

const ok = (edit: ReturnType<typeof setManagedSection>): string => {
  if (edit.kind !== 'ok') throw new Error(`expected ok, got ${edit.kind}`);
  return edit.text;
};

describe('Rolecall’s sections of the credentials file', () => {
  it('adds its section after one blank line, in the file’s line endings, leaving every other byte as it was', () => {
    const text = ok(setManagedSection(PERSON, entry()));
    expect(text.startsWith(PERSON)).toBe(true);
    expect(text.slice(PERSON.length)).toBe(
      '\r\n[pay-admin]\r\n# Managed by Rolecall: 111122223333 AdministratorAccess of corp until 2026-12-06T05:04:15+00:00. rolecall credentials-file refresh renews it; logout removes it.\r\naws_access_key_id = ASIAFIRST\r\naws_secret_access_key = secret/1+=\r\naws_session_token = token1\r\n',
    );
    expect(ok(setManagedSection('', entry())).startsWith('[pay-admin]\n')).toBe(true);
    expect(ok(setManagedSection('[a]\nx = 1', entry())).startsWith('[a]\nx = 1\n\n[pay-admin]\n')).toBe(true);
  });

  it('rewrites its own section in place and nothing else', () => {
    const first = ok(setManagedSection(PERSON, entry()));
    const withAfter = `${first}\r\n[after]\r\nregion = us-east-1\r\n`;
    const second = ok(setManagedSection(withAfter, entry({ accessKeyId: 'ASIASECOND', expiration: '2026-12-06T06:04:15+00:00' })));
    expect(second).toBe(withAfter.replace('ASIAFIRST', 'ASIASECOND').replace('until 2026-12-06T05:04:15', 'until 2026-12-06T06:04:15'));
    expect(managedSections(second)).toEqual([{ name: 'pay-admin', accountId: '111122223333', roleName: 'AdministratorAccess', instance: 'corp', expiration: '2026-12-06T06:04:15+00:00' }]);
  });

  it('never replaces a section it did not write unless told, and never edits a file with the section twice', () => {
    expect(setManagedSection(PERSON, entry({ name: 'other' }))).toEqual({ kind: 'foreign', name: 'other' });
    const replaced = ok(setManagedSection(PERSON, entry({ name: 'other' }), true));
    expect(replaced).toContain('[other]\r\n# Managed by Rolecall:');
    expect(replaced).not.toContain('region=eu-west-1');
    expect(setManagedSection('[x]\na=1\n[x]\nb=2\n', entry({ name: 'x' })).kind).toBe('refused');
  });

  it('refuses names and values that would make another line, section or comment', () => {
    for (const name of ['a]b', 'a\n[evil]', ' lead', 'with space', 'a;b', '#x', '']) expect(setManagedSection('', entry({ name })).kind).toBe('refused');
    for (const roleName of ['Admin\naws_access_key_id = AKIAEVIL', 'a b', 'x#y']) expect(setManagedSection('', entry({ roleName })).kind).toBe('refused');
    expect(setManagedSection('', entry({ sessionToken: 'tok\n[evil]' })).kind).toBe('refused');
  });

  it('removes its sections, giving back the file as it was', () => {
    const added = ok(setManagedSection(ok(setManagedSection(PERSON, entry())), entry({ name: 'second', instance: 'other' })));
    const { text, removed } = removeManagedSections(added, () => true);
    expect(text).toBe(PERSON);
    expect(removed.map((r) => r.name)).toEqual(['pay-admin', 'second']);
    const middle = `${ok(setManagedSection('[a]\nx = 1\n', entry()))}\n[b]\ny = 2\n`;
    expect(removeManagedSections(middle, (s) => s.instance === 'corp').text).toBe('[a]\nx = 1\n\n[b]\ny = 2\n');
    expect(removeManagedSections(PERSON, () => true)).toEqual({ text: PERSON, removed: [] });
  });
});
