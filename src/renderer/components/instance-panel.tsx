import type { InstanceSummary } from '../../shared/snapshot';
import { useRendererApi } from '../app-context';
import { AccountList } from './account-list/account-list';
import { BrowserPicker } from './browser-picker';
import { SignInCard } from './sign-in-card';

/** One instance: what it is, its sign-in, its accounts and roles, and removing it from Rolecall. */
export function InstancePanel({ instance, onRemoved }: { readonly instance: InstanceSummary; readonly onRemoved: () => void }) {
  const api = useRendererApi();
  const remove = async (): Promise<void> => {
    const result = await api.removeInstance({ id: instance.id });
    if (result.ok) onRemoved();
  };
  return (
    <div className={`instance-panel${hasAccountList(instance) ? ' with-accounts' : ''}`}>
      <header className="panel-header">
        <div>
          <h1>{instance.sessionName}</h1>
          <p className="muted mono">
            {instance.startUrl} <span className="nowrap">· {instance.region}</span>
          </p>
        </div>
        <div className="panel-header-actions">
          <BrowserPicker instance={instance} />
          <button type="button" className="link-button" onClick={() => void remove()} aria-label={`Remove ${instance.sessionName} from Rolecall`}>
            Remove
          </button>
        </div>
      </header>
      <SignInCard instance={instance} />
      {/* Keyed so search, the active row and an open editor start afresh for each instance. */}
      <AccountList key={instance.id} instance={instance} />
    </div>
  );
}

/** Whether the panel shows an account list (signed in, or a list from an earlier run). */
function hasAccountList(instance: InstanceSummary): boolean {
  return instance.status.kind === 'signedIn' || instance.discovery.listedAt !== null || instance.discovery.state === 'running';
}
