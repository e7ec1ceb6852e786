/**
 * Roles served to tools that do not speak SSO, from the window: container endpoints and kept sections of
 * the shared credentials file, listed in the snapshot, stopped on sign-out and when the app quits.
 */
import path from 'node:path';
import type { RequestHandlers } from '../../ipc/dispatch';
import type { ActionService } from '../actions/action-service';
import type { Notices } from '../notices';
import type { WarningClock } from '../notify/warning-timer';
import type { SnapshotStore } from '../snapshot-store';
import { UserFacingError } from '../user-facing-error';
import { createContainerEndpoints } from './container-endpoints';
import { createKeptSections, type KeptInstance } from './kept-sections';
import { clockTime, type RoleCredentialsSource, type ServedRoleRef } from './served-role';

export interface ServingDeps {
  readonly actions: ActionService;
  readonly store: SnapshotStore;
  readonly notices: Notices;
  readonly credentialsFile: string;
  readonly instances: () => readonly KeptInstance[];
  readonly clock: WarningClock;
}

type ServingRequests = 'serveToContainers' | 'copyServeLines' | 'keepInCredentialsFile' | 'stopServing';

export interface ServingService {
  readonly handlers: Pick<RequestHandlers, ServingRequests>;
  /** Reads the credentials file again (on the core's watch). */
  reconcile(): Promise<void>;
  /** An instance signed out or is being removed: its endpoints stop and its sections leave the file. */
  instanceGone(instanceId: string, sessionName: string, why: string): Promise<void>;
  dispose(): Promise<void>;
}

const DOCKER_HINT = 'For Docker on this host: docker run --network host -e AWS_CONTAINER_CREDENTIALS_FULL_URI -e AWS_CONTAINER_AUTHORIZATION_TOKEN IMAGE';

/** Creates the service; call `reconcile()` once to pick up the sections the file already holds. */
export function createServingService(deps: ServingDeps): ServingService {
  const { actions, notices } = deps;
  const credentials: RoleCredentialsSource = (role, minValidMs) => actions.roleCredentials(role, minValidMs);
  const accountName = (role: ServedRoleRef): string => actions.accountName(role);
  const publish = (): void => deps.store.update((s) => ({ ...s, served: [...containers.list(), ...sections.list()] }));
  const containers = createContainerEndpoints({ credentials, accountName, now: () => deps.clock.now(), onChange: publish });
  const sections = createKeptSections({
    file: deps.credentialsFile,
    credentials,
    accountName,
    instances: deps.instances,
    clock: deps.clock,
    onChange: publish,
    onRenewalFailed: (name, message) => notices.add('error', `Could not renew [${name}] in ${deps.credentialsFile}: ${message} Rolecall tries again in a minute.`),
  });
  const fileName = path.basename(deps.credentialsFile);
  const copyLines = async (key: string): Promise<void> => {
    const lines = containers.lines(key);
    if (lines === undefined) throw new UserFacingError('That endpoint is no longer running. Serve the role again.');
    await actions.copySecret(lines, 'Run `rolecall serve ACCOUNT ROLE` in a terminal instead: it prints the same two lines.');
  };

  const handlers: ServingService['handlers'] = {
    serveToContainers: async (role) => {
      const { key, created } = await containers.start(role);
      await copyLines(key);
      const served = containers.list().find((c) => c.key === key);
      const where = served?.url ?? key;
      notices.add('success', `${created ? 'Serving' : 'Already serving'} ${actions.accountName(role)} as ${role.roleName} to containers at ${where}, credentials until ${clockTime(served?.until ?? 0)} and renewed while you stay signed in. The two export lines are on the clipboard. ${DOCKER_HINT}.`);
      return null;
    },
    copyServeLines: async ({ key }) => {
      await copyLines(key);
      notices.add('success', 'Copied the endpoint’s two export lines.');
      return null;
    },
    keepInCredentialsFile: async ({ replaceForeign, ...role }) => {
      const outcome = await sections.keep(role, replaceForeign === true);
      if (outcome.kind === 'foreign') return { kind: 'foreign', profileName: outcome.profileName, file: deps.credentialsFile };
      const saved = outcome.backup === null ? '' : ` The file as it was is saved in ${outcome.backup}.`;
      notices.add('success', `[${outcome.profileName}] in ${deps.credentialsFile} holds ${actions.accountName(role)} as ${role.roleName} until ${clockTime(outcome.until)}; Rolecall renews it while it runs. Use it with AWS_PROFILE=${outcome.profileName}.${saved}`);
      return { kind: 'kept', profileName: outcome.profileName };
    },
    stopServing: async ({ key }) => {
      if (key.startsWith('container:')) {
        if (!(await containers.stop(key))) throw new UserFacingError('That endpoint had already stopped.');
        notices.add('info', 'Stopped the container credentials endpoint.');
        return null;
      }
      const name = key.slice('file:'.length);
      if (!(await sections.remove(name))) throw new UserFacingError(`Rolecall keeps no section [${name}] in ${fileName} any more.`);
      notices.add('info', `Took [${name}] out of ${deps.credentialsFile}.`);
      return null;
    },
  };

  return {
    handlers,
    reconcile: () => sections.reconcile(),
    async instanceGone(instanceId, sessionName, why) {
      const stopped = await containers.stopInstance(instanceId);
      const removed = await sections.removeInstance(sessionName);
      const parts = [
        ...(stopped > 0 ? [`stopped ${stopped === 1 ? 'its container endpoint' : `its ${stopped} container endpoints`}`] : []),
        ...(removed.length > 0 ? [`took ${removed.map((n) => `[${n}]`).join(', ')} out of ${deps.credentialsFile}`] : []),
      ];
      if (parts.length > 0) notices.add('info', `${why}: Rolecall ${parts.join(' and ')}.`);
    },
    async dispose() {
      sections.dispose();
      await containers.dispose();
    },
  };
}
