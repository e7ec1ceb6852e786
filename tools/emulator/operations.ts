/** Which service an AWS API operation belongs to (decides error format, faults, throttling). */
export const API_OPERATIONS = {
  RegisterClient: 'oidc',
  StartDeviceAuthorization: 'oidc',
  CreateToken: 'oidc',
  ListAccounts: 'portal',
  ListAccountRoles: 'portal',
  GetRoleCredentials: 'portal',
  Logout: 'portal',
} as const;

/** An AWS API operation name. */
export type ApiOperation = keyof typeof API_OPERATIONS;

/** Whether `name` is an AWS API operation the emulator serves. */
export function isApiOperation(name: string): name is ApiOperation {
  return Object.hasOwn(API_OPERATIONS, name);
}
