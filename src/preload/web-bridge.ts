/**
 * The browser preview's bridge: gives the page the same {@link RendererApi} as the Electron preload,
 * carried over the preview host's WebSocket instead of Electron IPC.
 *
 * It reads the per-launch token from the URL fragment (then removes it from the address bar), offers it
 * as a WebSocket sub-protocol, and defines `window.rolecall` as a frozen, read-only property.
 */
import { API_GLOBAL, type RendererApi, type RequestName } from '../shared/ipc-contract';
import { afterNextPaint, FIRST_SCREEN_SETTLE_MS } from '../shared/after-paint';
import { createRendererApi, type PushedEvents } from '../shared/renderer-api';
import { fail } from '../shared/result';
import { WS_PATH, WS_PROTOCOL, WS_TOKEN_PREFIX } from '../shared/ws-protocol';
import { guardNavigation } from './web-navigation-guard';

const TOKEN_KEY = 'rolecall.previewToken';

function takeToken(): string {
  const fromFragment = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromFragment !== null) {
    sessionStorage.setItem(TOKEN_KEY, fromFragment);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

interface ServerFrame {
  type?: unknown;
  id?: unknown;
  result?: unknown;
  event?: unknown;
  payload?: unknown;
}

type Listener = (payload: never) => void;

function connect(token: string): RendererApi {
  const socket = new WebSocket(`ws://${location.host}${WS_PATH}`, [WS_PROTOCOL, `${WS_TOKEN_PREFIX}${token}`]);
  const opened = new Promise<void>((resolve) => socket.addEventListener('open', () => resolve(), { once: true }));
  const pending = new Map<number, (result: unknown) => void>();
  const listeners: { readonly [E in keyof PushedEvents]: Set<Listener> } = { snapshot: new Set(), accounts: new Set() };
  let nextId = 1;

  socket.addEventListener('message', (event: MessageEvent<string>) => {
    const frame = JSON.parse(event.data) as ServerFrame;
    if (frame.type === 'response' && typeof frame.id === 'number') {
      pending.get(frame.id)?.(frame.result);
      pending.delete(frame.id);
    } else if (frame.type === 'event' && (frame.event === 'snapshot' || frame.event === 'accounts')) {
      for (const listener of listeners[frame.event]) listener(frame.payload as never);
    }
  });
  socket.addEventListener('close', () => {
    const lost = fail('Rolecall lost its connection to the preview host. Restart `npm run web` and reload.');
    for (const resolve of pending.values()) resolve(lost);
    pending.clear();
  });

  const invoke = async (name: RequestName, input: unknown): Promise<unknown> => {
    await opened;
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      socket.send(JSON.stringify({ type: 'request', id, name, input }));
    });
  };
  return createRendererApi(
    {
      invoke,
      subscribe: (event, listener) => {
        listeners[event].add(listener);
        return () => listeners[event].delete(listener);
      },
    },
    { afterPaint: (then) => afterNextPaint(window, then, FIRST_SCREEN_SETTLE_MS) },
  );
}

guardNavigation(location.origin);
Object.defineProperty(window, API_GLOBAL, { value: Object.freeze(connect(takeToken())), writable: false, configurable: false });
