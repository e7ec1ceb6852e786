/**
 * The sign-ins one command uses, opened on first use and all closed at the end.
 */
import type { PersistedInstance } from '../core/persistence/persisted-state';
import type { CliContext } from './cli-context';
import { openSession, type CliSession } from './cli-sign-in';

/** Sessions by instance id. */
export interface SessionPool {
  get(instance: PersistedInstance): Promise<CliSession>;
  dispose(): void;
}

/** Creates an empty pool. */
export function createSessionPool(context: CliContext): SessionPool {
  const sessions = new Map<string, Promise<CliSession>>();
  return {
    get(instance) {
      let session = sessions.get(instance.id);
      if (session === undefined) {
        session = openSession(context, instance);
        sessions.set(instance.id, session);
      }
      return session;
    },
    dispose() {
      for (const session of sessions.values()) void session.then((s) => s.dispose(), () => undefined);
    },
  };
}
