import type { DiscoveredSession } from '../../shared/snapshot';
import { useRendererApi } from '../app-context';
import { DiscoveredList } from './discovered-list';

interface EmptyStateProps {
  readonly discovered: readonly DiscoveredSession[];
  readonly onAdd: () => void;
  readonly onAdded: (id: string) => void;
}

/** The main area before any Identity Center instance is added. */
export function EmptyState({ discovered, onAdd, onAdded }: EmptyStateProps) {
  const api = useRendererApi();
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <div className="empty-illustration" aria-hidden="true">
        <span />
        <span />
        <span />
      </div>
      <h1 id="empty-title">Every AWS account you can use, in one place</h1>
      <p>
        Rolecall signs you in to AWS IAM Identity Center once, lists every account and permission set you can
        use, and opens the console or sets up your terminal in one click.
      </p>
      <DiscoveredList sessions={discovered} onAdded={onAdded} />
      <div className="empty-actions">
        <button type="button" className="primary-button" onClick={onAdd}>
          Add an Identity Center instance
        </button>
        <button type="button" className="secondary-button" onClick={() => void api.openDocumentation()}>
          What is IAM Identity Center?
        </button>
      </div>
    </section>
  );
}
