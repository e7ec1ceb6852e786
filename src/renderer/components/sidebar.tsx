import iconUrl from '../../../assets/icon.svg';
import type { AppInfo, InstanceSummary } from '../../shared/snapshot';
import { useRendererApi } from '../app-context';

interface SidebarProps {
  readonly app: AppInfo;
  readonly instances: readonly InstanceSummary[];
}

/** The Identity Center instances, the brand, and the version line. */
export function Sidebar({ app, instances }: SidebarProps) {
  const api = useRendererApi();
  return (
    <nav className="sidebar" aria-label="Identity Center instances">
      <div className="brand">
        <img className="brand-icon" src={iconUrl} alt="" width={28} height={28} />
        <span className="brand-name">{app.name}</span>
      </div>
      <h2 className="sidebar-heading" id="instances-heading">
        Identity Center
      </h2>
      {instances.length === 0 ? (
        <p className="sidebar-empty">No instances yet.</p>
      ) : (
        <ul className="instance-list" aria-labelledby="instances-heading">
          {instances.map((instance) => (
            <li key={instance.id} className="instance-item" title={instance.startUrl}>
              <span className="instance-name">{instance.sessionName}</span>
              <span className="instance-region">{instance.region}</span>
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
