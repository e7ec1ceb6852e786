/**
 * The order of the account list, kept free of React and the DOM so it is tested under plain Node.
 *
 * Favourites are pinned on top, then the few most recently used accounts, then everything else by the
 * person's chosen sort. The order is computed once per list (per revision and sort); each keystroke only
 * filters it, and filtering keeps the order, so sections stay contiguous.
 */
import type { Searchable } from '../../../shared/account-search';
import type { AccountSort, AccountView } from '../../../shared/accounts';
import { compareNamedAccounts } from '../../../shared/name-order';

/** The groups of the list, in the order they are shown. */
export type SectionId = 'favourites' | 'recent' | 'all';

/** The label shown above each group. */
export const SECTION_LABELS: Readonly<Record<SectionId, string>> = {
  favourites: 'Favourites',
  recent: 'Recent',
  all: 'All accounts',
};

/** How many recently used accounts are lifted above the rest. */
export const RECENT_LIMIT = 5;

/** An account placed in its section, in the shape the shared matcher searches. */
export interface OrderedAccount extends Searchable {
  readonly view: AccountView;
  readonly section: SectionId;
  /** The alias if the person set one, else the account's name. */
  readonly displayName: string;
}

/** A row of the virtual list: a section label or an account. */
export type ListRow =
  | { readonly kind: 'section'; readonly key: string; readonly section: SectionId; readonly label: string; readonly count: number }
  | { readonly kind: 'account'; readonly key: string; readonly account: OrderedAccount; readonly position: number };

/** The name a person sees for an account: its alias when set, else its name. */
export function displayNameOf(account: AccountView): string {
  const alias = account.prefs.alias?.trim();
  return alias === undefined || alias === '' ? account.accountName : alias;
}

// Main sends lists already in name order (account-book.ts), so this sort is one pass over runs that are
// already in order, unless aliases move accounts around.
function byName(a: OrderedAccount, b: OrderedAccount): number {
  return compareNamedAccounts(a.displayName, a.accountId, b.displayName, b.accountId);
}

function byRecent(a: OrderedAccount, b: OrderedAccount): number {
  const used = (b.view.prefs.lastUsedAt ?? -Infinity) - (a.view.prefs.lastUsedAt ?? -Infinity);
  // Two never-used accounts give NaN (-Infinity minus -Infinity): fall through to the name.
  return used > 0 ? 1 : used < 0 ? -1 : byName(a, b);
}

function place(view: AccountView, section: SectionId): OrderedAccount {
  return {
    accountId: view.accountId,
    accountName: view.accountName,
    emailAddress: view.emailAddress,
    alias: view.prefs.alias,
    roles: view.roles,
    view,
    section,
    displayName: displayNameOf(view),
  };
}

/**
 * Orders the whole list: favourites (by the chosen sort), then up to `recentLimit` other accounts by last
 * use, most recent first, then the rest by the chosen sort ("name": case-insensitive by display name;
 * "recent": last used first, never-used ones after them by name).
 */
export function orderAccounts(accounts: readonly AccountView[], sort: AccountSort, recentLimit = RECENT_LIMIT): OrderedAccount[] {
  const compare = sort === 'name' ? byName : byRecent;
  const favourites: OrderedAccount[] = [];
  const others: OrderedAccount[] = [];
  for (const view of accounts) {
    if (view.prefs.favourite === true) favourites.push(place(view, 'favourites'));
    else others.push(place(view, 'all'));
  }
  const recentIds = new Set(
    others
      .filter((a) => a.view.prefs.lastUsedAt !== undefined)
      .sort(byRecent)
      .slice(0, Math.max(0, recentLimit))
      .map((a) => a.accountId),
  );
  const recent: OrderedAccount[] = [];
  const rest: OrderedAccount[] = [];
  for (const account of others) {
    if (recentIds.has(account.accountId)) recent.push({ ...account, section: 'recent' });
    else rest.push(account);
  }
  return [...favourites.sort(compare), ...recent.sort(byRecent), ...rest.sort(compare)];
}

/**
 * Turns ordered (and possibly filtered) accounts into rows, with a label row above each section.
 *
 * Labels appear only when more than one section has rows: a single "All accounts" label over the
 * whole list says nothing. `notYetHere` counts the accounts of "All accounts" still on their way (the
 * list's first slice is shown), so its label already says the whole list's count.
 */
export function buildRows(accounts: readonly OrderedAccount[], notYetHere = 0): ListRow[] {
  const counts: Record<SectionId, number> = { favourites: 0, recent: 0, all: notYetHere };
  for (const account of accounts) counts[account.section] += 1;
  const labelled = Object.values(counts).filter((count) => count > 0).length > 1;
  const rows: ListRow[] = [];
  let section: SectionId | null = null;
  accounts.forEach((account, index) => {
    if (labelled && account.section !== section) {
      section = account.section;
      rows.push({ kind: 'section', key: `section:${section}`, section, label: SECTION_LABELS[section], count: counts[section] });
    }
    rows.push({ kind: 'account', key: account.accountId, account, position: index + 1 });
  });
  return rows;
}

