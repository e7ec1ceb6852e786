/**
 * The one-click actions' core: role credentials, console sign-in URLs and credential exports.
 */
export type { IssuedRoleCredentials, RoleCredentials, SessionCredentials } from './credentials';
export { exportFormats, formatCredentials, formatExpiration, type ExportFormat } from './export-formats';
export {
  createRoleCredentialsCache,
  REFRESH_MARGIN_MS,
  RoleCredentialsError,
  type RoleCredentialsCache,
  type RoleCredentialsCacheOptions,
  type RoleCredentialsErrorKind,
  type RoleCredentialsRequest,
} from './role-credentials';
export {
  consoleDestination,
  consoleLoginUrl,
  consoleServices,
  ConsoleSigninError,
  federationEndpoint,
  parseFederationEndpoint,
  portalShortcutUrl,
  requestSigninToken,
  signinSessionDuration,
  type ConsoleDestination,
  type ConsoleLoginUrlInput,
  type ConsoleService,
  type ConsoleSigninErrorKind,
  type FetchFunction,
  type SigninTokenRequest,
} from './console-url';
export { consolePartitionOf, isOptInRegion, type ConsolePartition } from './aws-partitions';
