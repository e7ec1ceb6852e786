import { adminApi, ADMIN_PREFIX } from './admin';
import { authorize, authorizeDecision } from './authorize';
import type { EmulatorContext, RequestInfo } from './context';
import type { EmulatorControl } from './control';
import { deviceDecision, devicePage } from './device-page';
import { portalErrorReply } from './errors';
import { federation, federationOperation } from './federation';
import { jsonReply, type Reply } from './http-util';
import { createToken } from './oidc-token';
import { registerClient, startDeviceAuthorization } from './oidc';
import { landingPage } from './pages';
import { getRoleCredentials, listAccountRoles, listAccounts, logout } from './portal';
import { isStsRequest, sts, stsOperation } from './sts';
import { STYLESHEET } from './styles';

/**
 * What a route is, which decides the treatment it gets: OIDC and portal calls can be failed by
 * `--fail-rate`, portal calls are throttled by `--rate-limit`, and AWS-side calls (OIDC, portal, federation,
 * STS) are delayed by `--latency-ms`; pages, assets and the admin API are never slowed or failed.
 */
export type RouteCategory = 'oidc' | 'portal' | 'federation' | 'sts' | 'page' | 'asset' | 'admin';

/** A handler for one method and path. */
export interface Route {
  readonly operation: string | ((request: RequestInfo) => string);
  readonly category: RouteCategory;
  readonly handle: (context: EmulatorContext, request: RequestInfo) => Reply;
}

type RouteTable = ReadonlyMap<string, ReadonlyMap<string, Route>>;

function route(operation: Route['operation'], category: RouteCategory, handle: Route['handle']): Route {
  return { operation, category, handle };
}

/** STS shares `/` with the landing page: every `POST /`, and `GET /` with an `Action` parameter. */
const STS_ROUTE = route(stsOperation, 'sts', sts);

/** Builds the route table: path → method → route. */
export function buildRoutes(): RouteTable {
  const stylesheet = (): Reply => ({
    status: 200,
    headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'max-age=300' },
    body: STYLESHEET,
  });
  const fed = route(federationOperation, 'federation', federation);
  const table: [string, Record<string, Route>][] = [
    ['/client/register', { POST: route('RegisterClient', 'oidc', registerClient) }],
    ['/device_authorization', { POST: route('StartDeviceAuthorization', 'oidc', startDeviceAuthorization) }],
    ['/token', { POST: route('CreateToken', 'oidc', createToken) }],
    ['/authorize', { GET: route('Authorize', 'page', authorize) }],
    ['/authorize/decision', { POST: route('AuthorizeDecision', 'page', authorizeDecision) }],
    ['/assignment/accounts', { GET: route('ListAccounts', 'portal', listAccounts) }],
    ['/assignment/roles', { GET: route('ListAccountRoles', 'portal', listAccountRoles) }],
    ['/federation/credentials', { GET: route('GetRoleCredentials', 'portal', getRoleCredentials) }],
    ['/logout', { POST: route('Logout', 'portal', logout) }],
    ['/federation', { GET: fed, POST: fed }],
    ['/device', { GET: route('DevicePage', 'page', devicePage), POST: route('DeviceDecision', 'page', deviceDecision) }],
    ['/', { GET: route('LandingPage', 'page', landingPage), POST: STS_ROUTE }],
    ['/assets/emulator.css', { GET: route('Stylesheet', 'asset', stylesheet) }],
  ];
  return new Map(table.map(([path, methods]) => [path, new Map(Object.entries(methods))]));
}

/** Finds the route for a request, or the 404/405 reply to send instead. */
export function findRoute(table: RouteTable, control: EmulatorControl, method: string, url: URL): Route | Reply {
  const path = url.pathname;
  if (path.startsWith(ADMIN_PREFIX)) return route('Admin', 'admin', adminApi(control));
  if (isStsRequest(method, url)) return STS_ROUTE;
  const methods = table.get(path);
  if (!methods) return jsonReply(404, { message: `No such resource: ${path}` });
  const found = methods.get(method);
  if (found) return found;
  const allow = { allow: [...methods.keys()].join(', ') };
  const portal = [...methods.values()].some((r) => r.category === 'portal');
  const reply = portal
    ? portalErrorReply('MethodNotAllowedException')
    : jsonReply(405, { message: `Method ${method} not allowed` });
  return { ...reply, headers: { ...reply.headers, ...allow } };
}
