/**
 * What a click in the native tray menu does: each intent of the tray model goes through the same
 * dispatcher as a request from the window (its input checked by the request's schema), and a failure
 * comes back as a message the shell can show, since the window may be hidden.
 */
import type { RequestName } from '../../shared/ipc-contract';
import type { TrayIntent } from '../../shared/tray-menu';
import type { Result } from '../../shared/result';

/** Runs one request of the contract, as `dispatchRequest` does: never throws. */
export type DispatchRequest = (name: RequestName, input: unknown) => Promise<Result<unknown>>;

/** What only the shell can do. */
export interface TrayShell {
  openWindow(): void;
  quit(): void;
  /** Tells the person a tray action failed (a desktop notification: the window may be hidden). */
  showFailure(message: string): void;
}

/** Runs one intent. */
export async function runTrayIntent(dispatch: DispatchRequest, intent: TrayIntent, shell: TrayShell): Promise<void> {
  const request = requestFor(intent);
  if (request === null) {
    if (intent.kind === 'quit') shell.quit();
    else shell.openWindow();
    return;
  }
  const result = await dispatch(request.name, request.input);
  if (!result.ok) shell.showFailure(result.error.message);
}

function requestFor(intent: TrayIntent): { name: RequestName; input: unknown } | null {
  switch (intent.kind) {
    case 'openConsole':
      return { name: 'openConsole', input: intent.role };
    case 'copyCredentials':
      return { name: 'copyCredentials', input: intent.role };
    case 'useInTerminal':
      return { name: 'useProfile', input: intent.role };
    case 'signIn':
      return { name: 'signIn', input: { id: intent.instanceId } };
    case 'openWindow':
    case 'quit':
      return null;
  }
}
