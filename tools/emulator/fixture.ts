import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Account } from './org';

/**
 * The fixture file format: `{ "accounts": [ { "id", "name"?, "email"?, "roles": [...] } ] }`.
 *
 * `id` must be 12 digits; `name` and `email` are optional (the portal may omit them) and, like role names,
 * are taken verbatim: any Unicode, newlines, quotes, brackets, HTML or empty strings are allowed, because
 * testing how clients cope with such names is a reason fixtures exist.
 */
export const fixtureSchema = z.strictObject({
  $comment: z.string().optional(),
  accounts: z.array(
    z.strictObject({
      id: z.string().regex(/^\d{12}$/, 'must be 12 digits'),
      name: z.string().optional(),
      email: z.string().optional(),
      roles: z.array(z.string()),
    }),
  ),
});

/** A parsed fixture. */
export type OrganizationFixture = z.infer<typeof fixtureSchema>;

/** Checks fixture data (already JSON-parsed) and converts it to accounts. */
export function accountsFromFixture(data: unknown, source = 'fixture'): Account[] {
  const parsed = fixtureSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    throw new Error(`${source} is not a valid organization fixture: ${where} ${issue?.message ?? ''}`.trim());
  }
  return parsed.data.accounts.map((account) => ({
    accountId: account.id,
    accountName: account.name,
    emailAddress: account.email,
    roles: account.roles,
  }));
}

/** Reads and checks a fixture file. */
export async function loadFixtureFile(path: string): Promise<Account[]> {
  const text = await readFile(path, 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return accountsFromFixture(data, path);
}
