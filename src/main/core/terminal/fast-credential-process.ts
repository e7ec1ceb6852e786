/**
 * The fast path of `rolecall credential-process`: answer from the on-disk credential cache without
 * loading the AWS SDK, zod or the rest of the core.
 *
 * It answers only when everything is certain: the state file reads cleanly, ACCOUNT and ROLE resolve to
 * exactly one role, the instance still has its sign-in (its token file exists: a sign-out in the app, in
 * `rolecall` or with `aws sso logout` deletes it) and the cached credentials have at least 15 minutes
 * left. Otherwise it returns `null` and the caller runs the full command, which explains any problem.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { formatCredentials } from '../actions/export-formats';
import { ssoTokenFileName } from '../aws-files/aws-paths';
import { readCachedCredentials } from './credential-file-cache';
import { resolveRoleTarget } from './role-target';
import { peekState } from './state-peek';

/** What the fast path needs. */
export interface FastCredentialProcessInput {
  readonly dataDir: string;
  /** `~/.aws/sso/cache`, where the instance's token file is. */
  readonly ssoCacheDir: string;
  readonly instance?: string | undefined;
  readonly account: string;
  readonly role: string;
  /** Epoch milliseconds. */
  readonly now: number;
}

/** The `credential_process` JSON from cached credentials, or `null` when the full command must run. */
export async function cachedCredentialProcess(input: FastCredentialProcessInput): Promise<string | null> {
  const source = await peekState(input.dataDir);
  if (source === null) return null;
  const target = resolveRoleTarget(source, input);
  if (target.kind !== 'found' || target.instance.tokenStorage !== 'aws-cli') return null;
  const tokenFile = path.join(input.ssoCacheDir, ssoTokenFileName(target.instance.sessionName));
  const signedIn = await stat(tokenFile).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!signedIn) return null;
  const key = { instanceId: target.instance.id, accountId: target.accountId, roleName: target.roleName };
  const credentials = await readCachedCredentials(input.dataDir, key, input.now);
  return credentials === null ? null : formatCredentials(credentials, 'process');
}
