/**
 * AWS CLI profiles on disk: "Use in terminal", "Generate profiles for all" with its preview, the
 * active default, and the start-URL token file that legacy profiles read. Shared by the app and the
 * `rolecall` command.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ActiveProfile, ProfilesPreview, UseProfileResult, WriteProfilesResult } from '../../../shared/profiles';
import { existingFileMode, isNotFound, writeFileAtomic } from '../aws-files/atomic-write';
import { ssoTokenFileName } from '../aws-files/aws-paths';
import { readConfigFile, writeConfigFile } from '../aws-files/config-file';
import { readConfig } from '../aws-files/config-reader';
import { UserFacingError } from '../user-facing-error';
import { planProfileBlock, type BlockPlanInput } from './profile-block-plan';
import { pointsAt, type ProfileInstance, type ProfileStyle } from './profile-entries';
import { profileName, type ProfileNameParts } from './profile-names';
import { planUseProfile } from './use-profile-plan';

/** Where the files are. */
export interface ProfileFiles {
  readonly configFile: string;
  readonly ssoCacheDir: string;
  /** Epoch ms, for the backup's name. */
  readonly now: () => number;
}

/** "Use in terminal" for one account and role. */
export interface UseProfileRequest {
  readonly style: ProfileStyle;
  readonly template: string;
  readonly instance: ProfileInstance;
  readonly account: Omit<ProfileNameParts, 'roleName' | 'sessionName'>;
  readonly roleName: string;
  /** The region the profile's tools use. */
  readonly region: string;
  readonly replaceDefault: boolean;
}

/**
 * Writes the named profile and points `[default]` at it; asks first (returns `confirm-default`) when
 * `[default]` is not Rolecall's, and keeps a backup of the whole file before replacing it.
 */
export async function useProfile(files: ProfileFiles, request: UseProfileRequest): Promise<UseProfileResult> {
  const text = await readConfigText(files.configFile);
  const name = profileName(request.template, { ...request.account, roleName: request.roleName, sessionName: request.instance.sessionName });
  const plan = planUseProfile(text, {
    style: request.style,
    instance: request.instance,
    target: { accountId: request.account.accountId, roleName: request.roleName, region: request.region },
    profileName: name,
    replaceDefault: request.replaceDefault,
  });
  switch (plan.kind) {
    case 'refused':
      throw new UserFacingError(`${plan.reason} Nothing was changed in ${files.configFile}.`);
    case 'confirm-default':
      return { kind: 'confirm-default', current: plan.current, configFile: files.configFile };
    case 'write': {
      const backupFile = plan.replacesForeignDefault ? await backUp(files, text) : undefined;
      if (plan.text !== text) await writeConfigFile(files.configFile, plan.text);
      if (request.style === 'legacy') await mirrorLegacyToken(files.ssoCacheDir, request.instance);
      return backupFile === undefined ? { kind: 'done', profileName: name } : { kind: 'done', profileName: name, backupFile };
    }
  }
}

/** What generating the instance's block would change; nothing is written. */
export async function previewProfiles(files: ProfileFiles, input: BlockPlanInput): Promise<ProfilesPreview> {
  const text = await readConfigText(files.configFile);
  const plan = planProfileBlock(text, input);
  if (!plan.ok) throw new UserFacingError(`${plan.reason} Nothing was changed in ${files.configFile}.`);
  return { ...plan.preview, fingerprint: fingerprint(text), configFile: files.configFile };
}

/** Writes the instance's block, unless the file changed since the preview named by `expected`. */
export async function writeProfiles(files: ProfileFiles, input: BlockPlanInput, expected: string): Promise<WriteProfilesResult> {
  const text = await readConfigText(files.configFile);
  if (fingerprint(text) !== expected) return { kind: 'stale' };
  const plan = planProfileBlock(text, input);
  if (!plan.ok) throw new UserFacingError(`${plan.reason} Nothing was changed in ${files.configFile}.`);
  if (plan.text !== text) await writeConfigFile(files.configFile, plan.text);
  if (input.style === 'legacy') await mirrorLegacyToken(files.ssoCacheDir, input.instance);
  return { kind: 'written', total: plan.preview.total };
}

/**
 * The account and role `[default]` signs in to, if it is one of these instances', with the named profile
 * `preferred` when that one points at the same account and role.
 */
export async function activeProfile(
  configFile: string,
  instances: readonly (ProfileInstance & { readonly id: string })[],
  preferred: string | undefined,
): Promise<ActiveProfile | null> {
  const read = await readConfigFile(configFile);
  if (read.kind !== 'ok') return null;
  const view = readConfig(read.text);
  if (!view.ok) return null;
  for (const instance of instances) {
    const target = pointsAt(view.value.profiles.get('default'), instance);
    if (target === undefined) continue;
    const named = preferred === undefined ? undefined : pointsAt(view.value.profiles.get(preferred), instance);
    const same = named?.accountId === target.accountId && named.roleName === target.roleName;
    return same && preferred !== undefined ? { instanceId: instance.id, ...target, profileName: preferred } : { instanceId: instance.id, ...target };
  }
  return null;
}

/**
 * Copies the instance's token file to the file legacy profiles read (named by the start URL), so tools
 * that predate `[sso-session]` find the same sign-in. Nothing happens while signed out.
 */
export async function mirrorLegacyToken(ssoCacheDir: string, instance: ProfileInstance): Promise<void> {
  const from = path.join(ssoCacheDir, ssoTokenFileName(instance.sessionName));
  const to = path.join(ssoCacheDir, ssoTokenFileName(instance.startUrl));
  let token: Uint8Array;
  try {
    token = await readFile(from);
  } catch (error: unknown) {
    if (isNotFound(error)) return;
    throw error;
  }
  await writeFileAtomic(to, token);
}

/** A short hash of the file text, so a write can tell the file changed since its preview. */
export function fingerprint(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

async function readConfigText(configFile: string): Promise<string> {
  const read = await readConfigFile(configFile);
  if (read.kind === 'unreadable') throw new UserFacingError(`${read.reason} Nothing was changed.`);
  return read.kind === 'ok' ? read.text : '';
}

// The whole file, as it was read for this change, beside it: `config.rolecall-backup-20261121T101500Z`,
// with the file's mode.
async function backUp(files: ProfileFiles, text: string): Promise<string> {
  const stamp = new Date(files.now()).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const backupFile = `${files.configFile}.rolecall-backup-${stamp}`;
  await writeFileAtomic(backupFile, text, { mode: (await existingFileMode(files.configFile)) ?? 0o600 });
  return backupFile;
}
