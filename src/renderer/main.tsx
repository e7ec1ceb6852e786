/**
 * The renderer's entry: connects to the API and renders the app.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getRendererApi } from './api';
import { AppContext } from './app-context';
import { App } from './components/app';
import { createSnapshotSource } from './snapshot-source';
import './styles.css';

const api = getRendererApi();
const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <AppContext.Provider value={{ api, source: createSnapshotSource(api) }}>
      <App />
    </AppContext.Provider>
  </StrictMode>,
);
