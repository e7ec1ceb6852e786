import { describe, expect, it } from 'vitest';
import { matchRole, resolveRoleTarget, type TargetAccount, type TargetInstance, type TargetSource } from './role-target';

const instance = (id: string, sessionName: string): TargetInstance => ({ id, sessionName, startUrl: `https://${id}.awsapps.com/start`, region: 'us-east-1', tokenStorage: 'aws-cli' });
const account = (accountId: string, accountName: string, roles: string[], alias?: string): TargetAccount => ({ accountId, accountName, emailAddress: `${accountName}@x`, roles, alias });

const acme = instance('a', 'acme');
const beta = instance('b', 'beta');
const source: TargetSource = {
  instances: [acme, beta],
  accounts: (id) =>
    id === 'a'
      ? [account('111111111111', 'payments-prod', ['AdministratorAccess', 'ReadOnlyAccess'], 'pay'), account('222222222222', 'Pay', ['ReadOnlyAccess'])]
      : id === 'b'
        ? [account('333333333333', 'payments-prod', ['ReadOnlyAccess']), account('444444444444', 'sandbox', ['Dev', 'dev'])]
        : undefined,
};

describe('resolveRoleTarget', () => {
  it('selects by id first, then by alias or name, case-insensitive, with the role as the portal spells it', () => {
    expect(resolveRoleTarget(source, { account: '111111111111', role: 'readonlyaccess' })).toMatchObject({ kind: 'found', instance: acme, accountId: '111111111111', roleName: 'ReadOnlyAccess' });
    expect(resolveRoleTarget(source, { account: 'SANDBOX', role: 'Dev' })).toMatchObject({ kind: 'found', accountId: '444444444444', roleName: 'Dev' });
  });

  it('calls a name shared by two accounts, or an alias equal to another account name, ambiguous', () => {
    const sameName = resolveRoleTarget(source, { account: 'payments-prod', role: 'ReadOnlyAccess' });
    expect(sameName).toMatchObject({ kind: 'account-ambiguous' });
    expect(sameName.kind === 'account-ambiguous' && sameName.candidates.map((c) => c.account.accountId)).toEqual(['111111111111', '333333333333']);
    const aliasAndName = resolveRoleTarget(source, { account: 'pay', role: 'ReadOnlyAccess' });
    expect(aliasAndName.kind === 'account-ambiguous' && aliasAndName.candidates.map((c) => c.account.accountId)).toEqual(['111111111111', '222222222222']);
  });

  it('narrows to one instance with --instance (by session name or id)', () => {
    expect(resolveRoleTarget(source, { instance: 'BETA', account: 'payments-prod', role: 'ReadOnlyAccess' })).toMatchObject({ kind: 'found', accountId: '333333333333' });
    expect(resolveRoleTarget(source, { instance: 'nope', account: 'x', role: 'y' })).toEqual({ kind: 'unknown-instance', name: 'nope', known: ['acme', 'beta'] });
  });

  it('never selects a partial match, but suggests matches from the shared matcher', () => {
    const partial = resolveRoleTarget(source, { account: 'payments', role: 'ReadOnlyAccess' });
    expect(partial.kind).toBe('account-not-found');
    expect(partial.kind === 'account-not-found' && partial.suggestions.map((c) => c.account.accountId)).toEqual(['111111111111', '333333333333']);
  });

  it('accepts an unlisted 12-digit id only when one instance is in play', () => {
    expect(resolveRoleTarget(source, { account: '999999999999', role: 'Admin' })).toMatchObject({ kind: 'id-needs-instance' });
    expect(resolveRoleTarget(source, { instance: 'acme', account: '999999999999', role: 'Admin' })).toEqual({ kind: 'found', instance: acme, accountId: '999999999999', account: null, roleName: 'Admin' });
  });

  it('reports a missing role with the account, and no instances at all', () => {
    expect(resolveRoleTarget(source, { instance: 'beta', account: 'sandbox', role: 'Admin' })).toMatchObject({ kind: 'role-not-found', roleName: 'Admin' });
    expect(resolveRoleTarget({ instances: [], accounts: () => undefined }, { account: 'x', role: 'y' })).toEqual({ kind: 'no-instances' });
  });
});

describe('matchRole', () => {
  it('prefers the exact spelling and refuses a case-only tie', () => {
    expect(matchRole(['Dev', 'dev'], 'dev')).toBe('dev');
    expect(matchRole(['Dev', 'dev'], 'DEV')).toBeUndefined();
    expect(matchRole(['ReadOnlyAccess'], 'READONLYACCESS')).toBe('ReadOnlyAccess');
  });
});
