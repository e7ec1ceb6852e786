/**
 * Role credentials as the actions handle them: in memory only, never logged, never sent to the renderer.
 */

/** A set of AWS credentials; `expiration` is epoch milliseconds, as GetRoleCredentials reports it. */
export interface RoleCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string | undefined;
  readonly expiration?: number | undefined;
}

/** Temporary credentials: the console federation endpoint only accepts these. */
export interface SessionCredentials extends RoleCredentials {
  readonly sessionToken: string;
}

/** Credentials as GetRoleCredentials issues them: always temporary, always with an expiry. */
export interface IssuedRoleCredentials extends SessionCredentials {
  readonly expiration: number;
}
