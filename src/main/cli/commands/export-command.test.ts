import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../../tools/emulator/index';
import { exportFormats, formatCredentials } from '../../core/actions/export-formats';
import { cliFixture } from '../cli-fixture.test-support';
import { createCliWorld, type CliWorld } from '../cli-test-support';

let emulator: RunningEmulator;
let world: CliWorld;

beforeAll(async () => {
  emulator = await startEmulator({ fixture: cliFixture });
  world = await createCliWorld(emulator);
  const instance = await world.addInstance('acme', { accountPrefs: {} });
  await world.signIn(instance);
  // The app's alias for payments-prod, and a listed account cache (the first command lists it).
  const state = { version: 1 as const, instances: [instance], accountPrefs: { [instance.id]: { '222222222222': { alias: 'pay' } } } };
  await world.writeState(state);
});
afterAll(() => emulator.close());

describe('rolecall export', () => {
  it('prints every format byte for byte as the app formats it, reusing cached credentials', async () => {
    const processRun = await world.run(['export', 'payments-prod', 'AdministratorAccess', '--format', 'process']);
    expect(processRun.code).toBe(0);
    const json = JSON.parse(processRun.stdout) as Record<string, string>;
    const credentials = {
      accessKeyId: json['AccessKeyId'] ?? '',
      secretAccessKey: json['SecretAccessKey'] ?? '',
      sessionToken: json['SessionToken'] ?? '',
      expiration: Date.parse(json['Expiration'] ?? ''),
    };
    emulator.resetStats();
    for (const format of exportFormats) {
      const run = await world.run(['export', '222222222222', 'AdministratorAccess', '-f', format]);
      expect(run).toEqual({ code: 0, stdout: formatCredentials(credentials, format, emulator.region), stderr: '' });
    }
    expect(emulator.stats()['GetRoleCredentials']).toBeUndefined();
    const env = await world.run(['export', 'pay', 'AdministratorAccess']);
    expect(env.stdout.split('\n').map((line) => line.split('=')[0])).toEqual([
      'export AWS_ACCESS_KEY_ID',
      'export AWS_SECRET_ACCESS_KEY',
      'export AWS_SESSION_TOKEN',
      'export AWS_CREDENTIAL_EXPIRATION',
      'export AWS_REGION',
      'export AWS_DEFAULT_REGION',
      '',
    ]);
    expect((await world.run(['export', 'pay', 'AdministratorAccess', '--region', 'eu-west-1'])).stdout).toContain('export AWS_REGION=eu-west-1\n');
  });

  it('takes an id, a name or an alias in any case, and the role in any case', async () => {
    for (const [account, role] of [['PAYMENTS-PROD', 'readonlyaccess'], ['Pay', 'ReadOnlyAccess'], ['222222222222', 'ReadOnlyAccess']] as const) {
      const run = await world.run(['export', account, role, '--format', 'env-no-export']);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^AWS_ACCESS_KEY_ID=ASIA/);
    }
  });

  it('lists the candidates of an ambiguous name and exits 3', async () => {
    const run = await world.run(['export', 'shared', 'ReadOnlyAccess']);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'rolecall: "shared" names 2 accounts. Use an account id:\n  444444444444  shared\n  555555555555  shared\n',
    );
  });

  it('suggests accounts for a partial name, and lists the roles of an account without the role; exit 3', async () => {
    const partial = await world.run(['export', 'payments', 'ReadOnlyAccess']);
    expect(partial.code).toBe(3);
    expect(partial.stderr).toContain('No account has the id, name or alias "payments".\nDid you mean:\n');
    expect(partial.stderr).toMatch(/222222222222\s+payments-prod\s+alias pay\n/);
    expect(partial.stderr).toMatch(/333333333333\s+payments-staging\n/);
    const role = await world.run(['export', 'payments-staging', 'AdministratorAccess']);
    expect(role).toEqual({ code: 3, stdout: '', stderr: 'rolecall: payments-staging (333333333333) has no role "AdministratorAccess". Its roles: ReadOnlyAccess.\n' });
  });

  it('says when AWS refuses the role (exit 1), and refuses an unknown format (exit 2)', async () => {
    const denied = await world.run(['export', '999999999999', 'AdministratorAccess']);
    expect(denied.code).toBe(1);
    expect(denied.stderr).toBe(
      'rolecall: You no longer have access to AdministratorAccess in 999999999999. Run "rolecall accounts --refresh", or ask your administrator for access.\n',
    );
    const format = await world.run(['export', 'pay', 'AdministratorAccess', '--format', 'yaml']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('"yaml" is not a format.');
  });
});
