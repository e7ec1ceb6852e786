import { useEffect, useId, useState } from 'react';
import type { BrowserChoice, FoundBrowser, RequestedBrowserChoice } from '../../shared/browser-choice';
import type { InstanceSummary } from '../../shared/snapshot';
import { useRendererApi } from '../app-context';

const SYSTEM = 'system';
const PROGRAM = 'program';
const CHOOSE_PROGRAM = 'choose-program';

/** The select's value for a choice: `system`, `installed:<id>`, `installed:<id>:<profile>` or `program`. */
function valueOf(choice: BrowserChoice): string {
  if (choice.kind === 'system') return SYSTEM;
  if (choice.kind === 'executable') return PROGRAM;
  return choice.profile === undefined ? `installed:${choice.id}` : `installed:${choice.id}:${choice.profile}`;
}

function choiceOf(value: string, browsers: readonly FoundBrowser[]): RequestedBrowserChoice | undefined {
  if (value === SYSTEM) return { kind: 'system' };
  const [, id, ...rest] = value.split(':');
  const browser = browsers.find((b) => b.id === id);
  if (browser === undefined) return undefined;
  const profile = rest.join(':');
  return profile === '' ? { kind: 'installed', id: browser.id } : { kind: 'installed', id: browser.id, profile };
}

/** The last part of a program's path, for its option's label. */
function programName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).at(-1) ?? path;
}

/** Which browser opens this instance's sign-in pages and consoles: the system's, a found one (in a profile), or a program. */
export function BrowserPicker({ instance }: { readonly instance: InstanceSummary }) {
  const api = useRendererApi();
  const id = useId();
  const [browsers, setBrowsers] = useState<readonly FoundBrowser[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = (): void => {
    void api.listBrowsers().then((result) => result.ok && setBrowsers(result.value));
  };
  useEffect(load, [api]);

  const change = async (value: string): Promise<void> => {
    setError(null);
    if (value === CHOOSE_PROGRAM) {
      const result = await api.chooseBrowserProgram({ id: instance.id });
      if (!result.ok) setError(result.error.message);
      return;
    }
    const browser = choiceOf(value, browsers);
    if (browser === undefined) return;
    const result = await api.setBrowser({ id: instance.id, browser });
    if (!result.ok) setError(result.error.message);
  };

  const current = instance.browser;
  return (
    <div className="browser-picker">
      <label htmlFor={id}>Opens in</label>
      <select id={id} value={valueOf(current)} onFocus={load} onChange={(e) => void change(e.target.value)} aria-describedby={error === null ? undefined : `${id}-error`}>
        <option value={SYSTEM}>System default browser</option>
        {browsers.map((browser) => [
          <option key={browser.id} value={`installed:${browser.id}`}>
            {browser.name}
          </option>,
          ...browser.profiles.map((profile) => (
            <option key={`${browser.id}:${profile.directory}`} value={`installed:${browser.id}:${profile.directory}`}>
              {browser.name} — {profile.name}
            </option>
          )),
        ])}
        {current.kind === 'installed' && !browsers.some((b) => b.id === current.id) && <option value={valueOf(current)}>{current.id} (not found)</option>}
        {current.kind === 'executable' && <option value={PROGRAM}>{programName(current.path)}</option>}
        <option value={CHOOSE_PROGRAM}>Another program…</option>
      </select>
      {error !== null && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
