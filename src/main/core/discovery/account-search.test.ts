import { describe, expect, it } from 'vitest';
import { filterAccounts, highlight, prepareAccounts, queryWords } from '../../../shared/account-search';

const accounts = [
  { accountId: '111111111111', accountName: 'payments-prod', emailAddress: 'aws+payments@acme.example', roles: ['AdministratorAccess', 'ReadOnlyAccess'] },
  { accountId: '222222222222', accountName: 'payments-staging', emailAddress: 'aws+pay-stg@acme.example', roles: ['PowerUserAccess'] },
  { accountId: '333333333333', accountName: 'data-platform-prod', emailAddress: 'data@acme.example', alias: 'lake', roles: ['ReadOnlyAccess'] },
];
const prepared = prepareAccounts(accounts);
const names = (query: string): string[] => filterAccounts(prepared, query).map((a) => a.accountName);

describe('the account matcher', () => {
  it('matches every word in any field and any order, as partial words', () => {
    expect(names('prod admin')).toEqual(['payments-prod']);
    expect(names('admin prod')).toEqual(['payments-prod']);
    expect(names('PROD')).toEqual(['payments-prod', 'data-platform-prod']);
    expect(names('readonly')).toEqual(['payments-prod', 'data-platform-prod']);
  });

  it('searches ids, emails and aliases', () => {
    expect(names('2222')).toEqual(['payments-staging']);
    expect(names('pay-stg')).toEqual(['payments-staging']);
    expect(names('lake')).toEqual(['data-platform-prod']);
  });

  it('returns everything for an empty query and nothing when a word is missing', () => {
    expect(names('  ')).toHaveLength(3);
    expect(names('prod nothing')).toEqual([]);
  });

  it('does not match across two fields', () => {
    expect(names('prod111')).toEqual([]);
  });

  it('highlights every occurrence of every word', () => {
    expect(highlight('payments-prod', queryWords('prod pay'))).toEqual([
      { text: 'pay', match: true },
      { text: 'ments-', match: false },
      { text: 'prod', match: true },
    ]);
    expect(highlight('Admin', [])).toEqual([{ text: 'Admin', match: false }]);
  });
});
