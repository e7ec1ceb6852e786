/**
 * `rolecall accounts`: the accounts and roles of the shared list, listed again when asked or stale,
 * filtered with the app's own matcher, as a table or JSON.
 */
import { filterAccounts, prepareAccounts } from '../../../shared/account-search';
import { compareNames } from '../../../shared/name-order';
import type { PersistedInstance } from '../../core/persistence/persisted-state';
import type { TargetAccount } from '../../core/terminal/role-target';
import type { CliContext } from '../cli-context';
import { CliError, EXIT } from '../cli-errors';
import { chooseInstances, isStale, loadCliState, targetSource } from '../cli-state';
import { defineCommand, instanceOption } from '../command';
import { formatTable, printable, stylesFor, writeLines } from '../output';

const HELP = `Usage: rolecall accounts [QUERY...] [--instance NAME] [--refresh] [--json]

Lists your AWS accounts and roles from the list Rolecall saves (shared with the
app). The list is fetched again when you ask, or when it is older than 12 hours
and you are signed in. QUERY filters as the app's search box does: every word
must appear in the account's name, id, email, alias or a role, in any order
("prod admin").

Options:
  -i, --instance NAME  only this instance
  -r, --refresh        list the accounts again now (needs a sign-in)
      --json           print JSON: [{instance, accountId, accountName,
                       emailAddress, alias, favourite, roles}]
  -h, --help           show this help

Exit status: 0 with results; 3 when QUERY matches nothing.
`;

interface Row extends TargetAccount {
  readonly instance: PersistedInstance;
}

export const accountsCommand = defineCommand(
  {
    name: 'accounts',
    options: { ...instanceOption, refresh: { type: 'boolean', short: 'r' }, json: { type: 'boolean' } },
    positionals: [],
    optionalPositionals: ['QUERY'],
    variadic: true,
    help: HELP,
  },
  async ({ values, positionals }, context) => {
    const loaded = await loadCliState(context, values.instance);
    const instances = chooseInstances(loaded.state, values.instance);
    const refresh = values.refresh === true;
    const needed = instances.filter((i) => refresh || isStale(loaded.state.accountCache[i.id], context.now()));
    const state = needed.length === 0 ? loaded.state : await (await import('../accounts-listing')).refreshLists(context, loaded.state, needed, refresh);
    const source = targetSource(state);
    const all: Row[] = instances.flatMap((instance) => (source.accounts(instance.id) ?? []).map((account) => ({ ...account, instance })));
    const query = positionals.join(' ');
    // Preparing the search text of every account is only worth it when there is something to search for.
    const rows = sortRows(query.trim() === '' ? all : filterAccounts(prepareAccounts(all), query));
    if (values.json === true) {
      context.stdout.write(`${JSON.stringify(rows.map(rowJson), null, 2)}\n`);
    } else if (rows.length > 0) {
      writeLines(context.stdout, table(context, rows, instances.length > 1));
    }
    if (rows.length === 0 && query !== '') throw new CliError(`No account matches "${printable(query)}".`, EXIT.noMatch);
    if (all.length === 0 && values.json !== true) context.stderr.write('No accounts saved yet. Sign in with "rolecall login", then run "rolecall accounts --refresh".\n');
    return undefined;
  },
);

/** Favourites first, then by name (alias when set), as the app's list with "name" order. */
function sortRows(rows: Row[]): Row[] {
  const label = (row: Row): string => row.alias ?? (row.accountName || row.accountId);
  return rows.sort((a, b) => Number(b.favourite === true) - Number(a.favourite === true) || compareNames(label(a), label(b)));
}

function table(context: CliContext, rows: readonly Row[], manyInstances: boolean): string[] {
  const style = stylesFor(context.stdout, context.env);
  // The alias column only when some account has one.
  const aliases = rows.some((row) => row.alias !== undefined);
  const header = [...(manyInstances ? ['INSTANCE'] : []), 'ACCOUNT ID', 'NAME', ...(aliases ? ['ALIAS'] : []), 'ROLES'];
  const body = rows.map((row) => [
    ...(manyInstances ? [row.instance.sessionName] : []),
    row.accountId,
    printable(row.accountName) + (row.favourite === true ? ' *' : ''),
    ...(aliases ? [printable(row.alias ?? '')] : []),
    row.roles.map(printable).join(', '),
  ]);
  const [head = '', ...lines] = formatTable([header, ...body]);
  return [style.bold(head), ...lines];
}

function rowJson(row: Row): unknown {
  return {
    instance: row.instance.sessionName,
    accountId: row.accountId,
    accountName: row.accountName,
    emailAddress: row.emailAddress,
    alias: row.alias ?? null,
    favourite: row.favourite === true,
    roles: row.roles,
  };
}
