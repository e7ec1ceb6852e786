import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import type { AccountView } from '../../../shared/accounts';
import { awsRegions } from '../../../shared/aws-regions.generated';
import { CONSOLE_SERVICES } from '../../../shared/console-destinations';
import { credentialFormats } from '../../../shared/credential-formats';
import type { ConsoleTarget, CredentialFormat } from '../../../shared/ipc-contract';
import type { AccountActions, ConsoleChoice } from './use-account-actions';

/** Which role's menu is open, and where its button is. */
export interface RoleMenuTarget {
  readonly account: AccountView;
  readonly displayName: string;
  readonly roleName: string;
  readonly anchor: HTMLElement;
}

interface RoleMenuProps {
  readonly target: RoleMenuTarget;
  /** The instance's region: the console's region unless the account has another remembered. */
  readonly defaultRegion: string;
  readonly credentialFormat: CredentialFormat;
  readonly actions: AccountActions;
  readonly onClose: () => void;
}

const OTHER = 'other';

/**
 * Everything Rolecall can do with one role: the console (where, in which region, in the browser, in a
 * window of its own or through the access portal), credentials in any format, serving it to tools that do
 * not speak SSO, and "Use in terminal".
 */
export function RoleMenu({ target, defaultRegion, credentialFormat, actions, onClose }: RoleMenuProps) {
  const { account, roleName, anchor } = target;
  const remembered = account.prefs.destination ?? 'home';
  const [destination, setDestination] = useState(remembered.startsWith('path:') ? OTHER : remembered);
  const [path, setPath] = useState(remembered.startsWith('path:') ? remembered.slice(5) : '');
  const [region, setRegion] = useState(account.prefs.region ?? defaultRegion);
  const panel = useRef<HTMLDivElement>(null);
  const ids = { destination: useId(), region: useId(), path: useId(), title: useId() };
  useMenuFocus(panel, anchor, onClose);

  const choice = (): ConsoleChoice => ({
    destination: destination === OTHER ? `path:${path.trim()}` : destination,
    region: region === defaultRegion && account.prefs.region === undefined ? undefined : region,
  });
  const run = (action: () => void): void => {
    action();
    onClose();
  };
  const open = (how: ConsoleTarget): void => run(() => actions.openConsoleAt(account.accountId, roleName, { ...choice(), target: how }));
  const rect = anchor.getBoundingClientRect();
  const top = Math.max(8, Math.min(rect.bottom + 6, window.innerHeight - 520));
  const left = Math.max(8, Math.min(rect.left, window.innerWidth - 356));
  // In the body: the list is a size container, which would make it the menu's containing block.
  return createPortal(
    <div ref={panel} className="role-menu" role="dialog" aria-labelledby={ids.title} style={{ top, left }} onKeyDown={(e) => closeOnEscape(e, onClose)}>
      <p id={ids.title} className="role-menu-title">
        {target.displayName} · <strong>{roleName}</strong>
      </p>
      <div className="role-menu-section" role="group" aria-label="AWS console">
        <div className="role-menu-fields">
          <label htmlFor={ids.destination}>Open</label>
          <select id={ids.destination} value={destination} onChange={(e) => setDestination(e.target.value)}>
            <option value="home">Console home</option>
            {CONSOLE_SERVICES.map((s) => (
              <option key={s.id} value={`service:${s.id}`}>
                {s.label}
              </option>
            ))}
            <option value={OTHER}>Other console path…</option>
          </select>
          <label htmlFor={ids.region}>in</label>
          <select id={ids.region} value={region} onChange={(e) => setRegion(e.target.value)}>
            {awsRegions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.id}
              </option>
            ))}
          </select>
        </div>
        {destination === OTHER && (
          <input id={ids.path} className="role-menu-path" aria-label="Console path" placeholder="/rds/home" value={path} onChange={(e) => setPath(e.target.value)} />
        )}
        <div className="role-menu-buttons">
          <button type="button" className="primary-button compact" onClick={() => open('browser')}>
            Open in browser
          </button>
          <button type="button" className="secondary-button compact" onClick={() => open('window')} title="A Rolecall window with its own session, so several accounts stay signed in side by side">
            Open in Rolecall window
          </button>
          <button type="button" className="link-button compact" onClick={() => open('portal')} title="The access portal's shortcut link: signs in through the portal in your browser, no credentials on this machine">
            Via access portal
          </button>
          <button type="button" className="link-button compact" onClick={() => run(() => actions.copyPortalLink(account.accountId, roleName, choice()))}>
            Copy portal link
          </button>
        </div>
      </div>
      <div className="role-menu-section" role="group" aria-label="Copy credentials as">
        <p className="role-menu-label">Copy credentials as</p>
        <div className="role-menu-formats">
          {credentialFormats.map((f) => (
            <button key={f.id} type="button" className="format-button" aria-pressed={f.id === credentialFormat} onClick={() => run(() => actions.copyAs(account.accountId, roleName, f.id))}>
              {f.label}
            </button>
          ))}
        </div>
      </div>
      <div className="role-menu-section" role="group" aria-label="Other tools">
        <p className="role-menu-label">For tools that don’t speak SSO</p>
        <div className="role-menu-buttons">
          <button type="button" className="secondary-button compact" onClick={() => run(() => actions.serveToContainers(account.accountId, roleName))} title="A credentials endpoint on 127.0.0.1 that containers and SDKs read through AWS_CONTAINER_CREDENTIALS_FULL_URI; its two export lines go on the clipboard">
            Serve to containers
          </button>
          <button type="button" className="secondary-button compact" onClick={() => run(() => actions.keepInCredentialsFile(account.accountId, roleName))} title="A section of the shared credentials file marked as Rolecall’s, renewed before it expires while Rolecall runs">
            Keep in ~/.aws/credentials
          </button>
        </div>
      </div>
      <div className="role-menu-section" role="group" aria-label="Terminal">
        <button type="button" className="secondary-button compact" onClick={() => run(() => actions.useInTerminal(account.accountId, roleName))}>
          Use in terminal
        </button>
        <span className="muted role-menu-hint">Makes it the AWS CLI’s default profile</span>
      </div>
    </div>,
    document.body,
  );
}

/** Focus the first control on open; Escape, a click outside or Tab out of it closes; focus goes back. */
function useMenuFocus(panel: React.RefObject<HTMLDivElement | null>, anchor: HTMLElement, onClose: () => void): void {
  useEffect(() => {
    panel.current?.querySelector<HTMLElement>('select, button')?.focus();
    const outside = (event: MouseEvent): void => {
      if (event.target instanceof Node && !panel.current?.contains(event.target) && !anchor.contains(event.target)) onClose();
    };
    const focusLeft = (event: FocusEvent): void => {
      if (event.relatedTarget instanceof Node && !panel.current?.contains(event.relatedTarget)) onClose();
    };
    const element = panel.current;
    document.addEventListener('mousedown', outside);
    element?.addEventListener('focusout', focusLeft);
    return () => {
      document.removeEventListener('mousedown', outside);
      element?.removeEventListener('focusout', focusLeft);
      if (anchor.isConnected) anchor.focus();
    };
  }, [panel, anchor, onClose]);
}

function closeOnEscape(event: KeyboardEvent, onClose: () => void): void {
  if (event.key !== 'Escape') return;
  event.stopPropagation();
  onClose();
}
