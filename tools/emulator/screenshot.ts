import { chromium } from 'playwright-core';
import { GetRoleCredentialsCommand } from '@aws-sdk/client-sso';
import { CreateTokenCommand, RegisterClientCommand, StartDeviceAuthorizationCommand } from '@aws-sdk/client-sso-oidc';
import { startEmulator, type RunningEmulator } from './index';
import { oidcClient, portalClient } from './test-support';
import { browserExecutablePath } from '../browser/browser-path';

/**
 * Takes screenshots of the emulator's pages in Chromium, to look at them (`npx tsx tools/emulator/screenshot.ts`).
 *
 * Writes /tmp/emulator-device-page.png (the verification page with a code), plus the entry, result,
 * consent and console pages beside it.
 */
async function main(): Promise<void> {
  const emulator = await startEmulator({ fixture: new URL('fixtures/sample-org.json', import.meta.url).pathname });
  const browser = await chromium.launch({
    executablePath: browserExecutablePath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const oidc = oidcClient(emulator);
    const reg = await oidc.send(new RegisterClientCommand({ clientName: 'Rolecall', clientType: 'public', scopes: ['sso:account:access'] }));
    const device = await oidc.send(
      new StartDeviceAuthorizationCommand({ clientId: reg.clientId, clientSecret: reg.clientSecret, startUrl: emulator.startUrl }),
    );
    const page = await browser.newPage({ viewport: { width: 900, height: 720 } });
    const errors: string[] = [];
    page.on('console', (message) => errors.push(message.text()));
    await page.goto(device.verificationUriComplete ?? '');
    await page.screenshot({ path: '/tmp/emulator-device-page.png' });
    await page.goto(device.verificationUri ?? '');
    await page.screenshot({ path: '/tmp/emulator-device-entry.png' });
    await page.fill('#user_code', (device.userCode ?? '').toLowerCase());
    await page.click('button[type=submit]');
    await page.click('button[value=approve]');
    await page.screenshot({ path: '/tmp/emulator-device-approved.png' });
    await page.goto(`${emulator.url}/`);
    await page.screenshot({ path: '/tmp/emulator-landing.png' });
    await page.goto(await consentUrl(emulator));
    await page.screenshot({ path: '/tmp/emulator-consent.png' });
    await page.goto(await consoleLoginUrl(emulator, device.deviceCode ?? '', reg.clientId ?? '', reg.clientSecret ?? ''));
    await page.screenshot({ path: '/tmp/emulator-console.png' });
    console.log(`Approved: ${emulator.deviceCodes()[0]?.status}; console messages: ${errors.length === 0 ? 'none' : errors.join(' | ')}`);
  } finally {
    await browser.close();
    await emulator.close();
  }
}

async function consentUrl(emulator: RunningEmulator): Promise<string> {
  const reg = await oidcClient(emulator).send(
    new RegisterClientCommand({
      clientName: 'Rolecall', clientType: 'public', grantTypes: ['authorization_code', 'refresh_token'],
      redirectUris: ['http://127.0.0.1/oauth/callback'], scopes: ['sso:account:access'],
    }),
  );
  const q = new URLSearchParams({
    response_type: 'code', client_id: reg.clientId ?? '', redirect_uri: 'http://127.0.0.1:45678/oauth/callback',
    state: 's', code_challenge_method: 'S256', scopes: 'sso:account:access', code_challenge: 'x'.repeat(43),
  });
  return `${emulator.url}/authorize?${q.toString()}`;
}

async function consoleLoginUrl(emulator: RunningEmulator, deviceCode: string, clientId: string, clientSecret: string): Promise<string> {
  const token = await oidcClient(emulator).send(
    new CreateTokenCommand({ clientId, clientSecret, grantType: 'urn:ietf:params:oauth:grant-type:device_code', deviceCode }),
  );
  const account = emulator.accounts().find((a) => a.accountName === 'payments-prod');
  const creds = (
    await portalClient(emulator).send(
      new GetRoleCredentialsCommand({ accessToken: token.accessToken, accountId: account?.accountId, roleName: 'AdministratorAccess' }),
    )
  ).roleCredentials;
  const session = JSON.stringify({ sessionId: creds?.accessKeyId, sessionKey: creds?.secretAccessKey, sessionToken: creds?.sessionToken });
  const response = await fetch(`${emulator.url}/federation`, {
    method: 'POST',
    body: new URLSearchParams({ Action: 'getSigninToken', Session: session, SessionDuration: '43200' }),
  });
  const { SigninToken } = (await response.json()) as { SigninToken: string };
  const q = new URLSearchParams({
    Action: 'login', Issuer: 'Rolecall', SigninToken,
    Destination: 'https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1',
  });
  return `${emulator.url}/federation?${q.toString()}`;
}

await main();
