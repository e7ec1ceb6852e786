/**
 * The Electron IPC transport of the contract: the only file in main that touches `ipcMain`.
 *
 * Every handler checks the sender (top frame of one of the app's own windows, app origin) before the
 * shared dispatcher parses the input and runs the request.
 */
import { ipcMain, type WebContents } from 'electron';
import type { AccountsUpdate } from '../../shared/accounts';
import { encodeAccountsUpdate } from '../../shared/accounts-wire';
import { ACCOUNTS_CHANNEL, requestChannel, requestNames, SNAPSHOT_CHANNEL } from '../../shared/ipc-contract';
import { fail } from '../../shared/result';
import type { AppSnapshot } from '../../shared/snapshot';
import type { Logger } from '../core/logger';
import { isTrustedSender } from '../security';
import { dispatchRequest, type RequestHandlers } from './dispatch';

/** Registers one `ipcMain.handle` per request; returns a function that removes them. */
export function registerIpcHandlers(
  handlers: RequestHandlers,
  logger: Logger,
  isAppWindow: (contents: WebContents) => boolean,
): () => void {
  for (const name of requestNames) {
    ipcMain.handle(requestChannel(name), (event, input: unknown) => {
      if (!isTrustedSender(event, isAppWindow)) {
        logger.warn('refused a request from a frame that is not the app', { name });
        return fail('Rolecall refused a request from outside its own window.');
      }
      return dispatchRequest(handlers, name, input, logger);
    });
  }
  return () => {
    for (const name of requestNames) ipcMain.removeHandler(requestChannel(name));
  };
}

/** Pushes a snapshot to one window's renderer. */
export function pushSnapshot(contents: WebContents, snapshot: AppSnapshot): void {
  if (!contents.isDestroyed()) contents.send(SNAPSHOT_CHANNEL, snapshot);
}

/** Pushes an instance's account list to one window's renderer. */
export function pushAccounts(contents: WebContents, update: AccountsUpdate): void {
  if (!contents.isDestroyed()) contents.send(ACCOUNTS_CHANNEL, encodeAccountsUpdate(update));
}
