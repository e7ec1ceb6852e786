import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { supersedes, type AccountsUpdate } from '../../../shared/accounts';
import type { RendererApi } from '../../../shared/ipc-contract';
import { useAppSnapshot, useRendererApi } from '../../app-context';
import { NoticeList } from '../notice-list';
import { switcherKeyAction } from './switcher-keys';
import { matchRows, prepareRows, switcherRows, type SwitcherRow } from './switcher-rows';
import '../tray/tray.css';

/** Rows shown at once; typing narrows the rest. */
const MAX_SHOWN = 50;

/** What closing the palette does: hide its window (desktop) or go back to the window (preview). */
export interface SwitcherShell {
  close(): void;
}

/** A keyboard-first palette over every role of every signed-in instance. */
export function QuickSwitcher({ shell }: { readonly shell: SwitcherShell }) {
  const api = useRendererApi();
  const snapshot = useAppSnapshot();
  const lists = useAllAccounts(api);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const prepared = useMemo(() => prepareRows(switcherRows(snapshot?.instances ?? [], lists)), [snapshot?.instances, lists]);
  const matches = useMemo(() => matchRows(prepared, query).slice(0, MAX_SHOWN), [prepared, query]);
  const selected = matches[Math.min(active, matches.length - 1)];

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    const action = switcherKeyAction(event);
    if (action === null) return;
    event.preventDefault();
    if (action === 'close') return shell.close();
    if (action === 'down' || action === 'up') {
      setActive((i) => Math.max(0, Math.min(matches.length - 1, i + (action === 'down' ? 1 : -1))));
      return;
    }
    if (selected !== undefined) void act(api, action, selected, shell, setMessage);
  };

  return (
    <div className="tray-page">
      <div className="switcher" role="dialog" aria-label="Quick switcher">
        <input
          className="switcher-input"
          autoFocus
          role="combobox"
          aria-expanded="true"
          aria-controls="switcher-list"
          aria-activedescendant={selected === undefined ? undefined : `switcher-${selected.key}`}
          aria-label="Find a role"
          placeholder="Find a role: account, id, alias or role…"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul id="switcher-list" role="listbox" aria-label="Roles" className="switcher-list">
          {matches.map((row) => (
            <li key={row.key} id={`switcher-${row.key}`} role="option" aria-selected={row === selected} className="switcher-row" onMouseDown={(event) => event.preventDefault()} onClick={() => void act(api, 'openConsole', row, shell, setMessage)}>
              <span className="switcher-account">{row.alias ?? row.accountName}</span>
              <span className="switcher-role">{row.roles[0]}</span>
              <span className="switcher-meta">
                {row.accountId} · {row.instanceName}
              </span>
            </li>
          ))}
        </ul>
        <p className="switcher-help">{message ?? (matches.length === 0 ? 'No role matches.' : 'Enter: open console · Ctrl/⌘+Enter: copy credentials · Shift+Enter: use in terminal · Esc: close')}</p>
      </div>
      {snapshot !== null && <NoticeList notices={snapshot.notices} />}
    </div>
  );
}

async function act(api: RendererApi, action: 'openConsole' | 'copyCredentials' | 'useInTerminal', row: SwitcherRow, shell: SwitcherShell, say: (text: string) => void): Promise<void> {
  if (action === 'openConsole') {
    const result = await api.openConsole(row.role);
    if (result.ok) shell.close();
    return;
  }
  if (action === 'copyCredentials') {
    const result = await api.copyCredentials(row.role);
    if (result.ok) shell.close();
    return;
  }
  const result = await api.useProfile(row.role);
  if (!result.ok) return;
  if (result.value.kind === 'done') shell.close();
  else say(`[default] in ${result.value.configFile} holds something Rolecall did not write: open Rolecall to confirm replacing it.`);
}

/** Every instance's latest account list, kept as main pushes them. */
function useAllAccounts(api: RendererApi): ReadonlyMap<string, AccountsUpdate> {
  const [lists, setLists] = useState<ReadonlyMap<string, AccountsUpdate>>(new Map());
  useEffect(
    () =>
      api.onAccounts((update) =>
        setLists((current) => (supersedes(update, current.get(update.instanceId)) ? new Map(current).set(update.instanceId, update) : current)),
      ),
    [api],
  );
  return lists;
}
