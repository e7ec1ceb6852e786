/**
 * The order in which people see accounts by name, shared by main (which sends lists in it), the window
 * and the `rolecall` command: case- and accent-insensitive, numbers by value ("dev-2" before "dev-10"),
 * and the account id to settle ties, so the order is total and stable.
 */
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Compares two names the way people read a list. */
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Compares two accounts by `name`, then by id. */
export function compareNamedAccounts(aName: string, aId: string, bName: string, bId: string): number {
  return collator.compare(aName, bName) || (aId < bId ? -1 : aId > bId ? 1 : 0);
}
