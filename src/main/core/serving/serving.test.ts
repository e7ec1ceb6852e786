/**
 * "Serve to containers" and "Keep in ~/.aws/credentials" as the window runs them, through the core's
 * handlers against the emulator with the real SDK clients: what the snapshot lists (and never: the
 * endpoint's token, the credentials), the endpoint's answers, the JS SDK reading the kept section,
 * renewal under a fake clock, and everything stopped or taken out at sign-out, removal and quit.
 */
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fromContainerMetadata, fromIni } from '@aws-sdk/credential-providers';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServedRole } from '../../../shared/serving';
import { createFakeClock, type FakeClock } from '../discovery/fake-clock.test-support';
import { startSignInRig, waitForStatus, type SignInRig } from '../sign-in/sign-in-test-support';

const ACCOUNT = '111122223333';
const ROLE = 'AdministratorAccess';
const PERSON = '# my own keys\r\n[default]\r\naws_access_key_id = AKIAPERSONAL ; mine\r\naws_secret_access_key = personal-secret\r\n\r\n[payments-prod-ReadOnly]\r\naws_access_key_id=AKIAMINE\r\n';

let rig: SignInRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

interface World {
  readonly rig: SignInRig;
  readonly clock: FakeClock;
  readonly file: string;
  readonly role: { id: string; accountId: string; roleName: string };
}

async function signedIn(): Promise<World> {
  const clock = createFakeClock(Date.now());
  const root = path.join((await import('node:os')).tmpdir(), `rolecall-serving-${process.pid}-${Math.random().toString(36).slice(2)}`);
  await mkdir(root, { recursive: true });
  const file = path.join(root, 'credentials');
  const r = await startSignInRig(
    { autoApprove: true, accessTokenTtl: 7200, fixture: { accounts: [{ id: ACCOUNT, name: 'payments-prod', roles: [ROLE, 'ReadOnly'] }] } },
    { now: clock.now, warningClock: clock, env: { AWS_SHARED_CREDENTIALS_FILE: file } },
  );
  rig = r;
  await r.core.handlers.signIn({ id: r.instanceId });
  await waitForStatus(r, 'signedIn');
  // The window offers these actions on a listed account: wait for the list, so the account has its name.
  await expect.poll(async () => (await r.core.handlers.getAccounts({ id: r.instanceId })).accounts.some((a) => a.accountName === 'payments-prod')).toBe(true);
  return { rig: r, clock, file, role: { id: r.instanceId, accountId: ACCOUNT, roleName: ROLE } };
}

const served = (r: SignInRig): readonly ServedRole[] => r.core.getSnapshot().served;
const lastClipboard = (r: SignInRig): string => {
  const copied = r.effects.filter((e) => e.kind === 'clipboard').at(-1);
  return copied?.kind === 'clipboard' ? copied.text : '';
};
const lastNotice = (r: SignInRig): string => r.core.getSnapshot().notices.at(-1)?.text ?? '';
const sectionKey = async (file: string, name: string): Promise<string> => new RegExp(`\\[${name}\\]\\r?\\n[^\\n]*\\naws_access_key_id = (\\S+)`).exec(await readFile(file, 'utf8'))?.[1] ?? '';

