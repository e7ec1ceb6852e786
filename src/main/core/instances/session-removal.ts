/**
 * Taking an instance's part out of `~/.aws/config` when it is removed: its block of generated profiles
 * and its `[sso-session]` section, unless profiles Rolecall did not generate still use the session (they
 * would break), in which case the section stays and those profiles are named. Every other line stays.
 */
import { removeSection } from '../aws-files/config-editor';
import type { ConfigResult } from '../aws-files/config-model';
import { readConfig } from '../aws-files/config-reader';
import { withoutBlock } from '../aws-files/managed-sections';
import { profileBlockMarkers } from '../profiles/profile-block-plan';

/** The config text after removal, and what was done. */
export interface SessionRemoval {
  readonly text: string;
  /** The `[sso-session]` section was there and is gone. */
  readonly sectionRemoved: boolean;
  /** Profiles outside Rolecall's block that still name the session (so its section was kept). */
  readonly usedBy: readonly string[];
}

/** What `~/.aws/config` says about a session, before anything is removed. */
export function sessionInConfig(text: string, sessionName: string): ConfigResult<{ section: boolean; usedBy: readonly string[] }> {
  const view = readConfig(text);
  if (!view.ok) return view;
  const usedBy = [...view.value.profiles].filter(([, values]) => values.get('sso_session') === sessionName).map(([name]) => name);
  return { ok: true, value: { section: view.value.ssoSessions.has(sessionName), usedBy } };
}

/** Removes the session's generated profiles, then its section if nothing else uses it. */
export function removeSessionFromConfig(text: string, sessionName: string): ConfigResult<SessionRemoval> {
  const withoutProfiles = withoutBlock(text, profileBlockMarkers(sessionName));
  if (!withoutProfiles.ok) return withoutProfiles;
  const found = sessionInConfig(withoutProfiles.value, sessionName);
  if (!found.ok) return found;
  const { section, usedBy } = found.value;
  if (!section || usedBy.length > 0) return { ok: true, value: { text: withoutProfiles.value, sectionRemoved: false, usedBy } };
  const removed = removeSection(withoutProfiles.value, { kind: 'sso-session', name: sessionName });
  if (!removed.ok) return removed;
  return { ok: true, value: { text: removed.value, sectionRemoved: true, usedBy: [] } };
}
