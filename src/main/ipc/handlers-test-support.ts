/**
 * Handlers for the instance and account requests that a transport test does not exercise.
 */
import type { RequestHandlers } from './dispatch';

const unused = (): Promise<never> => Promise.reject(new Error('not used in this test'));

/** Every instance, sign-in and account handler, rejecting. */
export const unusedInstanceHandlers: Omit<RequestHandlers, 'getSnapshot' | 'openDocumentation' | 'copyAboutInfo' | 'dismissNotice'> = {
  getAccounts: unused,
  getEncodedAccounts: unused,
  listBrowsers: unused,
  setBrowser: unused,
  chooseBrowserProgram: unused,
  refreshAccounts: unused,
  cancelDiscovery: unused,
  openAccount: unused,
  retryAccount: unused,
  setAccountPrefs: unused,
  setAccountSort: unused,
  openConsole: unused,
  copyCredentials: unused,
  setCredentialFormat: unused,
  copyPortalLink: unused,
  useProfile: unused,
  copyProfileExport: unused,
  setTerminalSettings: unused,
  setActionSettings: unused,
  previewProfiles: unused,
  writeProfiles: unused,
  getTrayMenu: unused,
  setDesktopSettings: unused,
  serveToContainers: unused,
  copyServeLines: unused,
  keepInCredentialsFile: unused,
  stopServing: unused,
  addInstance: unused,
  importSession: unused,
  removeInstance: unused,
  signIn: unused,
  setSignInMethod: unused,
  cancelSignIn: unused,
  signOut: unused,
  copyUserCode: unused,
  openVerificationPage: unused,
};
