/**
 * The one-click actions as the app runs them: open the console for an account and role, and copy its
 * credentials for a shell. Credentials, sign-in tokens and login URLs stay in main: the renderer only
 * sends the intent, and main opens the URL and writes the clipboard itself.
 */
import type { AccountView } from '../../../shared/accounts';
import { describeDestination, type ConsoleDestination } from '../../../shared/console-destinations';
import { credentialFormatLabel } from '../../../shared/credential-formats';
import type { ConsoleTarget } from '../../../shared/ipc-contract';
import type { ExportFormat } from './export-formats';
import { formatCredentials } from './export-formats';
import { consoleDestination, consoleLoginUrl, federationEndpoint, portalShortcutUrl, requestSigninToken, type FetchFunction } from './console-url';
import { consoleWindowSpec } from './console-window-spec';
import { createRoleCredentialsCache, RoleCredentialsError, type RoleCredentialsCache } from './role-credentials';
import type { IssuedRoleCredentials } from './credentials';
import type { Effects } from '../../effects/effects';
import type { ConsoleWindowOpener, ExternalOpener } from '../external-opener';
import type { InstanceService } from '../instances/instance-service';
import type { Notices } from '../notices';
import type { PersistedInstance } from '../persistence/persisted-state';
import type { ClientFactory } from '../sign-in/sdk-clients';
import { UserFacingError } from '../user-facing-error';
import { NoClipboardError } from '../../effects/clipboard-error';
import type { CopiedCredentials } from '../notify/expiry-schedule';

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
  readonly openConsoleWindow: ConsoleWindowOpener;
  readonly notices: Notices;
  readonly fetch: FetchFunction;
  readonly now: () => number;
  /** A loopback federation endpoint (a local emulator) instead of AWS's sign-in hosts. */
  readonly signinEndpointOverride?: string | undefined;
  /** The person's settings: how long copied credentials stay on the clipboard, the console session length. */
  readonly settings: () => { readonly clipboardClearMs: number; readonly consoleSessionSeconds?: number | undefined };
  /** Told of credentials copied for a shell, so the person hears before they expire. */
  readonly onCredentialsCopied?: (copy: CopiedCredentials) => void;
}

/** Where and how to open the console. */
export interface ConsoleOptions {
  readonly destination: ConsoleDestination;
  /** The console region; the instance's region when absent. */
  readonly region?: string | undefined;
  readonly target: ConsoleTarget;
}

/** The actions. */
export interface ActionService {
  openConsole(role: RoleRef, options: ConsoleOptions): Promise<void>;
  /** Copies the access portal's shortcut link for the role (no credentials involved). */
  copyPortalLink(role: RoleRef, options: Omit<ConsoleOptions, 'target'>): Promise<void>;
  copyCredentials(role: RoleRef, format: ExportFormat): Promise<void>;
  /** Drops the cached credentials of an instance (it signed out). */
  forget(instanceId: string): void;
  /** The role's credentials with at least `minValidMs` left (for credentials handed to other tools). */
  roleCredentials(role: RoleRef, minValidMs?: number): Promise<IssuedRoleCredentials>;
  /** The account's name as the window shows it (its alias, else its name, else its ID). */
  accountName(role: Pick<RoleRef, 'id' | 'accountId'>): string;
  /** Copies secret text, and clears the clipboard later if it still holds it; `elsewhere` says where else to get it. */
  copySecret(text: string, elsewhere: string): Promise<void>;
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
  const accountOf = (role: Pick<RoleRef, 'id' | 'accountId'>): AccountView | undefined =>
    deps.instances.accounts(role.id).current().accounts.find((a) => a.accountId === role.accountId);
  const accountName = (role: Pick<RoleRef, 'id' | 'accountId'>): string => {
    const account = accountOf(role);
    return account?.prefs.alias || account?.accountName || role.accountId;
  };

  const credentialsFor = async (role: RoleRef, minValidMs?: number): Promise<IssuedRoleCredentials> => {
    const instance = deps.instance(role.id);
    const controller = deps.instances.controller(role.id);
    const accessToken = controller.accessToken();
    if (accessToken === null) throw new UserFacingError(`Sign in to ${instance.sessionName} first.`);
    try {
      return await cacheFor(instance.region).get({ instanceId: role.id, accessToken, ...role, accountName: accountName(role) }, minValidMs);
    } catch (error: unknown) {
      if (error instanceof RoleCredentialsError && error.kind === 'session-ended') controller.sessionEnded();
      throw error;
    }
  };

