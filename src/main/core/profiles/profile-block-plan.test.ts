/**
 * "Generate profiles for all" on config text: the block, its re-generation with pruning, the preview,
 * and that nothing outside the block changes. Read back with the JS SDK's INI parser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSdkOracle, type SdkOracle } from '../aws-files/config-oracle.test-support';
import { planProfileBlock, profileBlockMarkers, type BlockPlanInput, type GeneratorAccount } from './profile-block-plan';

const instance = { sessionName: 'acme', startUrl: 'https://d-1234567890.awsapps.com/start', region: 'us-east-1' };
const account = (n: number, name = `account-${n}`, roles: string[] | undefined = ['Admin', 'ReadOnly']): GeneratorAccount => ({
  accountId: String(100000000000 + n),
  accountName: name,
  roles,
  region: 'eu-west-1',
});
const input = (accounts: GeneratorAccount[], template = '{account}-{role}'): BlockPlanInput => ({ style: 'sso-session', instance, template, accounts });

function plan(text: string, accounts: GeneratorAccount[], template?: string) {
  const result = planProfileBlock(text, input(accounts, template));
  if (!result.ok) throw new Error(result.reason);
  return result;
}

const userText = ['# mine', '[profile mine]', 'region = us-west-2 ; keep', '', '[sso-session acme]', 'sso_start_url = https://d-1234567890.awsapps.com/start', 'sso_region = us-east-1', ''].join('\n');

let oracle: SdkOracle;
beforeAll(async () => {
  oracle = await createSdkOracle();
});
afterAll(() => oracle.dispose());

const profileKeys = (sections: Record<string, unknown>): string[] => Object.keys(sections).filter((k) => !k.includes('.') && k !== 'mine').sort();

describe('generating profiles for 300 accounts', () => {
  const accounts = Array.from({ length: 300 }, (_, i) => account(i));

  it('writes one profile per account and role in one marked block after everything else', async () => {
    const first = plan(userText, accounts);
    expect(first.text.startsWith(userText)).toBe(true);
    const sections = await oracle.read(first.text);
    expect(profileKeys(sections)).toHaveLength(600);
    expect(sections['account-7-ReadOnly']).toEqual({ sso_session: 'acme', sso_account_id: '100000000007', sso_role_name: 'ReadOnly', region: 'eu-west-1' });
    expect(sections['mine']).toEqual({ region: 'us-west-2' });
    expect(first.preview).toMatchObject({ total: 600, removed: [], renamed: [], changed: [], unchanged: 0 });
    expect(first.preview.added).toHaveLength(600);
  });

  it('re-generates in place: dropped accounts pruned, renamed ones renamed, and nothing outside the block changes', async () => {
    const markers = profileBlockMarkers('acme');
    const after = `${plan(userText, accounts).text}\n[profile later]\nregion = ap-south-1\n`;
    const changed = accounts.filter((_, i) => i % 10 !== 3).map((a, i) => (i % 25 === 0 ? { ...a, accountName: `${a.accountName}-renamed` } : a));
    const second = plan(after, changed);
    const sections = await oracle.read(second.text);
    const expected = changed.flatMap((a) => (a.roles ?? []).map((r) => `${a.accountName}-${r}`)).sort();
    expect(profileKeys(sections).filter((k) => k !== 'later')).toEqual(expected);
    expect(second.preview.removed).toHaveLength(60);
    expect(second.preview.renamed).toHaveLength(2 * changed.filter((_, i) => i % 25 === 0).length);
    expect(second.preview.added).toEqual([]);
    const outside = (text: string): string => text.slice(0, text.indexOf(markers.begin)) + text.slice(text.indexOf(markers.end));
    expect(outside(second.text)).toBe(outside(after));
    expect(plan(second.text, changed).preview).toMatchObject({ added: [], removed: [], renamed: [], changed: [], unchanged: 540 });
  });

  it('keeps the profiles of an account whose roles could not be read', async () => {
    const first = plan('', accounts.slice(0, 3)).text;
    const second = plan(first, [accounts[0], account(1, 'account-1', undefined), accounts[2]].filter((a) => a !== undefined));
    expect(profileKeys(await oracle.read(second.text))).toHaveLength(6);
    expect(second.preview.removed).toEqual([]);
  });
});

describe('names that already exist outside the block', () => {
  it('skips an identical profile there and never shadows a different one', async () => {
    const outside = [
      '[profile account-1-Admin]',
      'sso_session = acme',
      'sso_account_id = 100000000001',
      'sso_role_name = Admin',
      '',
      '[profile account-2-Admin]',
      'region = us-west-1',
      '',
    ].join('\n');
    const result = plan(outside, [account(1, 'account-1', ['Admin']), account(2, 'account-2', ['Admin'])]);
    expect(result.preview.skipped.map((p) => p.name)).toEqual(['account-1-Admin']);
    expect(result.preview.added.map((p) => p.name)).toEqual(['account-2-Admin-2']);
    const sections = await oracle.read(result.text);
    expect(sections['account-2-Admin']).toEqual({ region: 'us-west-1' });
  });
});

describe('hostile account and role names', () => {
  it('never produce more than one section per profile', async () => {
    const hostile = ['evil]\n[profile x]\ncredential_process = /bin/sh', '', '<script>alert(1)</script>', '\u202eevil', 'a'.repeat(1000), 'x = y ; # [z]'];
    const accounts = hostile.map((name, i) => account(i, name, [`R${i}`]));
    const result = plan('', accounts);
    const sections = await oracle.read(result.text);
    expect(Object.keys(sections)).toHaveLength(hostile.length);
    for (const values of Object.values(sections)) {
      expect(Object.keys(values).sort()).toEqual(['region', 'sso_account_id', 'sso_role_name', 'sso_session']);
    }
    expect(result.text).not.toMatch(/^\s*credential_process/m);
  });
});

describe('a broken block', () => {
  it('is refused, with what to fix', () => {
    const markers = profileBlockMarkers('acme');
    const result = planProfileBlock(`${markers.begin}\n[profile a]\nregion = x\n`, input([account(1)]));
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('exactly one') as string });
  });

  it('is refused when settings follow its END line without a header', () => {
    const text = plan('', [account(1)]).text + 'region = us-west-2\n';
    expect(planProfileBlock(text, input([account(1)]))).toMatchObject({ ok: false, reason: expect.stringContaining('follow') as string });
  });
});
