/**
 * `rolecall use ACCOUNT ROLE`: the app's "Use in terminal": writes the named profile for the role and
 * points `[default]` at it in `~/.aws/config`, with the app's profile name template and style.
 */
import { useProfile } from '../../core/profiles/profile-service';
import { writeActiveProfileName } from '../../core/terminal/state-access';
import { awsPathsOf, dataDirOf } from '../cli-context';
import { CliError, EXIT } from '../cli-errors';
import { createSessionPool } from '../cli-sessions';
import { loadCliState } from '../cli-state';
import { resolveTarget } from '../cli-target';
import { defineCommand, instanceOption } from '../command';
import { printable } from '../output';

const HELP = `Usage: rolecall use ACCOUNT ROLE [--instance NAME] [--replace-default]

Makes ROLE in ACCOUNT what the AWS CLI and SDKs use by default, as the app's
"Use in terminal" does: writes a named profile for it (named with the app's
profile name template) and points [default] at it in ~/.aws/config. Both
sign in through the instance's [sso-session], so they renew with your sign-in.

If [default] holds settings Rolecall did not write, nothing is changed unless
you add --replace-default (the old file is then kept as a backup).

Options:
  -i, --instance NAME    look for ACCOUNT in this instance only
      --replace-default  replace a [default] profile Rolecall did not write
  -h, --help             show this help
`;

export const useCommand = defineCommand(
  { name: 'use', options: { ...instanceOption, 'replace-default': { type: 'boolean' } }, positionals: ['ACCOUNT', 'ROLE'], help: HELP },
  async ({ values, positionals: [account = '', role = ''] }, context) => {
    const loaded = await loadCliState(context, values.instance);
    const sessions = createSessionPool(context);
    const target = await resolveTarget(context, loaded, { instance: values.instance, account, role }, sessions).finally(() => sessions.dispose());
    const { instance } = target;
    if (instance.tokenStorage === 'keychain') {
      throw new CliError(`${instance.sessionName} keeps its sign-in in the keychain, where the AWS CLI cannot read it. Use "rolecall export" instead.`, EXIT.failed);
    }
    const prefs = loaded.state.accountPrefs[instance.id]?.[target.accountId];
    const { profileNameTemplate, profileStyle } = loaded.state.settings;
    const paths = awsPathsOf(context);
    const accountName = target.account?.accountName ?? '';
    const result = await useProfile(
      { configFile: paths.configFile, ssoCacheDir: paths.ssoCacheDir, now: context.now },
      {
        style: profileStyle,
        template: profileNameTemplate,
        instance,
        account: { accountId: target.accountId, accountName, alias: prefs?.alias },
        roleName: target.roleName,
        region: prefs?.region ?? instance.region,
        replaceDefault: values['replace-default'] === true,
      },
    );
    if (result.kind === 'confirm-default') {
      throw new CliError(
        `[default] in ${result.configFile} holds settings Rolecall did not write:\n${result.current}\nNothing was changed. Run again with --replace-default to replace it (a backup is kept).`,
        EXIT.failed,
      );
    }
    await writeActiveProfileName(dataDirOf(context), result.profileName);
    const label = printable(prefs?.alias ?? (accountName || target.accountId));
    context.stdout.write(`The AWS CLI now uses ${label} as ${target.roleName}: [default] and [profile ${result.profileName}] in ${paths.configFile}.\n`);
    if (result.backupFile !== undefined) context.stdout.write(`Your previous file is saved as ${result.backupFile}.\n`);
    return undefined;
  },
);
