import { describe, expect, it } from 'vitest';
import type { DiscoveryStatus } from '../../../shared/accounts';
import { failedRolesText, formatAge, listStateOf, newText, progressOf, removedText, summaryOf } from './discovery-text';

const status = (over: Partial<DiscoveryStatus> = {}): DiscoveryStatus => ({
  state: 'idle',
  accountsTotal: 0,
  listComplete: false,
  rolesLoaded: 0,
  accountsFailed: 0,
  listedAt: null,
  fromCache: false,
  removed: [],
  ...over,
});

describe('the state of the view', () => {
  const input = { signedIn: true, accountCount: 0, loadError: null };
  it('shows the list whenever there are accounts, also signed out', () => {
    expect(listStateOf({ ...input, discovery: status({ state: 'failed' }), signedIn: false, accountCount: 3 }).kind).toBe('list');
  });
  it('shows skeleton rows while listing has nothing yet, or a cached list is on its way', () => {
    expect(listStateOf({ ...input, discovery: status({ state: 'running' }) }).kind).toBe('loading');
    expect(listStateOf({ ...input, discovery: status({ state: 'complete', accountsTotal: 40 }), signedIn: false, accountCount: null }).kind).toBe('loading');
  });
  it('hides for a signed-out instance with no list', () => {
    expect(listStateOf({ ...input, discovery: status(), signedIn: false }).kind).toBe('hidden');
  });
  it('says when the identity has no accounts, when listing failed, and when it has not run', () => {
    expect(listStateOf({ ...input, discovery: status({ state: 'complete' }) }).kind).toBe('empty');
    expect(listStateOf({ ...input, discovery: status({ state: 'failed', message: 'Throttled. Try again.' }) })).toEqual({ kind: 'error', message: 'Throttled. Try again.' });
    expect(listStateOf({ ...input, discovery: status(), loadError: 'Could not read.' })).toEqual({ kind: 'error', message: 'Could not read.' });
    expect(listStateOf({ ...input, discovery: status({ state: 'cancelled' }) }).kind).toBe('cancelled');
    expect(listStateOf({ ...input, discovery: status() }).kind).toBe('notListed');
  });
});

describe('the status line', () => {
  it('counts accounts found while the list is incomplete, then roles read of all', () => {
    expect(progressOf(status({ state: 'running' })).text).toBe('Listing accounts…');
    expect(progressOf(status({ state: 'running', accountsTotal: 300 }))).toEqual({ text: 'Listing accounts… 300 found', value: null, max: 300 });
    expect(progressOf(status({ state: 'running', accountsTotal: 2000, listComplete: true, rolesLoaded: 412 }))).toEqual({ text: 'Listing accounts… 412 of 2,000', value: 412, max: 2000 });
  });
  it('says how long ago the list was made', () => {
    const now = 10 * 86_400_000;
    expect(summaryOf(2000, now - 3 * 60_000 - 5, now)).toBe('2,000 accounts · listed 3 minutes ago');
    expect(summaryOf(1, now - 10_000, now)).toBe('1 account · listed just now');
    expect(summaryOf(5, null, now)).toBe('5 accounts');
    expect(summaryOf(15, now - 60_000, now, 2)).toBe('2 of 15 accounts · listed 1 minute ago');
    expect(summaryOf(2000, null, now, 0)).toBe('0 of 2,000 accounts');
    expect(summaryOf(1, null, now, 1)).toBe('1 of 1 account');
    expect(formatAge(now - 60_000, now)).toBe('1 minute ago');
    expect(formatAge(now - 2 * 3_600_000, now)).toBe('2 hours ago');
    expect(formatAge(now - 3 * 86_400_000, now)).toBe('3 days ago');
  });
  it('names changes since the last list', () => {
    expect(newText(0)).toBeNull();
    expect(newText(12)).toBe('12 new since the last list');
    expect(removedText([])).toBeNull();
    expect(removedText(['a', 'b', 'c'])).toBe('3 removed: a, b, c');
    expect(removedText(['a', 'b', 'c', 'd'], 2)).toBe('4 removed: a, b and 2 more');
    expect(failedRolesText(1)).toBe('One account’s roles couldn’t be read');
  });
});
