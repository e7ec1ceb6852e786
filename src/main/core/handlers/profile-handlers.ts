/**
 * Handlers of the AWS CLI profile requests: "Use in terminal", "Generate profiles for all" with its
 * preview, the terminal settings, and the active default shown in the window.
 */
import { stat } from 'node:fs/promises';
import type { AccountView } from '../../../shared/accounts';
import { profileExportLine } from '../../../shared/profiles';
import type { RequestHandlers } from '../../ipc/dispatch';
import type { Effects } from '../../effects/effects';
import type { AwsPaths } from '../aws-files/aws-paths';
import type { InstanceService } from '../instances/instance-service';
import type { Notices } from '../notices';
import type { PersistedInstance } from '../persistence/persisted-state';
import type { StateRepository } from '../persistence/state-repository';
import type { BlockPlanInput } from '../profiles/profile-block-plan';
import { templateProblem } from '../profiles/profile-names';
import { activeProfile, previewProfiles, useProfile, writeProfiles, type ProfileFiles } from '../profiles/profile-service';
import type { SnapshotStore } from '../snapshot-store';
import { UserFacingError } from '../user-facing-error';
import { saveSettings } from './save-settings';

type ProfileRequests = 'useProfile' | 'copyProfileExport' | 'setTerminalSettings' | 'previewProfiles' | 'writeProfiles';

/** What the profile handlers need. */
export interface ProfileHandlerDeps {
  readonly instances: InstanceService;
  readonly state: StateRepository;
  readonly store: SnapshotStore;
  readonly notices: Notices;
  readonly effects: Effects;
  readonly paths: AwsPaths;
  readonly now: () => number;
}

/**
 * The handlers, and `checkActive`, which re-reads which account and role `[default]` points at when the
 * config file, the instances or the last named profile changed since it last looked.
 */
export function profileHandlers(deps: ProfileHandlerDeps): { handlers: Pick<RequestHandlers, ProfileRequests>; checkActive: () => Promise<void> } {
  const files: ProfileFiles = { configFile: deps.paths.configFile, ssoCacheDir: deps.paths.ssoCacheDir, now: deps.now };
  const instanceFor = (id: string): PersistedInstance => {
    const instance = deps.state.get().instances.find((i) => i.id === id);
    if (instance === undefined) throw new UserFacingError('That Identity Center instance no longer exists.');
    if (instance.tokenStorage === 'keychain') {
      throw new UserFacingError(
        `${instance.sessionName} keeps its sign-in in the keychain, where the AWS CLI cannot read it. Add the instance with "Share the sign-in with the AWS CLI" to use its roles in a terminal, or copy credentials instead.`,
      );
    }
    return instance;
  };
  const accountOf = (id: string, accountId: string): AccountView => {
    const account = deps.instances.accounts(id).current().accounts.find((a) => a.accountId === accountId);
    if (account === undefined) throw new UserFacingError('That account is not in the list any more. Refresh the list and try again.');
    return account;
  };
  const blockInput = (id: string): BlockPlanInput => {
    const instance = instanceFor(id);
    const accounts = deps.instances.accounts(id);
    const status = accounts.status();
    // Pruning from a partial list would delete profiles of accounts that still exist.
    if (status.state === 'running') throw new UserFacingError('Rolecall is still listing accounts. Generate the profiles when the list is complete.');
    if (!status.listComplete && !status.fromCache) throw new UserFacingError('The account list is not complete. Refresh it, then generate the profiles.');
    const update = accounts.current();
    const { profileNameTemplate, profileStyle } = deps.state.get().settings;
    return {
      style: profileStyle,
      instance,
      template: profileNameTemplate,
      accounts: update.accounts.map((a) => ({
        accountId: a.accountId,
        accountName: a.accountName,
        alias: a.prefs.alias,
        roles: a.rolesState === 'loaded' ? a.roles : undefined,
        region: a.prefs.region ?? instance.region,
      })),
    };
  };
  const refreshActive = async (): Promise<void> => {
    const active = await activeProfile(deps.paths.configFile, deps.state.get().instances, deps.state.get().activeProfileName);
    if (JSON.stringify(active) !== JSON.stringify(deps.store.get().activeProfile)) deps.store.update((s) => ({ ...s, activeProfile: active }));
  };
  // Polled: a stat, and the file is read and parsed again only when something it depends on changed.
  let seen = '';
  const checkActive = async (): Promise<void> => {
    const { instances, activeProfileName } = deps.state.get();
    const signature = `${await fileSignature(deps.paths.configFile)} ${instances.map((i) => i.id).join(',')} ${activeProfileName ?? ''}`;
    if (signature === seen) return;
    seen = signature;
    await refreshActive();
  };

  const handlers: Pick<RequestHandlers, ProfileRequests> = {
    useProfile: async ({ id, accountId, roleName, replaceDefault }) => {
      const instance = instanceFor(id);
      const account = accountOf(id, accountId);
      const { profileNameTemplate, profileStyle } = deps.state.get().settings;
      const result = await useProfile(files, {
        style: profileStyle,
        template: profileNameTemplate,
        instance,
        account: { accountId, accountName: account.accountName, alias: account.prefs.alias },
        roleName,
        region: account.prefs.region ?? instance.region,
        replaceDefault: replaceDefault === true,
      });
      if (result.kind === 'done') {
        await deps.state.update((s) => ({ ...s, activeProfileName: result.profileName }));
        await deps.instances.accounts(id).open(accountId, roleName);
        await refreshActive();
        const backup = result.backupFile === undefined ? '' : ` Your previous file is saved as ${result.backupFile}.`;
        deps.notices.add('success', `The AWS CLI now uses ${account.prefs.alias ?? account.accountName} as ${roleName}: [default] and [profile ${result.profileName}] in ${files.configFile}.${backup}`);
      }
      return result;
    },
    copyProfileExport: async ({ profileName }) => {
      const line = profileExportLine(deps.state.get().settings.credentialFormat, profileName);
      await deps.effects.writeClipboard(line);
      deps.notices.add('success', `Copied ${line}`);
      return null;
    },
    setTerminalSettings: async ({ profileNameTemplate, profileStyle }) => {
      const problem = profileNameTemplate === undefined ? undefined : templateProblem(profileNameTemplate);
      if (problem !== undefined) throw new UserFacingError(problem);
      await saveSettings(deps.state, deps.store, {
        ...(profileNameTemplate !== undefined && { profileNameTemplate }),
        ...(profileStyle !== undefined && { profileStyle }),
      });
      return null;
    },
    previewProfiles: ({ id }) => previewProfiles(files, blockInput(id)),
    writeProfiles: async ({ id, fingerprint }) => {
      const result = await writeProfiles(files, blockInput(id), fingerprint);
      if (result.kind === 'written') {
        deps.notices.add('success', `Wrote ${result.total} profiles for ${instanceFor(id).sessionName} to ${files.configFile}.`);
        await refreshActive();
      }
      return result;
    },
  };
  return { handlers, checkActive };
}

async function fileSignature(file: string): Promise<string> {
  try {
    const info = await stat(file);
    return `${info.mtimeMs}:${info.size}`;
  } catch {
    return 'absent';
  }
}
