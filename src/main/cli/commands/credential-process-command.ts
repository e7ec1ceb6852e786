/**
 * `rolecall credential-process ACCOUNT ROLE`: the `credential_process` JSON for any tool that reads
 * profiles. It never prompts: without a sign-in it fails (exit 1) and says which command fixes it.
 *
 * The fast path (cached credentials, see `core/terminal/fast-credential-process.ts`) runs in the entry
 * point before this module is even loaded; this is what runs when the cache cannot answer.
 */
import { formatCredentials } from '../../core/actions/export-formats';
import { withRoleCredentials } from '../cli-role-action';
import { defineCommand } from '../command';
import { credentialProcessSyntax } from './credential-process-syntax';

export const credentialProcessCommand = defineCommand(credentialProcessSyntax, async ({ values, positionals: [account = '', role = ''] }, context) => {
  const text = await withRoleCredentials(context, { instance: values.instance, account, role }, ({ credentials }) =>
    Promise.resolve(formatCredentials(credentials, 'process')),
  );
  context.stdout.write(text);
  return undefined;
});