  const copySecret = async (text: string, elsewhere: string): Promise<void> => {
    await copyOr(deps.effects, text, elsewhere);
    // SECURITY: checklist 25: clear the clipboard later if it still holds what Rolecall put there.
    setTimeout(() => {
      void deps.effects.readClipboard().then((current) => (current === text ? deps.effects.writeClipboard('') : undefined));
    }, deps.settings().clipboardClearMs).unref();
  };

  return {
    async openConsole(role, options) {
      const instance = deps.instance(role.id);
      const region = options.region ?? instance.region;
      const destination = consoleDestination(region, options.destination);
      const where = `${describeDestination(options.destination)} in ${region}`;
      if (options.target === 'portal') {
        // No credentials: the browser's own portal session signs in.
        await deps.openExternal(portalShortcutUrl(instance.startUrl, role.accountId, role.roleName, destination), instance.browser); // eng-disable OPEN_EXTERNAL_JS_CHECK: deps.openExternal is the allowlist-checked ExternalOpener; main built this portal URL
        await deps.instances.accounts(role.id).open(role.accountId, role.roleName);
        deps.notices.add('info', `Opened the access portal's link to ${where} for ${accountName(role)} as ${role.roleName}.`);
        return;
      }
      const credentials = await credentialsFor(role);
      const endpoint = federationEndpoint(region, deps.signinEndpointOverride);
      // SECURITY: the credentials go in a POST body, never a URL; the login URL is opened by main only.
      const signinToken = await requestSigninToken({
        fetch: deps.fetch,
        endpoint,
        credentials,
        now: deps.now,
        sessionDurationSeconds: deps.settings().consoleSessionSeconds,
      });
      const url = consoleLoginUrl({ endpoint, signinToken, destination, issuer: instance.startUrl });
      const account = accountOf(role);
      if (options.target === 'window') {
        await deps.openConsoleWindow(url, consoleWindowSpec(role, accountName(role), account?.prefs.colour));
      } else {
        await deps.openExternal(url, instance.browser); // eng-disable OPEN_EXTERNAL_JS_CHECK: deps.openExternal is the allowlist-checked ExternalOpener; main built this sign-in URL from AWS's token
      }
      await deps.instances.accounts(role.id).open(role.accountId, role.roleName);
      const how = options.target === 'window' ? ' in a Rolecall window' : '';
      deps.notices.add('info', `Opened the AWS console for ${accountName(role)} as ${role.roleName}${how}: ${where}.`);
    },
    async copyPortalLink(role, options) {
      const instance = deps.instance(role.id);
      const region = options.region ?? instance.region;
      const link = portalShortcutUrl(instance.startUrl, role.accountId, role.roleName, consoleDestination(region, options.destination));
      await copyOr(deps.effects, link, `Install one, or open the portal's link yourself: ${link}`);
      deps.notices.add('success', `Copied the access portal's link for ${accountName(role)} as ${role.roleName}. It signs in through the portal in any browser.`);
    },
    async copyCredentials(role, format) {
      const instance = deps.instance(role.id);
      const credentials = await credentialsFor(role);
      const text = formatCredentials(credentials, format, instance.region);
      await copySecret(text, `Install one, or get the same lines in a terminal: rolecall export ${role.accountId} ${role.roleName} --format ${format} --instance ${instance.sessionName}`);
      await deps.instances.accounts(role.id).open(role.accountId, role.roleName);
      deps.onCredentialsCopied?.({ instanceId: role.id, accountId: role.accountId, accountName: accountName(role), roleName: role.roleName, expiresAt: credentials.expiration });
      const until = new Date(credentials.expiration).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
      const { clipboardClearMs } = deps.settings();
      const seconds = Math.round(clipboardClearMs / 1000);
      deps.notices.add(
        'success',
        `Copied ${credentialFormatLabel(format)} credentials for ${accountName(role)} as ${role.roleName}, valid until ${until}. Rolecall clears the clipboard in ${seconds} s.`,
      );
    },
    forget(instanceId) {
      for (const cache of caches.values()) cache.clear(instanceId);
    },
    roleCredentials: credentialsFor,
    accountName,
    copySecret,
  };
}

/** Writes the clipboard; with no clipboard on this machine, says where the person can get the text instead. */
async function copyOr(effects: Effects, text: string, elsewhere: string): Promise<void> {
  try {
    await effects.writeClipboard(text);
  } catch (error: unknown) {
    if (error instanceof NoClipboardError) throw new UserFacingError(`${error.message} ${elsewhere}`);
    throw error;
  }
}
