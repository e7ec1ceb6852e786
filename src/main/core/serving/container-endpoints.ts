/**
 * The window's "Serve to containers": one container credentials endpoint per role on 127.0.0.1, each with
 * its own random token, until stopped, signed out of or the app quits.
 *
 * SECURITY: the token and the credentials stay in main; the snapshot shows the URL and until when only.
 */
import type { ServedContainer } from '../../../shared/serving';
import { REFRESH_BEFORE_MS, startCredentialServer, type CredentialServer } from '../container/credential-server';
import type { RoleCredentialsSource, ServedRoleRef } from './served-role';

interface Endpoint {
  readonly role: ServedRoleRef;
  readonly server: CredentialServer;
  until: number;
}

export interface ContainerEndpointsDeps {
  readonly credentials: RoleCredentialsSource;
  readonly accountName: (role: ServedRoleRef) => string;
  readonly now: () => number;
  /** Told when the list or an entry's expiry changes. */
  readonly onChange: () => void;
}

/** The endpoints the window started. */
export interface ContainerEndpoints {
  /** Starts an endpoint for the role, or returns the one already serving it; `created` says which. */
  start(role: ServedRoleRef): Promise<{ readonly key: string; readonly created: boolean }>;
  /** The two `export` lines of an endpoint, or undefined when there is none by that key. */
  lines(key: string): string | undefined;
  /** Stops one endpoint; false when there was none. */
  stop(key: string): Promise<boolean>;
  /** Stops every endpoint of an instance (it signed out or was removed); returns how many. */
  stopInstance(instanceId: string): Promise<number>;
  list(): ServedContainer[];
  dispose(): Promise<void>;
}

const keyOf = (server: CredentialServer): string => `container:${server.port}`;

/** Creates the (empty) set of endpoints. */
export function createContainerEndpoints(deps: ContainerEndpointsDeps): ContainerEndpoints {
  const endpoints = new Map<string, Endpoint>();
  const sameRole = (a: ServedRoleRef, b: ServedRoleRef): boolean => a.id === b.id && a.accountId === b.accountId && a.roleName === b.roleName;
  const stopAll = async (which: (endpoint: Endpoint) => boolean): Promise<number> => {
    const stopping = [...endpoints].filter(([, endpoint]) => which(endpoint));
    for (const [key] of stopping) endpoints.delete(key);
    await Promise.all(stopping.map(([, endpoint]) => endpoint.server.stop()));
    if (stopping.length > 0) deps.onChange();
    return stopping.length;
  };

  return {
    async start(role) {
      const running = [...endpoints].find(([, endpoint]) => sameRole(endpoint.role, role));
      if (running !== undefined) return { key: running[0], created: false };
      // Fetched before listening, so a signed-out instance or a lost role fails with nothing started.
      const first = await deps.credentials(role, REFRESH_BEFORE_MS);
      const holder: { endpoint?: Endpoint } = {};
      const server = await startCredentialServer({
        now: deps.now,
        fetchCredentials: async () => {
          const credentials = await deps.credentials(role, REFRESH_BEFORE_MS);
          if (holder.endpoint !== undefined && holder.endpoint.until !== credentials.expiration) {
            holder.endpoint.until = credentials.expiration;
            deps.onChange();
          }
          return credentials;
        },
      });
      holder.endpoint = { role, server, until: first.expiration };
      endpoints.set(keyOf(server), holder.endpoint);
      deps.onChange();
      return { key: keyOf(server), created: true };
    },
    lines(key) {
      const endpoint = endpoints.get(key);
      if (endpoint === undefined) return undefined;
      return `export AWS_CONTAINER_CREDENTIALS_FULL_URI=${endpoint.server.url}\nexport AWS_CONTAINER_AUTHORIZATION_TOKEN=${endpoint.server.token}\n`;
    },
    stop: async (key) => (await stopAll((endpoint) => keyOf(endpoint.server) === key)) > 0,
    stopInstance: (instanceId) => stopAll((endpoint) => endpoint.role.id === instanceId),
    list: () =>
      [...endpoints].map(([key, { role, server, until }]) => ({
        kind: 'container',
        key,
        instanceId: role.id,
        accountId: role.accountId,
        accountName: deps.accountName(role),
        roleName: role.roleName,
        until,
        url: server.url,
      })),
    dispose: async () => {
      await stopAll(() => true);
    },
  };
}
