/**
 * The AWS SDK clients Rolecall talks to Identity Center with, one pair per region.
 *
 * Endpoints follow the same variables as the AWS CLI and SDKs (`AWS_ENDPOINT_URL_SSO_OIDC`,
 * `AWS_ENDPOINT_URL_SSO`, `AWS_ENDPOINT_URL`), read from the environment the host passes in.
 */
import { SSOClient } from '@aws-sdk/client-sso';
import { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import type { Env } from '../aws-files/aws-paths';
import { createPortalClient } from '../discovery/portal-api';

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

/** A factory of real SDK clients with endpoints from `env`. */
export function createSdkClientFactory(env: Env): ClientFactory {
  const cache = new Map<string, RegionClients>();
  const endpointFor = (name: string): { endpoint?: string } => {
    const endpoint = env[name] ?? env['AWS_ENDPOINT_URL'];
    return endpoint === undefined || endpoint === '' ? {} : { endpoint };
  };
  return (region) => {
    let clients = cache.get(region);
    if (clients === undefined) {
      clients = {
        oidc: new SSOOIDCClient({ region, ...endpointFor('AWS_ENDPOINT_URL_SSO_OIDC') }),
        portal: new SSOClient({ region, ...endpointFor('AWS_ENDPOINT_URL_SSO') }),
        discoveryPortal: createPortalClient({ region, ...endpointFor('AWS_ENDPOINT_URL_SSO') }),
        oidcBaseUrl: endpointFor('AWS_ENDPOINT_URL_SSO_OIDC').endpoint ?? `https://oidc.${region}.amazonaws.com`,
      };
      cache.set(region, clients);
    }
    return clients;
  };
}
