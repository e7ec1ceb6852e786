import { useRendererApi } from '../app-context';

/** The main area before any Identity Center instance is added. */
export function EmptyState() {
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
      <p className="empty-hint">Identity Center instances you add will appear in the sidebar.</p>
      <div className="empty-actions">
        <button type="button" className="secondary-button" onClick={() => void api.openDocumentation()}>
          What is IAM Identity Center?
        </button>
      </div>
    </section>
  );
}
