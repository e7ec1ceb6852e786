/**
 * Adding, importing and keeping instances, and what happens around `~/.aws/config` and the state file.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../../tools/emulator/index';
import { createTestCore } from '../core-test-support';
import { waitForStatus } from '../sign-in/sign-in-test-support';
import { createJsonStateFile } from '../persistence/state-file';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

const good = { startUrl: 'https://d-1234567890.awsapps.com/start', region: 'eu-west-1', sessionName: 'acme', tokenStorage: 'aws-cli' as const };

async function homeWithConfig(text: string): Promise<{ root: string; home: string; dataDir: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'rolecall-inst-'));
  const home = path.join(root, 'home');
  await mkdir(path.join(home, '.aws'), { recursive: true });
  await writeFile(path.join(home, '.aws', 'config'), text);
  return { root, home, dataDir: path.join(root, 'data') };
}

describe('adding an instance', () => {
  it('refuses bad input field by field and saves nothing', async () => {
    const { core, dataDir } = await createTestCore();
    const result = await core.handlers.addInstance({ ...good, startUrl: 'http://acme.awsapps.com/start', region: 'mars-1', sessionName: 'a b' });
    expect(result.kind).toBe('invalid');
    expect(Object.keys(result.kind === 'invalid' ? result.errors : {}).sort()).toEqual(['region', 'sessionName', 'startUrl']);
    expect(core.getSnapshot().instances).toEqual([]);
    await expect(readdir(dataDir)).rejects.toThrow();
  });

  it('writes only its [sso-session] section, leaving the rest of ~/.aws/config byte for byte', async () => {
    const original = '# my settings\n[default]\nregion = us-west-2   ; keep\n\n[profile other]\nregion=eu-central-1\n';
    const dirs = await homeWithConfig(original);
    const { core } = await createTestCore({ homedir: dirs.home, env: { HOME: dirs.home }, stateFile: createJsonStateFile(dirs.dataDir) });
    expect((await core.handlers.addInstance(good)).kind).toBe('added');
    expect(await readFile(path.join(dirs.home, '.aws', 'config'), 'utf8')).toBe(
      `${original}\n[sso-session acme]\nsso_start_url = ${good.startUrl}\nsso_region = eu-west-1\nsso_registration_scopes = sso:account:access\n`,
    );
  });

  it('refuses a name whose [sso-session] in ~/.aws/config points elsewhere', async () => {
    const dirs = await homeWithConfig('[sso-session acme]\nsso_start_url = https://other.awsapps.com/start\nsso_region = us-east-1\n');
    const { core } = await createTestCore({ homedir: dirs.home, env: { HOME: dirs.home } });
    const result = await core.handlers.addInstance(good);
    expect(result).toMatchObject({ kind: 'invalid', errors: { sessionName: expect.stringContaining('already has [sso-session acme] for https://other.awsapps.com/start') as string } });
  });

  it('keeps ~/.aws/config untouched when it is not valid INI, and says why', async () => {
    const broken = '[profile dev\nregion = us-east-1\n';
    const dirs = await homeWithConfig(broken);
    const { core } = await createTestCore({ homedir: dirs.home, env: { HOME: dirs.home } });
    expect((await core.handlers.addInstance(good)).kind).toBe('added');
    expect(await readFile(path.join(dirs.home, '.aws', 'config'), 'utf8')).toBe(broken);
    expect(core.getSnapshot().notices.at(-1)?.text).toMatch(/could not add \[sso-session acme\] to .*config: Line 1 /);
  });
});

describe('first run', () => {
  it('offers the sessions and legacy SSO profiles in ~/.aws/config, and imports one with a click', async () => {
    const dirs = await homeWithConfig(
      '[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-2\n\n' +
        '[profile old]\nsso_start_url = https://legacy.awsapps.com/start\nsso_region = eu-west-1\nsso_account_id = 111111111111\nsso_role_name = ReadOnly\n',
    );
    const { core } = await createTestCore({ homedir: dirs.home, env: { AWS_CONFIG_FILE: path.join(dirs.home, '.aws', 'config') } });
    expect(core.getSnapshot().discovered).toEqual([
      { sessionName: 'corp', startUrl: 'https://corp.awsapps.com/start', region: 'us-east-2', source: '[sso-session corp]' },
      { sessionName: 'legacy', startUrl: 'https://legacy.awsapps.com/start', region: 'eu-west-1', source: '[profile old]' },
    ]);
    expect(await core.handlers.importSession({ sessionName: 'corp' })).toMatchObject({ kind: 'added' });
    expect(core.getSnapshot().instances.map((i) => i.sessionName)).toEqual(['corp']);
    expect(core.getSnapshot().discovered.map((d) => d.sessionName)).toEqual(['legacy']);
  });
});

describe('persistence', () => {
  it('keeps instances across restarts', async () => {
    const first = await createTestCore();
    await first.core.handlers.addInstance(good);
    const second = await createTestCore({ homedir: first.home, env: { HOME: first.home }, stateFile: createJsonStateFile(first.dataDir) });
    expect(second.core.getSnapshot().instances.map((i) => i.sessionName)).toEqual(['acme']);
  });

  it('moves a corrupt state file aside with a message instead of crashing', async () => {
    const dirs = await homeWithConfig('');
    await mkdir(dirs.dataDir, { recursive: true });
    await writeFile(path.join(dirs.dataDir, 'config.json'), '{"version": 1, "instances": [tru');
    const { core } = await createTestCore({ homedir: dirs.home, env: { HOME: dirs.home }, stateFile: createJsonStateFile(dirs.dataDir) });
    expect(core.getSnapshot().notices[0]?.text).toMatch(/settings file could not be read, so it was moved to .*config\.json\.corrupt-/);
    const files = await readdir(dirs.dataDir);
    expect(files.some((f) => f.startsWith('config.json.corrupt-'))).toBe(true);
  });
});

describe('keychain-only mode', () => {
  it('keeps the token out of ~/.aws and, with no keychain, in memory only', async () => {
    emulator = await startEmulator({ autoApprove: true });
    const { core, home } = await createTestCore({ env: emulator.env, loopbackOrigins: [emulator.url] });
    const added = await core.handlers.addInstance({ startUrl: emulator.startUrl, region: 'us-east-1', sessionName: 'vault', tokenStorage: 'keychain' });
    if (added.kind !== 'added') throw new Error('not added');
    expect(core.getSnapshot().instances[0]?.memoryOnly).toBe(true);
    await core.handlers.setSignInMethod({ id: added.id, method: 'device' });
    await core.handlers.signIn({ id: added.id });
    await waitForStatus({ core, instanceId: added.id }, 'signedIn');
    await expect(readdir(path.join(home, '.aws'))).rejects.toThrow();
    core.dispose();
  });
});
