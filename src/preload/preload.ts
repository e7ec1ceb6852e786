/**
 * The preload: exposes exactly the contract's {@link RendererApi} over Electron IPC, nothing more.
 *
 * Bundled into one CommonJS file (the sandbox needs it) that requires only `electron`. It never
 * exposes `ipcRenderer` or a raw `IpcRendererEvent`, and reads no `process.env` (checklist 4, 20).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { ACCOUNTS_CHANNEL, API_GLOBAL, requestChannel, SNAPSHOT_CHANNEL, type RendererApi } from '../shared/ipc-contract';
import { afterNextPaint, FIRST_SCREEN_SETTLE_MS } from '../shared/after-paint';
import { createRendererApi, type PushedEvents } from '../shared/renderer-api';

const channels: { readonly [E in keyof PushedEvents]: string } = { snapshot: SNAPSHOT_CHANNEL, accounts: ACCOUNTS_CHANNEL };

const api = createRendererApi({
  invoke: (name, input) => ipcRenderer.invoke(requestChannel(name), input),
  subscribe: (event, listener) => {
    // The event object stays here: the renderer receives only the payload.
    // Main sends exactly the payload of this event, per the contract.
    const forward = (_event: unknown, payload: unknown): void => listener(payload as PushedEvents[typeof event]);
    ipcRenderer.on(channels[event], forward);
    return () => {
      ipcRenderer.removeListener(channels[event], forward);
    };
  },
}, { afterPaint: (then) => afterNextPaint(window, then, FIRST_SCREEN_SETTLE_MS) }) satisfies RendererApi;

contextBridge.exposeInMainWorld(API_GLOBAL, api);
