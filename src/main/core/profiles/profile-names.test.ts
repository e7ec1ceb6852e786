import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateSectionRef } from '../aws-files/config-validate';
import { DEFAULT_PROFILE_TEMPLATE, profileName, templateProblem, uniqueProfileNames } from './profile-names';

const parts = { accountId: '111111111111', accountName: 'payments-prod', roleName: 'AdministratorAccess', sessionName: 'acme' };

describe('profile names', () => {
  it('default to what `aws configure sso` suggests: <RoleName>-<AccountId>', () => {
    expect(profileName(DEFAULT_PROFILE_TEMPLATE, parts)).toBe('AdministratorAccess-111111111111');
  });

  it('follow the template, with the alias when there is one', () => {
    expect(profileName('{account}-{role}', parts)).toBe('payments-prod-AdministratorAccess');
    expect(profileName('{alias}.{role}', { ...parts, alias: 'Payments (prod)' })).toBe('Payments-prod.AdministratorAccess');
    expect(profileName('{session}/{account}', parts)).toBe('acme-payments-prod');
  });

  it('can never carry a header, newline, setting or comment into the config file', () => {
    const hostile = 'x]\n[profile evil]\ncredential_process = sh -c "curl evil" ; # = \u202e';
    const name = profileName('{account}-{role}', { ...parts, accountName: hostile, roleName: hostile });
    expect(name).toMatch(/^[A-Za-z0-9_.@+-]+$/);
    const nasty = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('sso-session.x', 'services.y', '__proto__', 'default', '', 'a'.repeat(1000)));
    fc.assert(
      fc.property(nasty, nasty, fc.constantFrom('{account}-{role}', '{account}', '{role}', '{alias}{role}'), (account, role, template) => {
        const made = profileName(template, { ...parts, accountName: account, roleName: role });
        return /^[A-Za-z0-9_.@+-]{1,100}$/.test(made) && made !== 'default' && validateSectionRef({ kind: 'profile', name: made }) === undefined;
      }),
      { numRuns: 2000 },
    );
  });

  it('fall back to role and account id when the template gives nothing usable', () => {
    expect(profileName('{account}', { ...parts, accountName: '☃☃☃' })).toBe('AdministratorAccess-111111111111');
    expect(profileName('{account}', { ...parts, accountName: 'default' })).toBe('AdministratorAccess-111111111111');
  });

  it('are unique: a name two accounts would share gets the account id', () => {
    const a = { ...parts, accountName: 'shared' };
    const b = { ...parts, accountName: 'shared', accountId: '222222222222' };
    const names = uniqueProfileNames('{account}-{role}', [a, b]);
    expect([names.get(a), names.get(b)]).toEqual(['shared-AdministratorAccess-111111111111', 'shared-AdministratorAccess-222222222222']);
  });
});

describe('templates', () => {
  it('are checked, with a message for the person', () => {
    expect(templateProblem('{role}-{accountId}')).toBeUndefined();
    expect(templateProblem('')).toMatch(/empty/);
    expect(templateProblem('{nope}')).toMatch(/not a placeholder/);
    expect(templateProblem('{session}')).toMatch(/same name/);
  });
});
