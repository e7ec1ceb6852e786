// Test support: the JS SDK's own INI reader as an oracle for the config editor.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSharedConfigFiles } from '@smithy/core/config';
import type { ConfigView, SectionRef } from './config-model';

/** A section as the SDK's `configFile` object has it. */
export type SdkSections = Record<string, Record<string, string>>;

/** A scratch directory where the SDK can read config text from a file. */
export interface SdkOracle {
  read(text: string): Promise<SdkSections>;
  dispose(): Promise<void>;
}

/** Creates a scratch directory and returns a reader that runs `loadSharedConfigFiles` on given text. */
export async function createSdkOracle(): Promise<SdkOracle> {
  const dir = await mkdtemp(join(tmpdir(), 'rolecall-ini-oracle-'));
  const configFilepath = join(dir, 'config');
  return {
    async read(text: string): Promise<SdkSections> {
      await writeFile(configFilepath, text);
      const files = await loadSharedConfigFiles({ configFilepath, filepath: join(dir, 'none'), ignoreCache: true });
      // Copy into plain objects so that `toEqual` compares values only.
      return JSON.parse(JSON.stringify(files.configFile)) as SdkSections;
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

/** The key the SDK's `configFile` uses for a section. */
export function sdkKeyOf(ref: SectionRef): string {
  switch (ref.kind) {
    case 'default':
      return 'default';
    case 'profile':
      return ref.name === 'default' ? 'default' : ref.name;
    case 'sso-session':
    case 'services':
      return `${ref.kind}.${ref.name}`;
  }
}

/** Converts our reading to the SDK's `configFile` shape. */
export function toSdkShape(view: ConfigView): SdkSections {
  const out: SdkSections = {};
  const add = (key: string, values: ReadonlyMap<string, string>): void => {
    out[key] = Object.fromEntries(values);
  };
  for (const [name, values] of view.profiles) add(name, values);
  for (const [name, values] of view.ssoSessions) add(`sso-session.${name}`, values);
  for (const [name, values] of view.services) add(`services.${name}`, values);
  return out;
}
