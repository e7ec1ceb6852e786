/**
 * `rolecall logout`: ends the sign-in of one instance or of all, as `aws sso logout` does, and deletes
 * the role credentials `rolecall` cached for them.
 */
import { stat } from 'node:fs/promises';
import { clearCachedCredentials } from '../../core/terminal/credential-file-cache';
import { awsPathsOf, dataDirOf, tokenFileOf } from '../cli-context';
import { removeInstanceSections } from './credentials-file-command';
import { EXIT } from '../cli-errors';
import { openSession } from '../cli-sign-in';
import { chooseInstances, loadCliState } from '../cli-state';
import { defineCommand, instanceOption } from '../command';

const HELP = `Usage: rolecall logout [--instance NAME]

Signs out of every IAM Identity Center instance, or of the one named: ends the
session at AWS, deletes the token file the app and the AWS CLI share, and
deletes the role credentials rolecall cached for it and the sections of
~/.aws/credentials that "rolecall credentials-file" keeps for it.

Options:
  -i, --instance NAME  sign out of this instance only
  -h, --help           show this help
`;

export const logoutCommand = defineCommand(
  { name: 'logout', options: { ...instanceOption }, positionals: [], help: HELP },
  async ({ values }, context) => {
    const { state } = await loadCliState(context, values.instance);
    let failed = false;
    for (const instance of chooseInstances(state, values.instance)) {
      await clearCachedCredentials(dataDirOf(context), instance.id);
      for (const name of await removeInstanceSections(context, instance.sessionName)) {
        context.stdout.write(`Removed [${name}] from ${awsPathsOf(context).credentialsFile}.\n`);
      }
      if (instance.tokenStorage === 'keychain') {
        context.stderr.write(`${instance.sessionName} keeps its sign-in in the desktop app’s keychain: sign out in the app.\n`);
        failed = values.instance !== undefined;
        continue;
      }
      const hadToken = await stat(tokenFileOf(context, instance)).then(
        () => true,
        () => false,
      );
      if (!hadToken) {
        context.stdout.write(`Not signed in to ${instance.sessionName}.\n`);
        continue;
      }
      const session = await openSession(context, instance);
      try {
        await session.controller.signOut();
      } finally {
        session.dispose();
      }
      context.stdout.write(`Signed out of ${instance.sessionName}.\n`);
    }
    return failed ? EXIT.failed : EXIT.ok;
  },
);
