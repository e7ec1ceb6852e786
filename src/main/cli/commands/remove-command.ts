/**
 * `rolecall remove NAME`: removes an instance from Rolecall (the app's list too) and, after asking, its
 * part of `~/.aws`: the sign-in (ended at AWS, as `aws sso logout` does), its generated profiles and
 * its `[sso-session]` section.
 */
import { stat } from 'node:fs/promises';
import { readConfigFile, updateConfigFile } from '../../core/aws-files/config-file';
import type { PersistedInstance } from '../../core/persistence/persisted-state';
import { removeSessionFromConfig, sessionInConfig } from '../../core/instances/session-removal';
import { clearCachedCredentials } from '../../core/terminal/credential-file-cache';
import { readState, removeInstance } from '../../core/terminal/state-access';
import { awsPathsOf, dataDirOf, tokenFileOf, type CliContext } from '../cli-context';
import { CliError, EXIT, usageError } from '../cli-errors';
import { openSession } from '../cli-sign-in';
import { defineCommand } from '../command';

const HELP = `Usage: rolecall remove NAME [--yes | --keep-aws-files]

Removes the IAM Identity Center instance NAME from Rolecall (the app and this
command share the list), with the account list and role credentials Rolecall
cached for it. Before it touches ~/.aws it asks whether to sign out too, as
"aws sso logout" does, and delete the instance's generated profiles and its
[sso-session NAME] section (kept if profiles you wrote still use it).

Options:
  -y, --yes             also sign out and clean ~/.aws, without asking
      --keep-aws-files  leave ~/.aws as it is, without asking
  -h, --help            show this help
`;

export const removeCommand = defineCommand(
  { name: 'remove', options: { yes: { type: 'boolean', short: 'y' }, 'keep-aws-files': { type: 'boolean' } }, positionals: ['NAME'], help: HELP },
  async ({ values, positionals: [name = ''] }, context) => {
    if (values.yes === true && values['keep-aws-files'] === true) throw usageError('Choose one of --yes and --keep-aws-files.', 'remove');
    const dataDir = dataDirOf(context);
    const state = await readState(dataDir);
    const instance = state.instances.find((i) => i.sessionName === name);
    if (instance === undefined) {
      const known = state.instances.map((i) => i.sessionName).join(', ');
      throw new CliError(`Rolecall has no instance named "${name}".${known === '' ? '' : ` Instances: ${known}.`}`, EXIT.noMatch);
    }
    const footprint = await awsFootprint(context, instance);
    const cleanAws = footprint === '' ? false : await decide(context, values.yes === true, values['keep-aws-files'] === true, name, footprint);
    if (cleanAws) await removeFromAws(context, instance);
    await clearCachedCredentials(dataDir, instance.id);
    await removeInstance(dataDir, instance.id);
    context.stdout.write(`Removed instance ${name} from Rolecall.\n`);
    if (!cleanAws && footprint !== '') context.stdout.write(`Left ${footprint} as they were.\n`);
    return EXIT.ok;
  },
);

/** What of the instance `~/.aws` holds, as words ("" when nothing). */
async function awsFootprint(context: CliContext, instance: PersistedInstance): Promise<string> {
  if (instance.tokenStorage !== 'aws-cli') return '';
  const configFile = awsPathsOf(context).configFile;
  const read = await readConfigFile(configFile);
  const found = read.kind === 'ok' ? sessionInConfig(read.text, instance.sessionName) : undefined;
  const parts: string[] = [];
  if (found?.ok === true && found.value.section) parts.push(`[sso-session ${instance.sessionName}] in ${configFile}`);
  if (await exists(tokenFileOf(context, instance))) parts.push(`its sign-in in ${awsPathsOf(context).ssoCacheDir}`);
  return parts.join(' and ');
}

/** `--yes`, `--keep-aws-files`, or the person's answer; with no one to ask, a usage error naming both. */
async function decide(context: CliContext, yes: boolean, keep: boolean, name: string, footprint: string): Promise<boolean> {
  if (yes || keep) return yes;
  if (context.ask === undefined) {
    throw usageError(`~/.aws has ${footprint}. Say --yes to sign out and remove them too, or --keep-aws-files to leave them.`, 'remove');
  }
  const answer = await context.ask(`~/.aws has ${footprint}.\nAlso sign out of ${name} and remove them? [y/N] `);
  return /^\s*y(es)?\s*$/i.test(answer);
}

/** Signs out (ending the session at AWS), then takes the instance's sections out of the config file. */
async function removeFromAws(context: CliContext, instance: PersistedInstance): Promise<void> {
  if (await exists(tokenFileOf(context, instance))) {
    const session = await openSession(context, instance);
    try {
      await session.controller.signOut();
    } finally {
      session.dispose();
    }
    context.stdout.write(`Signed out of ${instance.sessionName}.\n`);
  }
  const configFile = awsPathsOf(context).configFile;
  let usedBy: readonly string[] = [];
  let sectionRemoved = false;
  const result = await updateConfigFile(configFile, (text) => {
    const removal = removeSessionFromConfig(text, instance.sessionName);
    if (!removal.ok) return removal;
    ({ usedBy, sectionRemoved } = removal.value);
    return { ok: true, value: removal.value.text };
  });
  if (result.kind === 'refused') context.stderr.write(`Could not edit ${configFile}: ${result.reason}\n`);
  else if (sectionRemoved) context.stdout.write(`Removed [sso-session ${instance.sessionName}] from ${configFile}.\n`);
  else if (usedBy.length > 0) context.stdout.write(`Kept [sso-session ${instance.sessionName}] in ${configFile}: profiles ${usedBy.join(', ')} use it.\n`);
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
