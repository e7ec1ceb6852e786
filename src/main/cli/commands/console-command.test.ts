import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../../tools/emulator/index';
import { cliFixture } from '../cli-fixture.test-support';
import { createCliWorld, type CliWorld } from '../cli-test-support';

let emulator: RunningEmulator;
let world: CliWorld;

beforeAll(async () => {
  emulator = await startEmulator({ fixture: cliFixture });
  world = await createCliWorld(emulator);
  await world.signIn(await world.addInstance('acme'));
});
afterAll(() => emulator.close());

describe('rolecall console', () => {
  it('prints a federation login URL that signs a browser in to the chosen destination', async () => {
    const run = await world.run(['console', 'payments-prod', 'ReadOnlyAccess', '--print', '--destination', 's3', '--region', 'eu-west-1']);
    expect(run.code).toBe(0);
    const url = new URL(run.stdout.trim());
    expect(`${url.origin}${url.pathname}`).toBe(`${emulator.url}/federation`);
    expect(url.searchParams.get('Action')).toBe('login');
    expect(url.searchParams.get('Destination')).toBe('https://eu-west-1.console.aws.amazon.com/s3/home?region=eu-west-1');
    expect(url.searchParams.get('Issuer')).toBe(emulator.startUrl);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(emulator.consoleLogins()).toMatchObject([{ accountId: '222222222222', roleName: 'ReadOnlyAccess' }]);
    expect(world.opened).toEqual([]);
  });

  it('opens the URL in the browser without --print, and prints no secret', async () => {
    const run = await world.run(['console', 'management', 'AdministratorAccess', '--destination', '/rds/home']);
    expect(run).toEqual({ code: 0, stdout: 'Opened the AWS console for management as AdministratorAccess in your browser.\n', stderr: '' });
    const [opened] = world.opened;
    expect(new URL(opened ?? '').searchParams.get('Destination')).toBe(`https://${emulator.region}.console.aws.amazon.com/rds/home`);
  });

  it('refuses a destination that is neither a service nor a path, and a bad region (exit 2)', async () => {
    expect((await world.run(['console', 'management', 'AdministratorAccess', '-d', 'https://evil.example'])).code).toBe(2);
    expect((await world.run(['console', 'management', 'AdministratorAccess', '--region', 'mars-1'])).code).toBe(2);
  });
});
