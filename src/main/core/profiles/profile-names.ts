/**
 * Profile names from a template the person can change, reduced to characters that cannot change the
 * structure of `~/.aws/config`.
 */

/** What a template can name. */
export interface ProfileNameParts {
  readonly accountId: string;
  readonly accountName: string;
  /** The person's alias for the account, if they set one. */
  readonly alias?: string | undefined;
  readonly roleName: string;
  readonly sessionName: string;
}

/** `aws configure sso`'s own default: `<RoleName>-<AccountId>`. */
export const DEFAULT_PROFILE_TEMPLATE = '{role}-{accountId}';

const PLACEHOLDERS = ['accountId', 'account', 'alias', 'role', 'session'] as const;
const PLACEHOLDER = /\{([a-zA-Z]+)\}/g;
// SECURITY: the profile name goes into a `[profile NAME]` header. Account and role names come from the
// network, so the name is cut down to letters, digits and `_ - . @ +` (a subset of what the AWS SDKs
// accept): no `]`, newline, space, `=`, `;` or `#` can reach the file (checklist 24).
const UNSAFE = /[^A-Za-z0-9_.@+-]+/g;
const MAX_NAME = 100;

/** Why a template cannot be used, for a person; `undefined` when it is fine. */
export function templateProblem(template: string): string | undefined {
  if (template.trim() === '') return 'A profile name template cannot be empty.';
  if (template.length > 200) return 'A profile name template can be at most 200 characters.';
  const used = [...template.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
  const unknown = used.find((name) => !(PLACEHOLDERS as readonly string[]).includes(name));
  if (unknown !== undefined) return `"{${unknown}}" is not a placeholder. Use {role}, {accountId}, {account}, {alias} or {session}.`;
  if (!used.includes('role') && !used.includes('accountId') && !used.includes('account') && !used.includes('alias')) {
    return 'A profile name template needs {role}, {accountId}, {account} or {alias}, or every profile would get the same name.';
  }
  return undefined;
}

/** Fills in a template and reduces the result to the safe character set; never empty, never `default`. */
export function profileName(template: string, parts: ProfileNameParts): string {
  const values: Record<(typeof PLACEHOLDERS)[number], string> = {
    accountId: parts.accountId,
    account: parts.accountName,
    alias: parts.alias !== undefined && parts.alias !== '' ? parts.alias : parts.accountName,
    role: parts.roleName,
    session: parts.sessionName,
  };
  const filled = template.replace(PLACEHOLDER, (whole, name: string) => (name in values ? safePart(values[name as keyof typeof values]) : whole));
  const safe = withoutSectionPrefix(safePart(filled).slice(0, MAX_NAME).replace(/[-.]+$/, ''));
  if (safe === '' || ['default', '__proto__'].includes(safe.toLowerCase())) {
    return withoutSectionPrefix(`${(safePart(parts.roleName) || 'role').slice(0, MAX_NAME - 13)}-${safePart(parts.accountId)}`);
  }
  return safe;
}

// The SDKs would file a profile `sso-session.x` or `services.x` under another section type's key.
function withoutSectionPrefix(name: string): string {
  return /^(sso-session|services)\./i.test(name) ? name.replace('.', '-') : name;
}

/** A name part with every run of unsafe characters turned into one `-`, without leading or trailing `-`. */
export function safePart(text: string): string {
  return text.replace(UNSAFE, '-').replace(/^[-.]+|-+$/g, '');
}

/**
 * Names for many account and role pairs, each unique: a name two pairs would share gets the account id
 * added (and then a number), so no generated profile can shadow another.
 */
export function uniqueProfileNames<T extends ProfileNameParts>(template: string, items: readonly T[], taken: ReadonlySet<string> = new Set()): Map<T, string> {
  const proposed = items.map((item) => [item, profileName(template, item)] as const);
  const counts = new Map<string, number>();
  for (const [, name] of proposed) counts.set(name.toLowerCase(), (counts.get(name.toLowerCase()) ?? 0) + 1);
  const used = new Set([...taken].map((name) => name.toLowerCase()));
  const names = new Map<T, string>();
  for (const [item, name] of proposed) {
    let candidate = (counts.get(name.toLowerCase()) ?? 0) > 1 && !name.includes(item.accountId) ? `${name}-${item.accountId}` : name;
    for (let n = 2; used.has(candidate.toLowerCase()); n += 1) candidate = `${name}-${n}`;
    used.add(candidate.toLowerCase());
    names.set(item, candidate);
  }
  return names;
}
