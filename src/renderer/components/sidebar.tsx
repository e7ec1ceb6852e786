import iconUrl from '../../../assets/icon.svg';
import type { AppInfo, InstanceSummary, SignInStatus } from '../../shared/snapshot';
import { useRendererApi } from '../app-context';

interface SidebarProps {
  readonly app: AppInfo;
  readonly instances: readonly InstanceSummary[];
  readonly selectedId: string | undefined;
  readonly onSelect: (id: string) => void;
  readonly onAdd: () => void;
}

const statusText: Record<SignInStatus['kind'], string> = {
  checking: 'checking',
  signedOut: 'signed out',
  awaitingApproval: 'waiting for approval',
  awaitingBrowser: 'waiting for the browser',
  signedIn: 'signed in',
};

/** The Identity Center instances, the brand, and the version line. */
export function Sidebar({ app, instances, selectedId, onSelect, onAdd }: SidebarProps) {
  const api = useRendererApi();
  return (
    <nav className="sidebar" aria-label="Identity Center instances">
      <div className="brand">
        <img className="brand-icon" src={iconUrl} alt="" width={28} height={28} />
        <span className="brand-name">{app.name}</span>
      </div>
      <div className="sidebar-heading-row">
        <h2 className="sidebar-heading" id="instances-heading">
          Identity Center
        </h2>
        <button type="button" className="icon-button" onClick={onAdd} aria-label="Add an Identity Center instance" title="Add an instance">
          +
        </button>
      </div>
      {instances.length === 0 ? (
        <p className="sidebar-empty">No instances yet.</p>
      ) : (
        <ul className="instance-list" aria-labelledby="instances-heading">
          {instances.map((instance) => (
            <li key={instance.id}>
              <button
                type="button"
                className={`instance-item${instance.id === selectedId ? ' selected' : ''}`}
                aria-current={instance.id === selectedId ? 'page' : undefined}
                aria-label={`${instance.sessionName}, ${statusText[instance.status.kind]}`}
                title={instance.startUrl}
                onClick={() => onSelect(instance.id)}
              >
                <span className={`status-dot ${instance.status.kind}`} aria-hidden="true" />
                <span className="instance-name">{instance.sessionName}</span>
                <span className="instance-region">{instance.region}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="sidebar-footer">
        <button type="button" className="link-button" onClick={() => void api.copyAboutInfo()} aria-label={`Copy version details: ${app.name} ${app.version}`}>
          {app.name} {app.version}
        </button>
      </div>
    </nav>
  );
}