/** The index of the account row `key`, or of the first account row when `key` is not shown; -1 if none. */
export function resolveActiveIndex(rows: readonly ListRow[], key: string | null): number {
  if (key !== null) {
    const index = rows.findIndex((row) => row.kind === 'account' && row.key === key);
    if (index !== -1) return index;
  }
  return rows.findIndex((row) => row.kind === 'account');
}

/** Where a navigation key moves the active row. */
export type Move = 'next' | 'previous' | 'first' | 'last' | 'pageDown' | 'pageUp';

/**
 * The account row a navigation key moves to from `from`, skipping section labels and stopping at the
 * ends; `pageSize` is how many rows a page key jumps.
 */
export function moveActive(rows: readonly ListRow[], from: number, move: Move, pageSize = 10): number {
  const isAccount = (i: number): boolean => rows[i]?.kind === 'account';
  const scan = (start: number, step: 1 | -1): number => {
    for (let i = start; i >= 0 && i < rows.length; i += step) if (isAccount(i)) return i;
    return -1;
  };
  const orStay = (index: number): number => (index === -1 ? from : index);
  switch (move) {
    case 'next':
      return orStay(scan(from + 1, 1));
    case 'previous':
      return orStay(scan(from - 1, -1));
    case 'first':
      return orStay(scan(0, 1));
    case 'last':
      return orStay(scan(rows.length - 1, -1));
    case 'pageDown': {
      const target = Math.min(rows.length - 1, from + pageSize);
      const back = scan(target, -1);
      return orStay(back > from ? back : scan(target, 1));
    }
    case 'pageUp': {
      const target = Math.max(0, from - pageSize);
      const forward = scan(target, 1);
      return orStay(forward < from && forward !== -1 ? forward : scan(target, -1));
    }
  }
}

/**
 * What a row's height depends on: the width of a row (the list's width) and the width of a role name in the
 * chips' font. The list measures both without forcing a layout (see account-rows.tsx).
 */
export interface RowMetrics {
  readonly rowWidth: number;
  readonly textWidth: (role: string) => number;
}

/** A row's width in a 1280px window, and a role name's width in the chips' 12.5px system font, per character. */
export const DEFAULT_ROW_METRICS: RowMetrics = { rowWidth: 966, textWidth: (role) => role.length * 6.7 };

// From account-list.css: a row's horizontal padding, its fixed columns and gaps; below a 720px-wide list the
// roles move under the names and span the name column and the edit column.
const ROW_PADDING_PX = 20;
const NARROW_PX = 720;
// A chip's padding and border (22px), plus its copy (26px) and "more" (24px) buttons; 6px between chips.
const CHIP_EXTRA_PX = 72;
const CHIP_GAP_PX = 6;

/** The chip area's width in a row `rowWidth` wide. */
function chipAreaWidth(rowWidth: number): number {
  if (rowWidth <= NARROW_PX) return rowWidth - ROW_PADDING_PX - 4 - 28 - 8 - 8;
  // Columns 4px 28px 1fr 1.15fr 28px with four 8px gaps: the roles get 1.15 of 2.15 shares of what is left.
  return ((rowWidth - ROW_PADDING_PX - 4 - 28 - 28 - 4 * 8) * 1.15) / 2.15;
}

/** How many lines the role chips take when packed into the chip area, as flex-wrap packs them. */
function chipLines(roles: readonly string[], metrics: RowMetrics): number {
  const area = chipAreaWidth(metrics.rowWidth);
  let lines = 1;
  let used = 0;
  for (const role of roles) {
    const width = Math.min(area, metrics.textWidth(role) + CHIP_EXTRA_PX);
    if (used > 0 && used + CHIP_GAP_PX + width > area) {
      lines += 1;
      used = 0;
    }
    used += (used > 0 ? CHIP_GAP_PX : 0) + width;
  }
  return lines;
}

/**
 * A row's height before it is measured, matching account-list.css: a label is 32px; an account is 55px
 * while its role chips fit on one line beside the names, plus 32px per further line (chips packed by the
 * width of their names); in a narrow list the chips sit under the names. Rows are measured after layout
 * (never by forcing one), and a row whose estimate was wrong is laid out twice: once where the estimate put
 * it, then again where its measured height puts it, so the estimate is made to be exact.
 */
export function estimateRowHeight(row: ListRow | undefined, metrics: RowMetrics = DEFAULT_ROW_METRICS): number {
  if (row === undefined || row.kind === 'section') return 32;
  // With no roles the area holds one line of text ("Loading roles…", "No roles").
  const rolesHeight = row.account.roles.length === 0 ? 18 : chipLines(row.account.roles, metrics) * 32 - 6;
  // Narrow: names, then the roles, each track after the first 6px down (the empty editor track too).
  if (metrics.rowWidth <= NARROW_PX) return 17 + 38 + 6 + rolesHeight + 6;
  return 17 + Math.max(38, rolesHeight);
}

/** The role Enter acts on: the only one, or the one last used if the account still has it. */
export function primaryRole(roles: readonly string[], lastRole: string | undefined): string | undefined {
  if (roles.length === 1) return roles[0];
  return lastRole !== undefined && roles.includes(lastRole) ? lastRole : undefined;
}