describe('Serve to containers', () => {
  it('starts an endpoint the JS SDK’s container provider reads with the token from the copied lines; the snapshot shows the URL, never the token', async () => {
    const { rig: r, role } = await signedIn();
    await r.core.handlers.serveToContainers(role);
    const lines = lastClipboard(r);
    const url = /^export AWS_CONTAINER_CREDENTIALS_FULL_URI=(http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(lines)?.[1] ?? '';
    const token = /^export AWS_CONTAINER_AUTHORIZATION_TOKEN=(\S+)$/m.exec(lines)?.[1] ?? '';
    expect(url).not.toBe('');
    expect(token.length).toBeGreaterThan(30);
    const [entry] = served(r);
    expect(entry).toMatchObject({ kind: 'container', url, accountId: ACCOUNT, accountName: 'payments-prod', roleName: ROLE, key: `container:${new URL(url).port}` });
    expect(entry?.until).toBeGreaterThan(Date.now() + 50 * 60_000);
    expect(JSON.stringify(r.core.getSnapshot())).not.toContain(token);
    expect(lastNotice(r)).toMatch(/^Serving payments-prod as AdministratorAccess to containers at http:\/\/127\.0\.0\.1:\d+\/, credentials until .+ The two export lines are on the clipboard\. For Docker on this host: docker run --network host /);

    process.env['AWS_CONTAINER_CREDENTIALS_FULL_URI'] = url;
    process.env['AWS_CONTAINER_AUTHORIZATION_TOKEN'] = token;
    try {
      const credentials = await fromContainerMetadata({ maxRetries: 0, timeout: 2000 })();
      expect(r.emulator.secrets().some((s) => s.value === credentials.secretAccessKey)).toBe(true);
    } finally {
      delete process.env['AWS_CONTAINER_CREDENTIALS_FULL_URI'];
      delete process.env['AWS_CONTAINER_AUTHORIZATION_TOKEN'];
    }
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: 'another' } })).status).toBe(403);

    // Serving the same role again finds the running endpoint and copies the same lines.
    await r.core.handlers.serveToContainers(role);
    expect(lastClipboard(r)).toBe(lines);
    expect(served(r)).toHaveLength(1);
    expect(lastNotice(r)).toMatch(/^Already serving payments-prod/);

    await r.core.handlers.stopServing({ key: entry?.key ?? '' });
    expect(served(r)).toEqual([]);
    await expect(fetch(url)).rejects.toThrow();
    await expect(r.core.handlers.copyServeLines({ key: entry?.key ?? '' })).rejects.toThrow('That endpoint is no longer running.');
  });

  it('serves new credentials once the old ones have under 15 minutes left, and the snapshot says until when', async () => {
    const { rig: r, role, clock } = await signedIn();
    await r.core.handlers.serveToContainers(role);
    const lines = lastClipboard(r);
    const url = /FULL_URI=(\S+)/.exec(lines)?.[1] ?? '';
    const token = /TOKEN=(\S+)/.exec(lines)?.[1] ?? '';
    const read = async (): Promise<{ AccessKeyId: string; Expiration: string }> => (await fetch(url, { headers: { authorization: token } })).json() as Promise<{ AccessKeyId: string; Expiration: string }>;
    const first = await read();
    const firstUntil = served(r)[0]?.until ?? 0;
    r.emulator.advanceClock(46 * 60);
    await clock.advance(46 * 60_000);
    const second = await read();
    expect(second.AccessKeyId).not.toBe(first.AccessKeyId);
    expect(Date.parse(second.Expiration)).toBeGreaterThan(Date.parse(first.Expiration) + 40 * 60_000);
    expect(served(r)[0]?.until).toBeGreaterThan(firstUntil + 40 * 60_000);
  });

  it('stops at sign-out, and starts nothing when signed out', async () => {
    const { rig: r, role } = await signedIn();
    await r.core.handlers.serveToContainers(role);
    const url = served(r)[0]?.kind === 'container' ? (served(r)[0] as { url: string }).url : '';
    await r.core.handlers.signOut({ id: r.instanceId });
    await expect.poll(() => served(r)).toEqual([]);
    await expect(fetch(url)).rejects.toThrow();
    expect(r.core.getSnapshot().notices.map((n) => n.text)).toContain('You signed out of rig: Rolecall stopped its container endpoint.');
    await expect(r.core.handlers.serveToContainers(role)).rejects.toThrow('Sign in to rig first.');
    expect(served(r)).toEqual([]);
  });

  it('stops every endpoint when the core is disposed (the app quits)', async () => {
    const { rig: r, role } = await signedIn();
    await r.core.handlers.serveToContainers(role);
    await r.core.handlers.serveToContainers({ ...role, roleName: 'ReadOnly' });
    const urls = served(r).map((s) => (s.kind === 'container' ? s.url : ''));
    expect(urls).toHaveLength(2);
    r.core.dispose();
    await expect.poll(async () => (await Promise.allSettled(urls.map((u) => fetch(u)))).every((p) => p.status === 'rejected')).toBe(true);
  });
});

