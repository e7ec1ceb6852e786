import { describe, expect, it } from 'vitest';
import { peekParsedState } from './state-peek';

const instance = { id: 'i1', sessionName: 'acme', startUrl: 'https://d-1.awsapps.com/start', region: 'us-east-1', tokenStorage: 'aws-cli' };
const cache = { listedAt: 1, accounts: [{ accountId: '111111111111', accountName: 'prod', emailAddress: 'p@x', roles: ['Admin'] }] };

describe('peekParsedState', () => {
  it('reads instances, cached accounts and aliases, and ignores keys it does not need', () => {
    const source = peekParsedState({ version: 1, instances: [instance], accountCache: { i1: cache }, accountPrefs: { i1: { '111111111111': { alias: 'p', colour: 'red' } } }, settings: {}, future: 1 });
    expect(source?.instances).toEqual([instance]);
    expect(source?.accounts('i1')).toEqual([{ accountId: '111111111111', accountName: 'prod', emailAddress: 'p@x', alias: 'p', roles: ['Admin'] }]);
    expect(source?.accounts('other')).toBeUndefined();
  });

  it('gives up (null) on anything unexpected, so the full command decides', () => {
    expect(peekParsedState(null)).toBeNull();
    expect(peekParsedState({ version: 2, instances: [] })).toBeNull();
    expect(peekParsedState({ version: 1, instances: [{ ...instance, tokenStorage: 'vault' }] })).toBeNull();
    expect(peekParsedState({ version: 1, instances: [instance], accountCache: { i1: { listedAt: 1, accounts: [{ accountId: 1 }] } } })).toBeNull();
    expect(peekParsedState({ version: 1, instances: [instance], accountCache: { i1: { ...cache, accounts: [{ ...cache.accounts[0], roles: [1] }] } } })).toBeNull();
  });
});
