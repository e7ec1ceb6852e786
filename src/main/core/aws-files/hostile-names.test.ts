/**
 * Checklist 24, against the whole hostile fixture: every account name, email and role name the emulator's
 * `hostile.json` serves either becomes a safe profile name whose written file the JS SDK reads as exactly
 * the intended sections, or is refused with the file unchanged; never an injected section or setting.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileName } from '../profiles/profile-names';
import { setSection } from './config-editor';
import { createSdkOracle, type SdkOracle } from './config-oracle.test-support';

interface FixtureAccount {
  id: string;
  name?: string;
  email?: string;
  roles: string[];
}
const fixture = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '..', '..', '..', '..', 'tools', 'emulator', 'fixtures', 'hostile.json'), 'utf8'),
) as { accounts: FixtureAccount[] };
const hostile = [...new Set(fixture.accounts.flatMap((a) => [a.name ?? '', a.email ?? '', ...a.roles]))];
const existing = '[default]\nregion = us-west-2\n\n[profile mine]\noutput = json\n';
const existingSections = { default: { region: 'us-west-2' }, mine: { output: 'json' } };

let oracle: SdkOracle;
beforeAll(async () => {
  oracle = await createSdkOracle();
});
afterAll(() => oracle.dispose());

describe('hostile names from the network and ~/.aws/config', () => {
  it('covers what the issue lists', () => {
    for (const needle of ['\n', ']', '[', '=', ';', '#', '"', "'", '<script>', '\u202e', '']) {
      expect(hostile.some((h) => (needle === '' ? h === '' : h.includes(needle))), JSON.stringify(needle)).toBe(true);
    }
    expect(hostile.some((h) => h.length >= 1000)).toBe(true);
  });

  it.each(['{role}-{accountId}', '{account}-{role}', '{alias}.{role}@{session}'])(
    'profile names from %s parse to exactly the intended sections',
    async (template) => {
      for (const account of fixture.accounts) {
        for (const role of account.roles) {
          const name = profileName(template, { accountId: account.id, accountName: account.name ?? '', roleName: role, sessionName: 'acme' });
          const entries = { sso_session: 'acme', sso_account_id: account.id, sso_role_name: 'ReadOnlyAccess' };
          const written = setSection(existing, { kind: 'profile', name }, entries);
          expect(written.ok, `${JSON.stringify(name)} from ${JSON.stringify(role.slice(0, 40))}`).toBe(true);
          if (!written.ok) continue;
          expect(await oracle.read(written.value)).toEqual({ ...existingSections, [name]: entries });
        }
      }
    },
  );

  it('refuses every raw hostile string as a section name; as a value, refuses it or writes it to read back exactly', async () => {
    for (const raw of hostile.filter((h) => !/^[\w@+.%:/-]+$/.test(h))) {
      expect(setSection(existing, { kind: 'profile', name: raw }, { region: 'us-east-1' }).ok, JSON.stringify(raw.slice(0, 40))).toBe(false);
    }
    for (const raw of hostile) {
      const written = setSection(existing, { kind: 'profile', name: 'x' }, { sso_role_name: raw });
      if (written.ok) expect(await oracle.read(written.value), JSON.stringify(raw.slice(0, 40))).toEqual({ ...existingSections, x: { sso_role_name: raw } });
      else expect(/[\n\r]|^\s|\s$|^$|[^\x20-\x7e]|(^|\s)[#;]/.test(raw), JSON.stringify(raw.slice(0, 40))).toBe(true);
    }
  });
});
