/**
 * The preload: exposes exactly the contract's {@link RendererApi} over Electron IPC, nothing more.
 *
 * Bundled into one CommonJS file (the sandbox needs it) that requires only `electron`. It never
 * exposes `ipcRenderer` or a raw `IpcRendererEvent`, and reads no `process.env` (checklist 4, 20).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL, requestChannel, SNAPSHOT_CHANNEL, type RendererApi } from '../shared/ipc-contract';
import { createRendererApi } from '../shared/renderer-api';
import type { AppSnapshot } from '../shared/snapshot';

const api = createRendererApi({
  invoke: (name, input) => ipcRenderer.invoke(requestChannel(name), input),
  subscribeSnapshots: (listener) => {
    // The event object stays here: the renderer receives only the snapshot.
    const forward = (_event: unknown, snapshot: AppSnapshot): void => listener(snapshot);
    ipcRenderer.on(SNAPSHOT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(SNAPSHOT_CHANNEL, forward);
    };
  },
}) satisfies RendererApi;

contextBridge.exposeInMainWorld(API_GLOBAL, api);
