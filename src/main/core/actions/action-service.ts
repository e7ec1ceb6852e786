/**
 * The one-click actions as the app runs them: open the console for an account and role, and copy its
 * credentials for a shell. Credentials, sign-in tokens and login URLs stay in main: the renderer only
 * sends the intent, and main opens the URL and writes the clipboard itself.
 */
import { credentialFormatLabel } from '../../../shared/credential-formats';
import type { ExportFormat } from './export-formats';
import { formatCredentials } from './export-formats';
import { consoleDestination, consoleLoginUrl, federationEndpoint, requestSigninToken, type FetchFunction } from './console-url';
import { createRoleCredentialsCache, RoleCredentialsError, type RoleCredentialsCache } from './role-credentials';
import type { IssuedRoleCredentials } from './credentials';
import type { Effects } from '../../effects/effects';
import type { ExternalOpener } from '../external-opener';
import type { InstanceService } from '../instances/instance-service';
import type { Notices } from '../notices';
import type { PersistedInstance } from '../persistence/persisted-state';
import type { ClientFactory } from '../sign-in/sdk-clients';
import { UserFacingError } from '../user-facing-error';

/** Which role of which account, of which instance. */
export interface RoleRef {
  readonly id: string;
  readonly accountId: string;
  readonly roleName: string;
}

/** What the actions need from the app. */
export interface ActionServiceDeps {
  readonly instances: InstanceService;
  readonly instance: (id: string) => PersistedInstance;
  readonly clients: ClientFactory;
  readonly effects: Effects;
  readonly openExternal: ExternalOpener;
  readonly notices: Notices;
  readonly fetch: FetchFunction;
  readonly now: () => number;
  /** A loopback federation endpoint (a local emulator) instead of AWS's sign-in hosts. */
  readonly signinEndpointOverride?: string | undefined;
  /** How long copied credentials stay on the clipboard before Rolecall clears them. */
  readonly clipboardClearMs: number;
}

/** The actions. */
export interface ActionService {
  openConsole(role: RoleRef): Promise<void>;
  copyCredentials(role: RoleRef, format: ExportFormat): Promise<void>;
  /** Drops the cached credentials of an instance (it signed out). */
  forget(instanceId: string): void;
}

/** Creates the actions. */
export function createActionService(deps: ActionServiceDeps): ActionService {
  const caches = new Map<string, RoleCredentialsCache>();
  const cacheFor = (region: string): RoleCredentialsCache => {
    let cache = caches.get(region);
    if (cache === undefined) {
      cache = createRoleCredentialsCache({ portal: deps.clients(region).portal, now: deps.now });
      caches.set(region, cache);
    }
    return cache;
  };
  const accountName = (role: RoleRef): string =>
    deps.instances.accounts(role.id).current().accounts.find((a) => a.accountId === role.accountId)?.accountName || role.accountId;

  const credentialsFor = async (role: RoleRef): Promise<IssuedRoleCredentials> => {
    const instance = deps.instance(role.id);
    const controller = deps.instances.controller(role.id);
    const accessToken = controller.accessToken();
    if (accessToken === null) throw new UserFacingError(`Sign in to ${instance.sessionName} first.`);
    try {
      return await cacheFor(instance.region).get({ instanceId: role.id, accessToken, ...role, accountName: accountName(role) });
    } catch (error: unknown) {
      if (error instanceof RoleCredentialsError && error.kind === 'session-ended') controller.sessionEnded();
      throw error;
    }
  };

  return {
    async openConsole(role) {
      const instance = deps.instance(role.id);
      const credentials = await credentialsFor(role);
      const endpoint = federationEndpoint(instance.region, deps.signinEndpointOverride);
      // SECURITY: the credentials go in a POST body, never a URL; the login URL is opened by main only.
      const signinToken = await requestSigninToken({ fetch: deps.fetch, endpoint, credentials, now: deps.now });
      const url = consoleLoginUrl({
        endpoint,
        signinToken,
        destination: consoleDestination(instance.region, { kind: 'home' }),
        issuer: instance.startUrl,
      });
      await deps.openExternal(url);
      await deps.instances.accounts(role.id).open(role.accountId, role.roleName);
      deps.notices.add('info', `Opened the AWS console for ${accountName(role)} as ${role.roleName}.`);
    },
    async copyCredentials(role, format) {
      const instance = deps.instance(role.id);
      const credentials = await credentialsFor(role);
      const text = formatCredentials(credentials, format, instance.region);
      await deps.effects.writeClipboard(text);
      await deps.instances.accounts(role.id).open(role.accountId, role.roleName);
      const until = new Date(credentials.expiration).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
      const seconds = Math.round(deps.clipboardClearMs / 1000);
      deps.notices.add(
        'success',
        `Copied ${credentialFormatLabel(format)} credentials for ${accountName(role)} as ${role.roleName}, valid until ${until}. Rolecall clears the clipboard in ${seconds} s.`,
      );
      // SECURITY: checklist 25: clear the clipboard later if it still holds what Rolecall put there.
      setTimeout(() => {
        void deps.effects.readClipboard().then((current) => (current === text ? deps.effects.writeClipboard('') : undefined));
      }, deps.clipboardClearMs).unref();
    },
    forget(instanceId) {
      for (const cache of caches.values()) cache.clear(instanceId);
    },
  };
}
