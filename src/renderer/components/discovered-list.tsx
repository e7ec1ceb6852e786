import type { DiscoveredSession } from '../../shared/snapshot';
import { useRendererApi } from '../app-context';

/** Sessions found in ~/.aws/config, each added with one click. */
export function DiscoveredList({ sessions, onAdded }: { readonly sessions: readonly DiscoveredSession[]; readonly onAdded: (id: string) => void }) {
  const api = useRendererApi();
  if (sessions.length === 0) return null;
  const add = async (sessionName: string): Promise<void> => {
    const result = await api.importSession({ sessionName });
    if (result.ok && result.value.kind === 'added') onAdded(result.value.id);
  };
  return (
    <section className="card discovered" aria-labelledby="discovered-title">
      <h2 id="discovered-title">Found in your AWS config</h2>
      <ul>
        {sessions.map((s) => (
          <li key={s.sessionName}>
            <div>
              <strong>{s.sessionName}</strong> <span className="muted">{s.source}</span>
              <p className="muted mono">
                {s.startUrl} · {s.region}
              </p>
            </div>
            <button type="button" className="secondary-button" onClick={() => void add(s.sessionName)} aria-label={`Add ${s.sessionName}`}>
              Add
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
