/**
 * "Use in terminal" on config text: what is written, what is asked first, and what is never touched,
 * read back with the JS SDK's own INI parser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSdkOracle, type SdkOracle } from '../aws-files/config-oracle.test-support';
import { MANAGED_SECTION_MARKER } from '../aws-files/managed-sections';
import { planUseProfile, type UseProfileInput } from './use-profile-plan';

const instance = { sessionName: 'acme', startUrl: 'https://d-1234567890.awsapps.com/start', region: 'us-east-1' };
const input = (overrides: Partial<UseProfileInput> = {}): UseProfileInput => ({
  style: 'sso-session',
  instance,
  target: { accountId: '111111111111', roleName: 'AdministratorAccess', region: 'eu-west-1' },
  profileName: 'AdministratorAccess-111111111111',
  replaceDefault: false,
  ...overrides,
});

function written(text: string, overrides: Partial<UseProfileInput> = {}): string {
  const plan = planUseProfile(text, input(overrides));
  if (plan.kind !== 'write') throw new Error(`expected a write, got ${JSON.stringify(plan)}`);
  return plan.text;
}

let oracle: SdkOracle;
beforeAll(async () => {
  oracle = await createSdkOracle();
});
afterAll(() => oracle.dispose());

const sso = { sso_session: 'acme', sso_account_id: '111111111111', sso_role_name: 'AdministratorAccess', region: 'eu-west-1' };

describe('Use in terminal on an empty config', () => {
  it('writes the sso-session, the named profile and [default], each marked as Rolecall’s', async () => {
    const text = written('');
    expect(await oracle.read(text)).toEqual({
      'sso-session.acme': { sso_start_url: instance.startUrl, sso_region: 'us-east-1', sso_registration_scopes: 'sso:account:access' },
      'AdministratorAccess-111111111111': sso,
      default: sso,
    });
    expect(text.split(MANAGED_SECTION_MARKER)).toHaveLength(3);
  });

  it('writes sso_start_url and sso_region into each profile in the legacy style, and no sso-session', async () => {
    const text = written('', { style: 'legacy' });
    const legacy = { sso_start_url: instance.startUrl, sso_region: 'us-east-1', sso_account_id: '111111111111', sso_role_name: 'AdministratorAccess', region: 'eu-west-1' };
    expect(await oracle.read(text)).toEqual({ 'AdministratorAccess-111111111111': legacy, default: legacy });
  });
});

describe('a [default] Rolecall did not write', () => {
  const mine = ['# my settings', '[default]', 'aws_access_key_id = AKIAOLD', 'aws_secret_access_key = old', 'output = yaml', '', '[profile work] ; keep me', 'region=ap-south-1', ''].join('\n');

  it('is shown to the person first, and nothing is written', () => {
    const plan = planUseProfile(mine, input());
    expect(plan).toEqual({ kind: 'confirm-default', current: '[default]\naws_access_key_id = AKIAOLD\naws_secret_access_key = old\noutput = yaml' });
  });

  it('once confirmed, points at the role, drops the old keys, keeps output and every other line byte for byte', async () => {
    const plan = planUseProfile(mine, input({ replaceDefault: true }));
    expect(plan.kind).toBe('write');
    const text = plan.kind === 'write' ? plan.text : '';
    expect(plan.kind === 'write' && plan.replacesForeignDefault).toBe(true);
    const sections = await oracle.read(text);
    expect(sections['default']).toEqual({ output: 'yaml', ...sso });
    expect(sections['work']).toEqual({ region: 'ap-south-1' });
    expect(text.startsWith('# my settings\n[default]\n')).toBe(true);
    expect(text).toContain('\n[profile work] ; keep me\nregion=ap-south-1\n');
  });

  it('is left alone when it already points at the same account and role', () => {
    const same = '[default]\nsso_session = acme\nsso_account_id = 111111111111\nsso_role_name = AdministratorAccess\n';
    const text = written(same);
    expect(text.startsWith(same)).toBe(true);
  });
});

describe('a [default] Rolecall wrote', () => {
  it('is repointed without asking', async () => {
    const first = written('');
    const second = written(first, { target: { accountId: '222222222222', roleName: 'ReadOnly', region: 'us-west-2' }, profileName: 'ReadOnly-222222222222' });
    const sections = await oracle.read(second);
    expect(sections['default']).toMatchObject({ sso_account_id: '222222222222', sso_role_name: 'ReadOnly', region: 'us-west-2' });
    expect(sections['AdministratorAccess-111111111111']).toEqual(sso);
    expect(second.split(MANAGED_SECTION_MARKER)).toHaveLength(4);
  });
});

describe('a named profile that exists', () => {
  it('is refused when it signs in to something else and Rolecall did not write it', () => {
    const theirs = '[profile AdministratorAccess-111111111111]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = base\n';
    expect(planUseProfile(theirs, input())).toMatchObject({ kind: 'refused', reason: expect.stringContaining('already exists') as string });
  });

  it('is reused untouched when it is the same account and role (as `aws configure sso` writes it)', () => {
    const theirs = '[profile AdministratorAccess-111111111111]\nsso_session = acme\nsso_account_id = 111111111111\nsso_role_name = AdministratorAccess\nregion = us-east-1\noutput = json\n';
    expect(written(theirs).startsWith(theirs)).toBe(true);
  });
});

describe('a config file Rolecall cannot read', () => {
  it('is refused with the reason, not rewritten', () => {
    const plan = planUseProfile('[default\nregion = x\n', input());
    expect(plan.kind).toBe('refused');
  });
});