describe('Keep in ~/.aws/credentials', () => {
  it('writes a marked section the JS SDK reads, lists it until when, and keeps every other byte; mode 0600', async () => {
    const { rig: r, role, file } = await signedIn();
    await writeFile(file, PERSON);
    await chmod(file, 0o644);
    expect(await r.core.handlers.keepInCredentialsFile(role)).toEqual({ kind: 'kept', profileName: 'payments-prod-AdministratorAccess' });
    const text = await readFile(file, 'utf8');
    expect(text.startsWith(`${PERSON}\r\n[payments-prod-AdministratorAccess]\r\n# Managed by Rolecall: ${ACCOUNT} ${ROLE} of rig until `)).toBe(true);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const credentials = await fromIni({ profile: 'payments-prod-AdministratorAccess', filepath: file, configFilepath: path.join(path.dirname(file), 'none'), ignoreCache: true })();
    expect(credentials.accessKeyId).toBe(await sectionKey(file, 'payments-prod-AdministratorAccess'));
    expect(r.emulator.secrets().some((s) => s.value === credentials.secretAccessKey)).toBe(true);
    const [entry] = served(r);
    expect(entry).toMatchObject({ kind: 'credentialsFile', key: 'file:payments-prod-AdministratorAccess', profileName: 'payments-prod-AdministratorAccess', file, accountName: 'payments-prod', roleName: ROLE });
    expect(text).toContain(`of rig until ${new Date(entry?.until ?? 0).toISOString().replace('.000Z', '+00:00')}.`);
    expect(JSON.stringify(r.core.getSnapshot())).not.toContain(credentials.secretAccessKey);
    expect(lastNotice(r)).toMatch(/^\[payments-prod-AdministratorAccess\] in .+credentials holds payments-prod as AdministratorAccess until .+; Rolecall renews it while it runs\. Use it with AWS_PROFILE=payments-prod-AdministratorAccess\.$/);

    await r.core.handlers.stopServing({ key: 'file:payments-prod-AdministratorAccess' });
    expect(await readFile(file, 'utf8')).toBe(PERSON);
    expect(served(r)).toEqual([]);
  });

  it('asks before replacing a section the person wrote, and then saves the file first', async () => {
    const { rig: r, role, file } = await signedIn();
    await writeFile(file, PERSON);
    const readOnly = { ...role, roleName: 'ReadOnly' };
    expect(await r.core.handlers.keepInCredentialsFile(readOnly)).toEqual({ kind: 'foreign', profileName: 'payments-prod-ReadOnly', file });
    expect(await readFile(file, 'utf8')).toBe(PERSON);
    expect(served(r)).toEqual([]);
    expect(await r.core.handlers.keepInCredentialsFile({ ...readOnly, replaceForeign: true })).toEqual({ kind: 'kept', profileName: 'payments-prod-ReadOnly' });
    const backup = /The file as it was is saved in (\S+)\.$/.exec(lastNotice(r))?.[1] ?? '';
    expect(await readFile(backup, 'utf8')).toBe(PERSON);
    expect(await readFile(file, 'utf8')).not.toContain('AKIAMINE');
  });

  it('renews the section 15 minutes before its credentials expire, while the app runs (fake clock)', async () => {
    const { rig: r, role, file, clock } = await signedIn();
    await r.core.handlers.keepInCredentialsFile(role);
    const firstKey = await sectionKey(file, 'payments-prod-AdministratorAccess');
    const firstUntil = served(r)[0]?.until ?? 0;
    // 44 minutes on: 16 minutes left, not yet due.
    r.emulator.advanceClock(44 * 60);
    await clock.advance(44 * 60_000);
    expect(await sectionKey(file, 'payments-prod-AdministratorAccess')).toBe(firstKey);
    // Two minutes more: 14 minutes left, renewed.
    r.emulator.advanceClock(2 * 60);
    await clock.advance(2 * 60_000);
    await expect.poll(() => sectionKey(file, 'payments-prod-AdministratorAccess')).not.toBe(firstKey);
    await expect.poll(() => served(r)[0]?.until ?? 0).toBeGreaterThan(firstUntil + 40 * 60_000);
    const credentials = await fromIni({ profile: 'payments-prod-AdministratorAccess', filepath: file, configFilepath: path.join(path.dirname(file), 'none'), ignoreCache: true })();
    expect(credentials.accessKeyId).not.toBe(firstKey);
    expect(r.emulator.secrets().some((s) => s.value === credentials.secretAccessKey)).toBe(true);
  });

  it('picks up a section `rolecall credentials-file set` wrote for the instance, and takes every one out at sign-out', async () => {
    const { rig: r, role, file } = await signedIn();
    const cliSection = `[from-cli]\n# Managed by Rolecall: ${ACCOUNT} ReadOnly of rig until 2099-01-01T00:00:00+00:00. rolecall credentials-file refresh renews it; logout removes it.\naws_access_key_id = ASIAOLD\naws_secret_access_key = old\naws_session_token = old\n`;
    const otherInstance = `[elsewhere]\n# Managed by Rolecall: ${ACCOUNT} ReadOnly of another until 2099-01-01T00:00:00+00:00. rolecall credentials-file refresh renews it; logout removes it.\naws_access_key_id = ASIAOTHER\naws_secret_access_key = o\naws_session_token = o\n`;
    await writeFile(file, `${PERSON}\r\n${cliSection}\n${otherInstance}`);
    await expect.poll(() => served(r).map((s) => s.key)).toEqual(['file:from-cli']);
    await r.core.handlers.keepInCredentialsFile(role);
    expect(served(r).map((s) => s.key).sort()).toEqual(['file:from-cli', 'file:payments-prod-AdministratorAccess']);
    await r.core.handlers.signOut({ id: r.instanceId });
    await expect.poll(() => served(r)).toEqual([]);
    expect(await readFile(file, 'utf8')).toBe(`${PERSON}\r\n${otherInstance}`);
    expect(r.core.getSnapshot().notices.map((n) => n.text).at(-1)).toMatch(/^You signed out of rig: Rolecall took \[.+\], \[.+\] out of .+credentials\.$/);
  });

  it('takes the sections out when the instance is removed', async () => {
    const { rig: r, role, file } = await signedIn();
    await writeFile(file, PERSON);
    await r.core.handlers.keepInCredentialsFile(role);
    await r.core.handlers.removeInstance({ id: r.instanceId });
    expect(await readFile(file, 'utf8')).toBe(PERSON);
    expect(served(r)).toEqual([]);
  });
});
