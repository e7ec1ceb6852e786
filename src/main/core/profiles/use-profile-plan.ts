/**
 * "Use in terminal", planned on the text of `~/.aws/config`: a named profile for the account and role,
 * and `[default]` pointing at the same, with every other line left byte for byte.
 */
import { removeKeys, setSection } from '../aws-files/config-editor';
import { setSessionSection } from '../instances/config-sessions';
import type { ConfigResult, SectionRef } from '../aws-files/config-model';
import { readConfig } from '../aws-files/config-reader';
import { isManagedSection, markSection, sectionText } from '../aws-files/managed-sections';
import { isEquivalent, profileEntries, staleSourceKeys, type ProfileInstance, type ProfileStyle, type ProfileTarget } from './profile-entries';

/** What "Use in terminal" is asked to do. */
export interface UseProfileInput {
  readonly style: ProfileStyle;
  readonly instance: ProfileInstance;
  readonly target: ProfileTarget;
  readonly profileName: string;
  /** The person confirmed replacing a `[default]` Rolecall did not write. */
  readonly replaceDefault: boolean;
}

/** The planned change, or why it needs the person first, or why it cannot be made. */
export type UseProfilePlan =
  | { readonly kind: 'write'; readonly text: string; readonly replacesForeignDefault: boolean }
  | { readonly kind: 'confirm-default'; readonly current: string }
  | { readonly kind: 'refused'; readonly reason: string };

const DEFAULT: SectionRef = { kind: 'default' };

/** Plans "Use in terminal" on the config text. */
export function planUseProfile(text: string, input: UseProfileInput): UseProfilePlan {
  const view = readConfig(text);
  if (!view.ok) return refused(view.error.message);
  const { style, instance, target, profileName } = input;
  const named: SectionRef = { kind: 'profile', name: profileName };
  const entries = profileEntries(style, instance, target);
  let next = text;

  const session = ensureSession(next, style, instance, view.value.ssoSessions.has(instance.sessionName));
  if (!session.ok) return refused(session.error.message);
  next = session.value;

  const namedValues = view.value.profiles.get(profileName);
  const namedManaged = isManagedSection(next, named);
  if (!namedManaged.ok) return refused(namedManaged.error.message);
  if (namedValues !== undefined && !namedManaged.value && !isEquivalent(namedValues, style, instance, target)) {
    return refused(
      `A profile named ${profileName} already exists in the AWS config file and signs in to something else. Change the profile name template in Rolecall's terminal settings, or rename that profile.`,
    );
  }
  if (namedValues === undefined || namedManaged.value) {
    const written = writeManaged(next, named, entries, namedValues);
    if (!written.ok) return refused(written.error.message);
    next = written.value;
  }

  const defaultValues = view.value.profiles.get('default');
  const defaultManaged = isManagedSection(next, DEFAULT);
  if (!defaultManaged.ok) return refused(defaultManaged.error.message);
  const foreign = defaultValues !== undefined && !defaultManaged.value;
  if (foreign && isEquivalent(defaultValues, style, instance, target)) {
    return { kind: 'write', text: next, replacesForeignDefault: false };
  }
  if (foreign && !input.replaceDefault) {
    const current = sectionText(text, DEFAULT);
    return current.ok ? { kind: 'confirm-default', current: current.value ?? '' } : refused(current.error.message);
  }
  const written = writeManaged(next, DEFAULT, entries, defaultValues);
  if (!written.ok) return refused(written.error.message);
  return { kind: 'write', text: written.value, replacesForeignDefault: foreign };
}

/**
 * Points a section at the account and role and marks it as Rolecall's: credential settings it does not
 * write go, its own are set in place, and everything else in it (output, cli_pager, comments) stays.
 */
export function writeManaged(
  text: string,
  ref: SectionRef,
  entries: Readonly<Record<string, string>>,
  current: ReadonlyMap<string, string> | undefined,
): ConfigResult<string> {
  const cleaned = removeKeys(text, ref, staleSourceKeys(current, entries));
  if (!cleaned.ok) return cleaned;
  const set = setSection(cleaned.value, ref, entries);
  return set.ok ? markSection(set.value, ref) : set;
}

// sso-session profiles need the instance's [sso-session]; Rolecall writes it when the instance is added,
// but the person may have removed it since.
function ensureSession(text: string, style: ProfileStyle, instance: ProfileInstance, present: boolean): ConfigResult<string> {
  if (style !== 'sso-session' || present) return { ok: true, value: text };
  return setSessionSection(text, instance);
}

function refused(reason: string): UseProfilePlan {
  return { kind: 'refused', reason };
}
