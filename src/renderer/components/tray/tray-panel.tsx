import { useEffect, useState } from 'react';
import type { TrayMenuItem, TrayMenuModel } from '../../../shared/tray-menu';
import { useAppSnapshot, useRendererApi } from '../../app-context';
import { runTrayIntent, type TrayNavigation } from '../../tray-intents';
import { NoticeList } from '../notice-list';
import './tray.css';

/** How often the panel refreshes its "time left" while nothing else changes. */
const REFRESH_MS = 30_000;

/** The tray menu as a panel: the same model main gives the native menu, for the browser preview. */
export function TrayPanel({ navigation }: { readonly navigation: TrayNavigation }) {
  const model = useTrayMenu();
  const snapshot = useAppSnapshot();
  if (model === null) return <p className="tray-loading">Loading the tray menu…</p>;
  return (
    <div className="tray-page">
      <nav className={`tray-panel tray-${model.icon}`} aria-label="Tray menu">
        <p className="tray-title">
          <span className={`tray-icon tray-icon-${model.icon}`} aria-hidden="true" />
          <span>{model.tooltip}</span>
        </p>
        <TrayItems items={model.items} navigation={navigation} />
      </nav>
      {snapshot !== null && <NoticeList notices={snapshot.notices} />}
    </div>
  );
}

/** The tray model, asked again whenever the snapshot or an account list changes. */
function useTrayMenu(): TrayMenuModel | null {
  const api = useRendererApi();
  const [model, setModel] = useState<TrayMenuModel | null>(null);
  useEffect(() => {
    let latest = 0;
    const load = (): void => {
      latest += 1;
      const asked = latest;
      void api.getTrayMenu().then((result) => {
        if (result.ok && asked === latest) setModel(result.value);
      });
    };
    load();
    const stopSnapshots = api.onSnapshot(load);
    const stopAccounts = api.onAccounts(load);
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      stopSnapshots();
      stopAccounts();
      clearInterval(timer);
    };
  }, [api]);
  return model;
}

function TrayItems({ items, navigation }: { readonly items: readonly TrayMenuItem[]; readonly navigation: TrayNavigation }) {
  return (
    <ul className="tray-items">
      {items.map((item) => (
        <li key={item.id} className={`tray-item tray-item-${item.kind}`}>
          <TrayEntry item={item} navigation={navigation} />
        </li>
      ))}
    </ul>
  );
}

function TrayEntry({ item, navigation }: { readonly item: TrayMenuItem; readonly navigation: TrayNavigation }) {
  const api = useRendererApi();
  switch (item.kind) {
    case 'separator':
      return <hr />;
    case 'label':
      return <span className="tray-label">{item.label}</span>;
    case 'action':
      return (
        <button type="button" className="tray-action" disabled={item.intent.kind === 'quit'} title={item.intent.kind === 'quit' ? 'The preview has no app to quit' : undefined} onClick={() => void runTrayIntent(api, item.intent, navigation)}>
          {item.label}
        </button>
      );
    case 'submenu':
      return (
        <div role="group" aria-label={item.label} className="tray-submenu">
          <span className="tray-submenu-label">{item.label}</span>
          <span className="tray-submenu-actions">
            {item.items.map((child) =>
              child.kind === 'action' ? (
                <button key={child.id} type="button" className="tray-action small" onClick={() => void runTrayIntent(api, child.intent, navigation)}>
                  {child.label}
                </button>
              ) : null,
            )}
          </span>
        </div>
      );
  }
}
