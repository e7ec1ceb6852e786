/**
 * "Generate profiles for all": one profile per account and role in one marked block per instance,
 * re-generated in place, with a preview of what changes.
 */
import type { ConfigValues } from '../aws-files/config-model';
import { readConfig } from '../aws-files/config-reader';
import { blockText, lineEndingOf, replaceBlock, withoutBlock, type BlockMarkers } from '../aws-files/managed-sections';
import type { ProfileChange, ProfilesPreview } from '../../../shared/profiles';
import { isEquivalent, pointsAt, profileEntries, type ProfileInstance, type ProfileStyle } from './profile-entries';
import { profileName, uniqueProfileNames, type ProfileNameParts } from './profile-names';

/** An account as the generator sees it; `roles` is `undefined` when they could not be read. */
export interface GeneratorAccount {
  readonly accountId: string;
  readonly accountName: string;
  readonly alias?: string | undefined;
  readonly roles: readonly string[] | undefined;
  readonly region: string;
}

/** What to generate. */
export interface BlockPlanInput {
  readonly style: ProfileStyle;
  readonly instance: ProfileInstance;
  readonly template: string;
  readonly accounts: readonly GeneratorAccount[];
}

/** The new file text and what changes, or why not. */
export type BlockPlan = { readonly ok: true; readonly text: string; readonly preview: ProfilesPreview } | { readonly ok: false; readonly reason: string };

interface Generated {
  readonly name: string;
  readonly accountId: string;
  readonly accountName: string;
  readonly roleName: string;
  readonly entries: Record<string, string>;
}

/** The BEGIN and END lines of an instance's block. */
export function profileBlockMarkers(sessionName: string): BlockMarkers {
  return {
    begin: `# BEGIN Rolecall profiles for ${sessionName}: generated, Rolecall rewrites every line up to the END line.`,
    end: `# END Rolecall profiles for ${sessionName}`,
  };
}

/** Plans the block for every account and role of an instance. */
export function planProfileBlock(text: string, input: BlockPlanInput): BlockPlan {
  const markers = profileBlockMarkers(input.instance.sessionName);
  const inside = blockText(text, markers);
  if (!inside.ok) return { ok: false, reason: inside.error.message };
  const outsideText = withoutBlock(text, markers);
  const outside = outsideText.ok ? readConfig(outsideText.value) : outsideText;
  const old = readConfig(inside.value ?? '');
  if (!outside.ok) return { ok: false, reason: outside.error.message };
  if (!old.ok) return { ok: false, reason: old.error.message };

  const oldProfiles = old.value.profiles;
  const { generated, skipped } = generate(input, outside.value.profiles, oldProfiles);
  const eol = lineEndingOf(text);
  const body = generated.flatMap((profile, index) => [
    ...(index === 0 ? [] : ['']),
    `[profile ${profile.name}]`,
    ...Object.entries(profile.entries).map(([key, value]) => `${key} = ${value}`),
  ]);
  const next = replaceBlock(text, markers, body);
  if (!next.ok) return { ok: false, reason: next.error.message };
  return {
    ok: true,
    text: next.value,
    preview: { ...diff(oldProfiles, generated, input), skipped, total: generated.length, blockText: body.join(eol) },
  };
}

function generate(
  input: BlockPlanInput,
  outside: ReadonlyMap<string, ConfigValues>,
  oldProfiles: ReadonlyMap<string, ConfigValues>,
): { generated: Generated[]; skipped: ProfileChange[] } {
  const { style, instance, template } = input;
  const skipped: ProfileChange[] = [];
  const items: (ProfileNameParts & { region: string })[] = [];
  const kept: Generated[] = [];
  for (const account of input.accounts) {
    if (account.roles === undefined) {
      // Roles that could not be read are not known to be gone: their profiles stay as they were.
      kept.push(...keptProfiles(oldProfiles, instance, account));
      continue;
    }
    for (const roleName of account.roles) {
      const parts = { ...account, roleName, sessionName: instance.sessionName };
      const target = { accountId: account.accountId, roleName, region: account.region };
      const base = profileName(template, parts);
      if (isEquivalent(outside.get(base), style, instance, target)) {
        skipped.push({ name: base, accountId: account.accountId, accountName: account.accountName, roleName });
      } else {
        items.push({ ...parts, region: account.region });
      }
    }
  }
  const taken = new Set([...outside.keys(), ...kept.map((profile) => profile.name)]);
  const names = uniqueProfileNames(template, items, taken);
  const generated = items.map((item) => ({
    name: names.get(item) ?? profileName(template, item),
    accountId: item.accountId,
    accountName: item.accountName,
    roleName: item.roleName,
    entries: profileEntries(style, instance, { accountId: item.accountId, roleName: item.roleName, region: item.region }),
  }));
  const all = [...generated, ...kept];
  all.sort((a, b) => a.accountName.localeCompare(b.accountName) || a.accountId.localeCompare(b.accountId) || a.roleName.localeCompare(b.roleName));
  return { generated: all, skipped };
}

function keptProfiles(oldProfiles: ReadonlyMap<string, ConfigValues>, instance: ProfileInstance, account: GeneratorAccount): Generated[] {
  const kept: Generated[] = [];
  for (const [name, values] of oldProfiles) {
    const target = pointsAt(values, instance);
    if (target?.accountId !== account.accountId) continue;
    kept.push({ name, accountId: account.accountId, accountName: account.accountName, roleName: target.roleName, entries: Object.fromEntries(values) });
  }
  return kept;
}

function diff(
  oldProfiles: ReadonlyMap<string, ConfigValues>,
  generated: readonly Generated[],
  input: BlockPlanInput,
): Pick<ProfilesPreview, 'added' | 'removed' | 'renamed' | 'changed' | 'unchanged'> {
  const key = (accountId: string, roleName: string): string => `${accountId}/${roleName}`;
  const newNames = new Set(generated.map((profile) => profile.name));
  const oldByTarget = new Map<string, string>();
  for (const [name, values] of oldProfiles) {
    const target = pointsAt(values, input.instance) ?? { accountId: values.get('sso_account_id') ?? '', roleName: values.get('sso_role_name') ?? '' };
    oldByTarget.set(key(target.accountId, target.roleName), name);
  }
  const change = (profile: Generated): ProfileChange => ({ name: profile.name, accountId: profile.accountId, accountName: profile.accountName, roleName: profile.roleName });
  const result = { added: [] as ProfileChange[], removed: [] as ProfileChange[], renamed: [] as (ProfileChange & { from: string })[], changed: [] as ProfileChange[], unchanged: 0 };
  const matched = new Set<string>();
  for (const profile of generated) {
    const oldValues = oldProfiles.get(profile.name);
    const previousName = oldByTarget.get(key(profile.accountId, profile.roleName));
    if (oldValues !== undefined) {
      matched.add(profile.name);
      if (sameEntries(oldValues, profile.entries)) result.unchanged += 1;
      else result.changed.push(change(profile));
    } else if (previousName !== undefined && !newNames.has(previousName)) {
      matched.add(previousName);
      result.renamed.push({ ...change(profile), from: previousName });
    } else {
      result.added.push(change(profile));
    }
  }
  for (const [name, values] of oldProfiles) {
    if (matched.has(name)) continue;
    result.removed.push({ name, accountId: values.get('sso_account_id') ?? '', accountName: '', roleName: values.get('sso_role_name') ?? '' });
  }
  return result;
}

function sameEntries(values: ConfigValues, entries: Readonly<Record<string, string>>): boolean {
  return values.size === Object.keys(entries).length && Object.entries(entries).every(([k, v]) => values.get(k) === v);
}
