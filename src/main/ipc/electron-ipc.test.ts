import { beforeEach, describe, expect, it, vi } from 'vitest';
import { requestChannel, requestNames } from '../../shared/ipc-contract';
import { silentLogger } from '../core/logger';
import type { RequestHandlers } from './dispatch';
import { unusedInstanceHandlers } from './handlers-test-support';

type IpcHandler = (event: unknown, input: unknown) => unknown;
const registered = new Map<string, IpcHandler>();

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: IpcHandler) => registered.set(channel, handler),
    removeHandler: (channel: string) => registered.delete(channel),
  },
}));

const { registerIpcHandlers } = await import('./electron-ipc');

const appContents = { id: 1 };
const handlers: RequestHandlers = {
  getSnapshot: () => Promise.reject(new Error('not used')),
  openDocumentation: () => Promise.resolve(null),
  copyAboutInfo: () => Promise.resolve(null),
  dismissNotice: () => Promise.resolve(null),
  ...unusedInstanceHandlers,
};
const trusted = { sender: appContents, senderFrame: { url: 'app://rolecall/index.html', parent: null } };

describe('the Electron IPC wrapper', () => {
  beforeEach(() => registered.clear());

  it('registers one handler per request and removes them all', () => {
    const remove = registerIpcHandlers(handlers, silentLogger, (c) => c === (appContents as unknown));
    expect([...registered.keys()].sort()).toEqual(requestNames.map(requestChannel).sort());
    remove();
    expect(registered.size).toBe(0);
  });

  it('runs a request from the app window and returns a result', async () => {
    registerIpcHandlers(handlers, silentLogger, (c) => c === (appContents as unknown));
    const result = await registered.get(requestChannel('dismissNotice'))?.(trusted, { id: 'n1' });
    expect(result).toEqual({ ok: true, value: null });
  });

  it('refuses a sender that is not the app, without running the handler', async () => {
    const spy = vi.fn(() => Promise.resolve(null));
    registerIpcHandlers({ ...handlers, openDocumentation: spy }, silentLogger, (c) => c === (appContents as unknown));
    const foreign = { sender: appContents, senderFrame: { url: 'https://evil.example/', parent: null } };
    const result = await registered.get(requestChannel('openDocumentation'))?.(foreign, undefined);
    expect(result).toMatchObject({ ok: false });
    expect(spy).not.toHaveBeenCalled();
  });

  it('refuses input that does not match the contract', async () => {
    registerIpcHandlers(handlers, silentLogger, (c) => c === (appContents as unknown));
    const result = await registered.get(requestChannel('dismissNotice'))?.(trusted, { id: 42 });
    expect(result).toEqual({ ok: false, error: { message: 'Rolecall could not read that request.' } });
  });
});
