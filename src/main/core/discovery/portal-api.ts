/**
 * The two portal calls discovery makes, over the real AWS SDK client, with their answers normalised.
 */
import { ListAccountRolesCommand, ListAccountsCommand, SSOClient, type AccountInfo, type SSOClientConfig, type RoleInfo } from '@aws-sdk/client-sso';

/** The page size discovery asks for: the most the portal allows (reference §2.3; the default is only 20). */
export const PORTAL_PAGE_SIZE = 100;

/** An account as ListAccounts describes it; an absent name or email is kept as ''. */
export interface AccountSummary {
  readonly accountId: string;
  readonly accountName: string;
  readonly emailAddress: string;
}

/** One page of a listing and the token for the next, if there is one. */
export interface PortalPage<T> {
  readonly items: readonly T[];
  readonly nextToken: string | undefined;
}

/** The portal calls discovery needs; `signal` aborts the HTTP request. */
export interface PortalApi {
  listAccounts(accessToken: string, nextToken: string | undefined, signal: AbortSignal): Promise<PortalPage<AccountSummary>>;
  listAccountRoles(
    accessToken: string,
    accountId: string,
    nextToken: string | undefined,
    signal: AbortSignal,
  ): Promise<PortalPage<string>>;
}

/** Where the portal is. */
export interface PortalClientOptions {
  /** The Identity Center instance's region (`sso_region`). */
  readonly region: string;
  /** An endpoint override (the emulator), else the SDK's regional portal endpoint. */
  readonly endpoint?: string;
  /** The HTTP handler (proxy and CA bundle), else the SDK's default. */
  readonly requestHandler?: SSOClientConfig['requestHandler'];
}

/**
 * Creates the SSO portal client discovery must use: `maxAttempts: 1`.
 *
 * The SDK's standard retry mode would retry a 429 or 5xx up to twice on its own, invisibly. The scheduler
 * must own retries: it paces from every 429 (a retried-away 429 teaches it nothing), applies one backoff
 * policy and one attempt budget, and counts calls truthfully for the progress and the benchmark.
 */
export function createPortalClient(options: PortalClientOptions): SSOClient {
  return new SSOClient({
    region: options.region,
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(options.requestHandler === undefined ? {} : { requestHandler: options.requestHandler }),
    maxAttempts: 1,
  });
}

/** Adapts an SSO client (built by `createPortalClient`) to the calls discovery makes. */
export function createPortalApi(client: SSOClient): PortalApi {
  return {
    async listAccounts(accessToken, nextToken, signal) {
      const response = await client.send(
        new ListAccountsCommand({ accessToken, maxResults: PORTAL_PAGE_SIZE, nextToken }),
        { abortSignal: signal },
      );
      return { items: accountsOf(response.accountList), nextToken: tokenOf(response.nextToken) };
    },
    async listAccountRoles(accessToken, accountId, nextToken, signal) {
      const response = await client.send(
        new ListAccountRolesCommand({ accessToken, accountId, maxResults: PORTAL_PAGE_SIZE, nextToken }),
        { abortSignal: signal },
      );
      return { items: rolesOf(response.roleList), nextToken: tokenOf(response.nextToken) };
    },
  };
}

/** Accounts with an id; the name and email the model allows to be absent become ''. */
function accountsOf(list: readonly AccountInfo[] | undefined): AccountSummary[] {
  return (list ?? []).flatMap((account) =>
    typeof account.accountId === 'string' && account.accountId !== ''
      ? [{ accountId: account.accountId, accountName: account.accountName ?? '', emailAddress: account.emailAddress ?? '' }]
      : [],
  );
}

/** Role names verbatim; an entry without a name cannot be used, so it is left out. */
function rolesOf(list: readonly RoleInfo[] | undefined): string[] {
  return (list ?? []).flatMap((role) => (typeof role.roleName === 'string' ? [role.roleName] : []));
}

/** The next token, or undefined on the last page (AWS sends it absent or null; '' would loop for ever). */
function tokenOf(token: string | null | undefined): string | undefined {
  return typeof token === 'string' && token !== '' ? token : undefined;
}
