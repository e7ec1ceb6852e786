/**
 * Handlers for the instance requests that a transport test does not exercise.
 */
import type { RequestHandlers } from './dispatch';

const unused = (): Promise<never> => Promise.reject(new Error('not used in this test'));

/** Every instance and sign-in handler, rejecting. */
export const unusedInstanceHandlers: Pick<
  RequestHandlers,
  'addInstance' | 'importSession' | 'removeInstance' | 'signIn' | 'cancelSignIn' | 'signOut' | 'copyUserCode' | 'openVerificationPage'
> = {
  addInstance: unused,
  importSession: unused,
  removeInstance: unused,
  signIn: unused,
  cancelSignIn: unused,
  signOut: unused,
  copyUserCode: unused,
  openVerificationPage: unused,
};
