import { describe, expect, it } from 'vitest';
import { createAccountBook } from './account-book';

const acct = (id: string, name: string, roles: string[] = ['ReadOnlyAccess']) => ({
  accountId: id,
  accountName: name,
  emailAddress: `${name}@acme.example`,
  roles,
});

describe('the account book', () => {
  it('shows the cache at once, then updates it in place and tells what changed', () => {
    const book = createAccountBook({ listedAt: 1, accounts: [acct('111111111111', 'prod'), acct('222222222222', 'old')] });
    expect(book.views({}).map((v) => [v.accountName, v.rolesState])).toEqual([
      ['old', 'loaded'],
      ['prod', 'loaded'],
    ]);
    book.beginRun();
    book.listed([acct('111111111111', 'prod-renamed'), acct('333333333333', 'fresh')]);
    book.rolesLoaded(acct('333333333333', 'fresh', ['AdministratorAccess']));
    expect(book.completeRun()).toEqual(['old']);
    const views = book.views({ '333333333333': { favourite: true } });
    expect(views.map((v) => [v.accountName, v.isNew, v.rolesState, v.prefs.favourite ?? false])).toEqual([
      ['fresh', true, 'loaded', true],
      ['prod-renamed', false, 'loaded', false],
    ]);
    expect(book.toCache(2).accounts.map((a) => a.accountName)).toEqual(['fresh', 'prod-renamed']);
  });

  it('marks nothing new on a first run, and keeps failed accounts out of the cache', () => {
    const book = createAccountBook(undefined);
    book.beginRun();
    book.listed([acct('111111111111', 'a'), acct('222222222222', 'b')]);
    book.rolesLoaded(acct('111111111111', 'a'));
    book.rolesFailed('222222222222');
    expect(book.completeRun()).toEqual([]);
    expect(book.views({}).map((v) => [v.isNew, v.rolesState])).toEqual([
      [false, 'loaded'],
      [false, 'failed'],
    ]);
    expect(book.toCache(5)).toEqual({ listedAt: 5, accounts: [acct('111111111111', 'a')] });
  });

  it('gives the list in name order as the window shows it, and keeps it in order as accounts come, go and are renamed', () => {
    const book = createAccountBook({ listedAt: 1, accounts: [acct('111111111111', 'dev-10'), acct('222222222222', 'Dev-2'), acct('333333333333', 'alpha')] });
    const names = (): string[] => book.views({}).map((v) => v.accountName);
    expect(names()).toEqual(['alpha', 'Dev-2', 'dev-10']);
    book.beginRun();
    book.listed([acct('111111111111', 'dev-10'), acct('222222222222', 'zulu'), acct('444444444444', 'beta')]);
    expect(names()).toEqual(['alpha', 'beta', 'dev-10', 'zulu']);
    book.rolesLoaded(acct('444444444444', 'beta', ['AdministratorAccess']));
    expect(names()).toEqual(['alpha', 'beta', 'dev-10', 'zulu']);
    book.completeRun();
    expect(names()).toEqual(['beta', 'dev-10', 'zulu']);
  });
});
