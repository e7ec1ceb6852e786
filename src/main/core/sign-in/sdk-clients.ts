/**
 * The AWS SDK clients Rolecall talks to Identity Center with, one pair per region.
 *
 * Endpoints follow the same variables as the AWS CLI and SDKs (`AWS_ENDPOINT_URL_SSO_OIDC`,
 * `AWS_ENDPOINT_URL_SSO`, `AWS_ENDPOINT_URL`), read from the environment the host passes in. Every client
 * goes through the proxy and trusts the CA bundle of the network settings (`../network`).
 */
import { SSOClient } from '@aws-sdk/client-sso';
import { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import type { Env } from '../aws-files/aws-paths';
import { createPortalClient } from '../discovery/portal-api';
import { requestHandlerFor } from '../network/aws-http';
import { networkSettingsFromEnv, type NetworkSettings } from '../network/network-settings';

/** The sign-in and portal clients of one region. */
export interface RegionClients {
  readonly oidc: SSOOIDCClient;
  readonly portal: SSOClient;
  /** A portal client without SDK retries: discovery's scheduler owns retries and must see every 429. */
  readonly discoveryPortal: SSOClient;
  /** Where the OIDC client sends its calls, as the AWS CLI derives the PKCE `/authorize` page from it. */
  readonly oidcBaseUrl: string;
}

/** Returns the clients for a region, creating them once. */
export type ClientFactory = (region: string) => RegionClients;

/**
 * A factory of real SDK clients with endpoints from `env`, reaching them as `network` says (by default the
 * proxy variables of `env` and no CA bundle).
 */
export function createSdkClientFactory(env: Env, network: NetworkSettings = networkSettingsFromEnv(env)): ClientFactory {
  const cache = new Map<string, RegionClients>();
  const endpointFor = (name: string): string | undefined => {
    const endpoint = env[name] ?? env['AWS_ENDPOINT_URL'];
    return endpoint === undefined || endpoint === '' ? undefined : endpoint;
  };
  return (region) => {
    let clients = cache.get(region);
    if (clients === undefined) {
      const oidcEndpoint = endpointFor('AWS_ENDPOINT_URL_SSO_OIDC');
      const portalEndpoint = endpointFor('AWS_ENDPOINT_URL_SSO');
      const oidcUrl = oidcEndpoint ?? `https://oidc.${region}.amazonaws.com`;
      const portalUrl = portalEndpoint ?? `https://portal.sso.${region}.amazonaws.com`;
      const oidcOptions = { region, ...(oidcEndpoint === undefined ? {} : { endpoint: oidcEndpoint }) };
      const portalOptions = { region, ...(portalEndpoint === undefined ? {} : { endpoint: portalEndpoint }) };
      clients = {
        oidc: new SSOOIDCClient({ ...oidcOptions, requestHandler: requestHandlerFor(new URL(oidcUrl), network) }),
        portal: new SSOClient({ ...portalOptions, requestHandler: requestHandlerFor(new URL(portalUrl), network) }),
        discoveryPortal: createPortalClient({ ...portalOptions, requestHandler: requestHandlerFor(new URL(portalUrl), network) }),
        oidcBaseUrl: oidcUrl,
      };
      cache.set(region, clients);
    }
    return clients;
  };
}
