/**
 * Where in the AWS console to land, as the destination picker offers it and as it is remembered per
 * account: `home`, `service:<id>` or `path:/some/console/path`.
 */

/** The console services the picker offers by name, with their labels. */
export const CONSOLE_SERVICES = [
  { id: 'ec2', label: 'EC2' },
  { id: 's3', label: 'S3' },
  { id: 'cloudwatch', label: 'CloudWatch' },
  { id: 'iam', label: 'IAM' },
  { id: 'lambda', label: 'Lambda' },
  { id: 'cloudformation', label: 'CloudFormation' },
  { id: 'billing', label: 'Billing' },
] as const;

export type ConsoleService = (typeof CONSOLE_SERVICES)[number]['id'];

/** Where in the console to land: its home page, a service, or any console path. */
export type ConsoleDestination =
  | { readonly kind: 'home' }
  | { readonly kind: 'service'; readonly service: ConsoleService }
  | { readonly kind: 'path'; readonly path: string };

const MAX_PATH = 280;

/** The remembered form of a destination. */
export function encodeDestination(destination: ConsoleDestination): string {
  switch (destination.kind) {
    case 'home':
      return 'home';
    case 'service':
      return `service:${destination.service}`;
    case 'path':
      return `path:${destination.path}`;
  }
}

/** A destination from its remembered form; `undefined` for anything else. */
export function decodeDestination(text: string): ConsoleDestination | undefined {
  if (text === 'home') return { kind: 'home' };
  if (text.startsWith('service:')) {
    const id = text.slice('service:'.length);
    const service = CONSOLE_SERVICES.find((s) => s.id === id);
    return service === undefined ? undefined : { kind: 'service', service: service.id };
  }
  if (text.startsWith('path:')) {
    const path = text.slice('path:'.length);
    return path.startsWith('/') && path.length <= MAX_PATH ? { kind: 'path', path } : undefined;
  }
  return undefined;
}

/** A short description for notices: "EC2", "the console home", "/rds/home". */
export function describeDestination(destination: ConsoleDestination): string {
  switch (destination.kind) {
    case 'home':
      return 'console home';
    case 'service':
      return CONSOLE_SERVICES.find((s) => s.id === destination.service)?.label ?? destination.service;
    case 'path':
      return destination.path;
  }
}
