/**
 * An instance summary for the tray's tests: a complete discovery, with only what a test varies.
 */
import type { InstanceSummary, SignInStatus } from '../../../shared/snapshot';

/** An instance named `sessionName` in the given sign-in state. */
export function trayInstance(id: string, sessionName: string, status: SignInStatus): InstanceSummary {
  return {
    id,
    sessionName,
    startUrl: `https://${id}.awsapps.com/start`,
    region: 'eu-west-1',
    tokenStorage: 'aws-cli',
    signInMethod: 'pkce',
    browser: { kind: 'system' },
    status,
    memoryOnly: false,
    discovery: { state: 'complete', accountsTotal: 0, listComplete: true, rolesLoaded: 0, accountsFailed: 0, listedAt: null, fromCache: false, removed: [] },
  };
}
