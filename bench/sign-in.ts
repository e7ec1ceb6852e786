import {
  CreateTokenCommand,
  RegisterClientCommand,
  SSOOIDCClient,
  StartDeviceAuthorizationCommand,
} from '@aws-sdk/client-sso-oidc';
import type { RunningEmulator } from '../tools/emulator/index';

/**
 * Signs in to an emulator started with `autoApprove`, over the real SSO OIDC client; returns the access token.
 *
 * Device flow as the app does it: RegisterClient, StartDeviceAuthorization (approved at once by the
 * emulator, standing in for the person), CreateToken with the device-code grant.
 */
export async function signInAutoApproved(emulator: RunningEmulator): Promise<string> {
  const oidc = new SSOOIDCClient({ region: emulator.region, endpoint: emulator.url });
  try {
    const registration = await oidc.send(
      new RegisterClientCommand({ clientName: 'rolecall-bench', clientType: 'public', scopes: ['sso:account:access'] }),
    );
    const clientId = registration.clientId ?? '';
    const clientSecret = registration.clientSecret ?? '';
    const device = await oidc.send(
      new StartDeviceAuthorizationCommand({ clientId, clientSecret, startUrl: emulator.startUrl }),
    );
    const token = await oidc.send(
      new CreateTokenCommand({
        clientId,
        clientSecret,
        grantType: 'urn:ietf:params:oauth:grant-type:device_code',
        deviceCode: device.deviceCode,
      }),
    );
    if (token.accessToken === undefined) throw new Error('CreateToken returned no access token');
    return token.accessToken;
  } finally {
    oidc.destroy();
  }
}
