/**
 * The HTTP layer of every AWS call Rolecall makes: the SDK's own Node handler, with agents that go through
 * the proxy the environment names (`https-proxy-agent` / `http-proxy-agent`) and trust the CA bundle, and
 * failures caused by those settings turned into messages that name them.
 *
 * Each SDK client talks to one endpoint, so the route (proxy or direct) is decided once per client, by the
 * AWS CLI's rules (`proxy-env.ts`).
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { checkServerIdentity, type PeerCertificate } from 'node:tls';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { HttpProxyAgent } from 'http-proxy-agent';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { caBundleUnreadable, explainConnectionError, proxyRefused, type Route } from './network-errors';
import type { NetworkSettings } from './network-settings';
import { proxyUrlFor, proxyVariableFor } from './proxy-env';

/** How calls to `endpoint` are routed under these settings. */
export function routeFor(endpoint: URL, settings: NetworkSettings): Route {
  const proxy = proxyUrlFor(endpoint, settings.env);
  return {
    host: endpoint.host,
    proxy: proxy === undefined ? undefined : { url: proxy, variable: proxyVariableFor(endpoint) },
    caBundle: settings.caBundle,
  };
}

/** The agent for calls to `endpoint`: through the proxy or direct, trusting the CA bundle when one is set. */
export function agentFor(endpoint: URL, route: Route): HttpAgent {
  const ca = route.caBundle?.kind === 'loaded' ? { ca: route.caBundle.pem } : {};
  const secure = endpoint.protocol === 'https:';
  if (route.proxy === undefined) return secure ? new HttpsAgent({ keepAlive: true, ...ca }) : new HttpAgent({ keepAlive: true });
  return secure
    ? new TunnelAgent(route.proxy.url, ca.ca)
    : new HttpProxyAgent(route.proxy.url, { keepAlive: true });
}

/**
 * A CONNECT tunnel through the proxy whose TLS to AWS trusts the CA bundle and checks the right name.
 *
 * `https-proxy-agent` applies its constructor's TLS options to the proxy connection only; the TLS inside the
 * tunnel takes the request's options, so the bundle is added to those. It also drops `host` from them, so
 * for an IP-address endpoint (no SNI name) Node would check the certificate against `localhost`; the
 * identity check is pinned to the endpoint's own address instead.
 */
class TunnelAgent extends HttpsProxyAgent<string> {
  constructor(
    proxy: string,
    private readonly ca: string | undefined,
  ) {
    super(proxy, { keepAlive: true });
  }

  override connect(...[req, opts]: Parameters<HttpsProxyAgent<string>['connect']>): ReturnType<HttpsProxyAgent<string>['connect']> {
    if (!opts.secureEndpoint) return super.connect(req, opts);
    const host = opts.host ?? '';
    const identity = isIP(host) === 0 ? {} : { checkServerIdentity: (_: string, cert: PeerCertificate) => checkServerIdentity(host, cert) };
    return super.connect(req, { ...opts, ...identity, ...(this.ca === undefined ? {} : { ca: this.ca }) });
  }
}

/** The SDK's Node handler for one endpoint, with the route's agent and messages for the route's failures. */
class RoutedHttpHandler extends NodeHttpHandler {
  constructor(
    endpoint: URL,
    private readonly route: Route,
  ) {
    const agent = agentFor(endpoint, route);
    super(endpoint.protocol === 'https:' ? { httpsAgent: agent } : { httpAgent: agent });
  }

  override async handle(...[request, options]: Parameters<NodeHttpHandler['handle']>): ReturnType<NodeHttpHandler['handle']> {
    const refusal = preflight(this.route);
    if (refusal !== undefined) throw refusal;
    let result: Awaited<ReturnType<NodeHttpHandler['handle']>>;
    try {
      result = await super.handle(request, options);
    } catch (error: unknown) {
      throw explainConnectionError(error, this.route) ?? error;
    }
    const status = result.response.statusCode;
    if (this.route.proxy !== undefined && isProxyAnswer(status, result.response.headers)) {
      throw proxyRefused({ ...this.route, proxy: this.route.proxy }, status);
    }
    return result;
  }
}

function preflight(route: Route): Error | undefined {
  return route.caBundle?.kind === 'unreadable' ? caBundleUnreadable(route.caBundle) : undefined;
}

/**
 * Whether a response came from the proxy refusing the tunnel rather than from AWS.
 *
 * `https-proxy-agent` hands a refused CONNECT's answer to the request as its response. AWS always names its
 * request (`x-amzn-RequestId`); a proxy's 407, 403 or 502 does not.
 */
function isProxyAnswer(status: number, headers: Readonly<Record<string, string | undefined>>): boolean {
  if (status === 407) return true;
  if (status < 400) return false;
  return !Object.keys(headers).some((name) => name.toLowerCase() === 'x-amzn-requestid');
}

/** The request handler for an SDK client whose calls go to `endpoint`. */
export function requestHandlerFor(endpoint: URL, settings: NetworkSettings): NodeHttpHandler {
  const route = routeFor(endpoint, settings);
  return new RoutedHttpHandler(endpoint, route);
}

/** A minimal `fetch` over the same routes, for the one AWS call that is not an SDK call (console sign-in). */
export type NetworkFetch = (url: string, init: RequestInit) => Promise<Response>;

/**
 * A `fetch` for AWS endpoints through the proxy and CA bundle: no redirects followed (a 3xx is returned as
 * it is), a string body only, aborted by `init.signal`.
 */
export function createNetworkFetch(settings: NetworkSettings): NetworkFetch {
  return async (url, init) => {
    const endpoint = new URL(url);
    const route = routeFor(endpoint, settings);
    const refusal = preflight(route);
    if (refusal !== undefined) throw refusal;
    const agent = agentFor(endpoint, route);
    try {
      const response = await send(endpoint, init, agent);
      if (route.proxy !== undefined && isProxyAnswer(response.status, Object.fromEntries(response.headers))) {
        throw proxyRefused({ ...route, proxy: route.proxy }, response.status);
      }
      return response;
    } catch (error: unknown) {
      throw explainConnectionError(error, route) ?? error;
    } finally {
      agent.destroy();
    }
  };
}

function send(endpoint: URL, init: RequestInit, agent: HttpAgent): Promise<Response> {
  const headers = Object.fromEntries(new Headers(init.headers));
  const body = typeof init.body === 'string' ? init.body : undefined;
  const request = endpoint.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(endpoint, { method: init.method ?? 'GET', headers, agent, signal: init.signal ?? undefined }, (res) => {
      readAll(res).then((bytes) => resolve(new Response(bytes, { status: res.statusCode ?? 0, headers: responseHeaders(res) })), reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function readAll(res: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function responseHeaders(res: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  return headers;
}
