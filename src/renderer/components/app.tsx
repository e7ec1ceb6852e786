import { useAppSnapshot } from '../app-context';
import { EmptyState } from './empty-state';
import { LoadingState } from './loading-state';
import { NoticeList } from './notice-list';
import { Sidebar } from './sidebar';

/** The window: instances on the left, the main area on the right, notices on top. */
export function App() {
  const snapshot = useAppSnapshot();
  if (snapshot === null) return <LoadingState />;
  return (
    <div className="app-layout">
      <Sidebar app={snapshot.app} instances={snapshot.instances} />
      <main className="main-area" aria-label="Accounts and roles">
        <EmptyState />
      </main>
      <NoticeList notices={snapshot.notices} />
    </div>
  );
}
