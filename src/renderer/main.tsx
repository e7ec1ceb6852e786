/**
 * The renderer's entry: connects to the API and renders the view this page is (the window, the tray
 * panel or the quick switcher).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getRendererApi } from './api';
import { AppContext } from './app-context';
import { App } from './components/app';
import { QuickSwitcher } from './components/switcher/quick-switcher';
import { TrayPanel } from './components/tray/tray-panel';
import { createSnapshotSource } from './snapshot-source';
import { inDesktopWindow, viewModeFrom } from './view-mode';
import './styles.css';

const api = getRendererApi();
const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element.');
const mode = viewModeFrom(location.search);
const openWindow = (): void => {
  location.search = '';
};
const closeSwitcher = inDesktopWindow(location.search) ? () => window.close() : openWindow;
createRoot(root).render(
  <StrictMode>
    <AppContext.Provider value={{ api, source: createSnapshotSource(api) }}>
      {mode === 'tray' ? <TrayPanel navigation={{ openWindow }} /> : mode === 'switcher' ? <QuickSwitcher shell={{ close: closeSwitcher }} /> : <App />}
    </AppContext.Provider>
  </StrictMode>,
);
