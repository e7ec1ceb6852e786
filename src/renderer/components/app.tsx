import { useState } from 'react';
import { useAppSnapshot } from '../app-context';
import { AddInstanceForm } from './add-instance-form';
import { EmptyState } from './empty-state';
import { InstancePanel } from './instance-panel';
import { LoadingState } from './loading-state';
import { NoticeList } from './notice-list';
import { Sidebar } from './sidebar';

/** What the main area shows. */
export type View = { readonly kind: 'home' } | { readonly kind: 'add' } | { readonly kind: 'instance'; readonly id: string };

/** The window: instances on the left, the main area on the right, notices on top. */
export function App() {
  const snapshot = useAppSnapshot();
  const [view, setView] = useState<View>({ kind: 'home' });
  if (snapshot === null) return <LoadingState />;
  const selected = view.kind === 'instance' ? snapshot.instances.find((i) => i.id === view.id) : undefined;
  const fallback = view.kind === 'home' ? snapshot.instances[0] : undefined;
  const shown = selected ?? fallback;
  const showInstance = (id: string): void => setView({ kind: 'instance', id });
  return (
    <div className="app-layout">
      <Sidebar app={snapshot.app} instances={snapshot.instances} selectedId={view.kind === 'add' ? undefined : shown?.id} onSelect={showInstance} onAdd={() => setView({ kind: 'add' })} />
      <main className={`main-area${view.kind === 'add' || shown !== undefined ? ' top' : ''}`} aria-label="Accounts and roles">
        {view.kind === 'add' ? (
          <AddInstanceForm keychainAvailable={snapshot.keychainAvailable} onAdded={showInstance} onCancel={() => setView({ kind: 'home' })} />
        ) : shown !== undefined ? (
          <InstancePanel instance={shown} onRemoved={() => setView({ kind: 'home' })} />
        ) : (
          <EmptyState discovered={snapshot.discovered} onAdd={() => setView({ kind: 'add' })} onAdded={showInstance} />
        )}
      </main>
      <NoticeList notices={snapshot.notices} />
    </div>
  );
}
