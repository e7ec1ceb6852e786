/**
 * The command that opens a URL in the browser an instance chose: the program and its arguments, never a
 * shell line, so the URL and the profile are one argument each whatever they hold.
 */
import type { BrowserChoice } from '../../../shared/browser-choice';
import type { BrowserProgram } from '../../effects/effects';
import type { InstalledBrowser } from './browser-catalog';

/** A program to start, or the desktop's default browser. */
export type BrowserLaunch = { readonly kind: 'system' } | ({ readonly kind: 'program' } & BrowserProgram);

/** How to open `url` under `choice`; a chosen browser no longer installed falls back to the system default. */
export function browserLaunch(choice: BrowserChoice, installed: readonly InstalledBrowser[], url: string): BrowserLaunch {
  if (choice.kind === 'system') return { kind: 'system' };
  if (choice.kind === 'executable') return { kind: 'program', command: choice.path, args: [url], name: choice.path };
  const browser = installed.find((b) => b.id === choice.id);
  if (browser === undefined) return { kind: 'system' };
  const name = choice.profile === undefined ? browser.name : `${browser.name} (${profileName(browser, choice.profile)})`;
  return { kind: 'program', command: browser.executable, args: profileArgs(browser, choice.profile, url), name };
}

function profileName(browser: InstalledBrowser, profile: string): string {
  return browser.profiles.find((p) => p.directory === profile)?.name ?? profile;
}

function profileArgs(browser: InstalledBrowser, profile: string | undefined, url: string): string[] {
  if (profile === undefined) return [url];
  // Chromium browsers take the profile's folder as one `--profile-directory=` argument; Firefox a name after -P.
  return browser.family === 'chromium' ? [`--profile-directory=${profile}`, url] : ['-P', profile, '-new-tab', url];
}
