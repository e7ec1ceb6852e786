/**
 * Handlers of the instance and sign-in requests.
 */
import type { RequestHandlers } from '../../ipc/dispatch';
import type { Effects } from '../../effects/effects';
import type { ExternalOpener } from '../external-opener';
import type { InstanceService } from '../instances/instance-service';
import type { Notices } from '../notices';
import { UserFacingError } from '../user-facing-error';

type InstanceRequests =
  | 'addInstance'
  | 'importSession'
  | 'removeInstance'
  | 'signIn'
  | 'setSignInMethod'
  | 'cancelSignIn'
  | 'signOut'
  | 'copyUserCode'
  | 'openVerificationPage';

/** Creates the instance and sign-in handlers. */
export function instanceHandlers(deps: {
  instances: InstanceService;
  notices: Notices;
  effects: Effects;
  openExternal: ExternalOpener;
}): Pick<RequestHandlers, InstanceRequests> {
  const { instances } = deps;
  return {
    addInstance: (input) => instances.add(input),
    importSession: ({ sessionName }) => instances.importDiscovered(sessionName),
    removeInstance: async ({ id }) => {
      await instances.remove(id);
      return null;
    },
    signIn: ({ id }) => {
      // The sign-in runs in the background; its progress arrives in snapshots.
      void instances.signIn(id);
      return Promise.resolve(null);
    },
    setSignInMethod: async ({ id, method }) => {
      await instances.setSignInMethod(id, method);
      return null;
    },
    cancelSignIn: ({ id }) => {
      instances.controller(id).cancelSignIn();
      return Promise.resolve(null);
    },
    signOut: async ({ id }) => {
      await instances.controller(id).signOut();
      return null;
    },
    copyUserCode: async ({ id }) => {
      const status = instances.controller(id).status();
      if (status.kind !== 'awaitingApproval') throw new UserFacingError('There is no sign-in code to copy: start the sign-in again.');
      await deps.effects.writeClipboard(status.userCode);
      deps.notices.add('success', `Copied the code ${status.userCode}.`);
      return null;
    },
    openVerificationPage: async ({ id }) => {
      const page = instances.controller(id).verificationPage();
      if (page === null) throw new UserFacingError('There is no sign-in in progress: start the sign-in again.');
      await deps.openExternal(page, instances.browserOf(id)); // eng-disable OPEN_EXTERNAL_JS_CHECK: deps.openExternal is the allowlist-checked ExternalOpener; the page came from AWS's device authorization
      return null;
    },
  };
}
