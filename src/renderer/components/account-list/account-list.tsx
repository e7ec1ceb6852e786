import { useCallback, useId, useRef, useState } from 'react';
import type { InstanceSummary } from '../../../shared/snapshot';
import { useAppSnapshot, useRendererApi } from '../../app-context';
import '../../account-list.css';
import { resolveActiveIndex } from './account-order';
import { AccountListPlaceholder } from './account-list-placeholder';
import { AccountRows } from './account-rows';
import { AccountSearchBox } from './account-search-box';
import { AccountToolbar } from './account-toolbar';
import { useAccountActions } from './use-account-actions';
import { useAccountListModel } from './use-account-list-model';

/**
 * The accounts and roles of one instance: search, sort and discovery status on top, the virtualized list
 * below. Renders nothing for a signed-out instance with no list yet.
 */
export function AccountList({ instance }: { readonly instance: InstanceSummary }) {
  const api = useRendererApi();
  const sort = useAppSnapshot()?.settings.accountSort ?? 'name';
  const [query, setQuery] = useState('');
  const model = useAccountListModel(api, instance, sort, query);
  const { actions, failure, dismiss } = useAccountActions(api, instance.id);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [editingKey, setEditingKey] = useState<string | null>(null);
  const [focusTick, setFocusTick] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const activeIndex = resolveActiveIndex(model.rows, activeKey);

  const search = useCallback((next: string) => {
    setQuery(next);
    // A new query starts from its best match, so typing then Enter (or ArrowDown) lands on it.
    setActiveKey(null);
  }, []);
  const navigate = useCallback((key: string) => {
    setActiveKey(key);
    setFocusTick((t) => t + 1);
  }, []);
  const edit = useCallback((key: string | null) => {
    setEditingKey(key);
    if (key === null) setFocusTick((t) => t + 1);
  }, []);
  const backToSearch = useCallback(() => searchRef.current?.focus(), []);
  const clearSearch = (): void => {
    search('');
    backToSearch();
  };

  if (model.state.kind === 'hidden') return null;
  const showList = model.state.kind === 'list';
  return (
    <section className="card account-list" aria-label={`Accounts of ${instance.sessionName}`}>
      {showList && <AccountSearchBox query={query} inputRef={searchRef} listId={listId} resultText={model.resultText} onChange={search} onEnterList={() => setFocusTick((t) => t + 1)} />}
      {(showList || model.state.kind === 'loading') && (
        <AccountToolbar discovery={instance.discovery} signedIn={instance.status.kind === 'signedIn'} accountCount={model.accounts.length} newCount={model.newCount} sort={sort} actions={actions} />
      )}
      {failure !== null && (
        <p className="account-action-error" role="alert">
          {failure}{' '}
          <button type="button" className="link-button inline" onClick={dismiss}>
            Dismiss
          </button>
        </p>
      )}
      {!showList ? (
        <AccountListPlaceholder state={model.state} onRefresh={actions.refresh} onClearSearch={clearSearch} />
      ) : model.rows.length === 0 ? (
        <AccountListPlaceholder state={{ kind: 'noMatch', query }} onRefresh={actions.refresh} onClearSearch={clearSearch} />
      ) : (
        <AccountRows
          listId={listId}
          rows={model.rows}
          matchCount={model.matchCount}
          words={model.words}
          activeIndex={activeIndex}
          editingKey={editingKey}
          focusTick={focusTick}
          scrollResetKey={query}
          actions={actions}
          onActivate={setActiveKey}
          onNavigate={navigate}
          onEdit={edit}
          onLeave={backToSearch}
        />
      )}
    </section>
  );
}
