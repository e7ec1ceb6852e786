/** A registered OIDC client (RegisterClient). */
export interface Registration {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly clientName: string;
  readonly scopes: readonly string[];
  /** Undefined when the client did not ask for specific grants (the device-flow CLI registration). */
  readonly grantTypes: readonly string[] | undefined;
  readonly redirectUris: readonly string[];
  readonly issuedAt: number;
  readonly expiresAt: number;
}

/** Where a device authorization stands. */
export type DeviceStatus = 'pending' | 'approved' | 'denied' | 'redeemed';

/** A device authorization (StartDeviceAuthorization) and its polling state. */
export interface DeviceAuthorization {
  readonly deviceCode: string;
  readonly userCode: string;
  readonly clientId: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  status: DeviceStatus;
  /** The interval the client must keep to now; grows by 5 s on every slow_down. */
  intervalSeconds: number;
  lastPollAt: number | undefined;
  sessionId: string | undefined;
}

/** A PKCE authorization waiting for the person's decision on the consent page. */
export interface ConsentRequest {
  readonly requestId: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly state: string | undefined;
  readonly codeChallenge: string;
  readonly scopes: readonly string[];
  readonly expiresAt: number;
}

/** An authorization code issued by `/authorize`. */
export interface AuthorizationCode {
  readonly code: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly codeChallenge: string;
  readonly sessionId: string;
  readonly expiresAt: number;
  used: boolean;
}

/** A user-interactive (portal) session; every token issued within it dies with it. */
export interface Session {
  readonly sessionId: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  endedAt: number | undefined;
  endReason: 'logout' | 'admin' | undefined;
}

/** An issued access token. */
export interface AccessTokenRecord {
  readonly clientId: string;
  readonly sessionId: string;
  readonly expiresAt: number;
}

/** An issued refresh token; `rotated` once it has been exchanged. */
export interface RefreshTokenRecord {
  readonly clientId: string;
  readonly sessionId: string;
  rotated: boolean;
}

/** Role credentials issued by GetRoleCredentials. */
export interface RoleCredentialRecord {
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly accountId: string;
  readonly roleName: string;
  readonly expiresAt: number;
}

/** A console sign-in token from `getSigninToken`. */
export interface SigninTokenRecord {
  readonly accountId: string;
  readonly roleName: string;
  readonly expiresAt: number;
  readonly consoleSessionEndsAt: number;
  used: boolean;
}

/** A completed console sign-in, kept so tests can verify a console click end to end. */
export interface ConsoleLogin {
  readonly at: number;
  readonly accountId: string;
  readonly accountName: string | undefined;
  readonly roleName: string;
  readonly destination: string;
  readonly issuer: string | undefined;
  readonly consoleSessionEndsAt: number;
}

/** The kinds of secret the emulator hands out. */
export type SecretKind =
  | 'clientSecret' | 'deviceCode' | 'authorizationCode' | 'accessToken' | 'refreshToken'
  | 'secretAccessKey' | 'sessionToken' | 'signinToken';

/** One secret the emulator issued. */
export interface IssuedSecret {
  readonly kind: SecretKind;
  readonly value: string;
}

/** Everything the emulator remembers, keyed by the value clients send back. */
export interface EmulatorState {
  readonly registrations: Map<string, Registration>;
  readonly deviceByCode: Map<string, DeviceAuthorization>;
  readonly deviceByUserCode: Map<string, DeviceAuthorization>;
  readonly consentRequests: Map<string, ConsentRequest>;
  readonly authorizationCodes: Map<string, AuthorizationCode>;
  readonly sessions: Map<string, Session>;
  readonly accessTokens: Map<string, AccessTokenRecord>;
  readonly refreshTokens: Map<string, RefreshTokenRecord>;
  readonly roleCredentials: Map<string, RoleCredentialRecord>;
  readonly signinTokens: Map<string, SigninTokenRecord>;
  readonly consoleLogins: ConsoleLogin[];
  readonly secrets: IssuedSecret[];
}

/** Creates empty state. */
export function createState(): EmulatorState {
  return {
    registrations: new Map(),
    deviceByCode: new Map(),
    deviceByUserCode: new Map(),
    consentRequests: new Map(),
    authorizationCodes: new Map(),
    sessions: new Map(),
    accessTokens: new Map(),
    refreshTokens: new Map(),
    roleCredentials: new Map(),
    signinTokens: new Map(),
    consoleLogins: [],
    secrets: [],
  };
}

/** Remembers a secret so that security tests can look for it where it must not appear. */
export function recordSecret(state: EmulatorState, kind: SecretKind, value: string): string {
  state.secrets.push({ kind, value });
  return value;
}
