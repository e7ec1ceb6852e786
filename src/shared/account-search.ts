/**
 * The account matcher, shared by the app's list and the `rolecall` command: search as you type over
 * name, id, email, alias and role names, tolerant of word order and partial words.
 *
 * "prod admin" matches `payments-prod` with `AdministratorAccess`: every word must appear somewhere in
 * the account (any field, any role), in any order.
 */

/** The searchable text of an account. */
export interface Searchable {
  readonly accountId: string;
  readonly accountName: string;
  readonly emailAddress: string;
  readonly alias?: string | undefined;
  readonly roles: readonly string[];
}

/** A search prepared once per list: lower-cased haystacks per account. */
export interface PreparedAccount<T extends Searchable> {
  readonly account: T;
  readonly haystack: string;
}

/** Splits a query into lower-case words. */
export function queryWords(query: string): string[] {
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '');
}

/** Lower-cases every searchable field of each account once, so each keystroke only scans. */
export function prepareAccounts<T extends Searchable>(accounts: readonly T[]): PreparedAccount<T>[] {
  return accounts.map((account) => ({
    account,
    // A separator that no word can contain keeps matches from spanning two fields.
    haystack: [account.accountName, account.accountId, account.emailAddress, account.alias ?? '', ...account.roles]
      .join('\u0000')
      .toLowerCase(),
  }));
}

/** The accounts whose text holds every word of the query, in their given order. */
export function filterAccounts<T extends Searchable>(prepared: readonly PreparedAccount<T>[], query: string): T[] {
  const words = queryWords(query);
  if (words.length === 0) return prepared.map((p) => p.account);
  const matches: T[] = [];
  for (const { account, haystack } of prepared) {
    if (words.every((word) => haystack.includes(word))) matches.push(account);
  }
  return matches;
}

/** A piece of a highlighted string: plain text, or a part that matched a query word. */
export interface TextPart {
  readonly text: string;
  readonly match: boolean;
}

/** Splits `text` into parts, marking every occurrence of any query word (case-insensitive). */
export function highlight(text: string, words: readonly string[]): TextPart[] {
  if (words.length === 0 || text === '') return [{ text, match: false }];
  const lower = text.toLowerCase();
  const marked = new Array<boolean>(text.length).fill(false);
  for (const word of words) {
    for (let at = lower.indexOf(word); at !== -1; at = lower.indexOf(word, at + 1)) {
      marked.fill(true, at, at + word.length);
    }
  }
  const parts: TextPart[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i += 1) {
    if (i === text.length || marked[i] !== marked[start]) {
      parts.push({ text: text.slice(start, i), match: marked[start] === true });
      start = i;
    }
  }
  return parts;
}

/** Filters one list as a person types; see {@link createMatcher}. */
export interface Matcher<T extends Searchable> {
  (query: string): readonly T[];
  /** Lower-cases the list's text now (call it when idle) instead of at the first query. */
  prepare(): void;
}

/**
 * A matcher over one list that remembers its recent answers: the same as {@link filterAccounts}, cheaper as
 * a person types. Backspacing returns to a query already answered, and a query that only adds to the
 * previous one (a longer word, another word) can only match fewer accounts, so it scans the previous
 * matches rather than the whole list. Results keep the list's order either way. The text is prepared at
 * the first query or {@link Matcher.prepare}, whichever comes first, so showing a list costs nothing here.
 */
export function createMatcher<T extends Searchable>(accounts: readonly T[], remember = 64): Matcher<T> {
  interface Answer {
    readonly words: readonly string[];
    readonly scanned: readonly PreparedAccount<T>[];
    readonly matches: T[];
  }
  let prepared: PreparedAccount<T>[] | null = null;
  const prepare = (): PreparedAccount<T>[] => (prepared ??= prepareAccounts(accounts));
  const answers = new Map<string, Answer>();
  let last: Answer | null = null;
  const match = (query: string): readonly T[] => {
    const words = queryWords(query);
    if (words.length === 0) return accounts;
    const key = words.join(' ');
    let answer = answers.get(key);
    if (answer === undefined) {
      // Every earlier word is inside some new word, so whatever holds all the new words held the old ones.
      const narrows = last !== null && last.words.every((old) => words.some((word) => word.includes(old)));
      const source = narrows && last !== null ? last.scanned : prepare();
      const scanned = source.filter(({ haystack }) => words.every((word) => haystack.includes(word)));
      answer = { words, scanned, matches: scanned.map((p) => p.account) };
      if (answers.size >= remember) {
        const oldest = answers.keys().next();
        if (oldest.done !== true) answers.delete(oldest.value);
      }
    } else {
      // Most recently used last, so the oldest is the one forgotten.
      answers.delete(key);
    }
    answers.set(key, answer);
    last = answer;
    return answer.matches;
  };
  return Object.assign(match, { prepare: (): void => void prepare() });
}
