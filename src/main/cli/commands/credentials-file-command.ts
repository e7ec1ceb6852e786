/**
 * `rolecall credentials-file set|refresh|list|remove`: a role's temporary credentials kept in the shared
 * credentials file (`~/.aws/credentials`, or `AWS_SHARED_CREDENTIALS_FILE`) for tools that read only that
 * file, in sections marked as Rolecall's own; every other line stays byte for byte.
 */
import { formatExpiration } from '../../core/actions/export-formats';
import { writeManagedSection, readCredentialsText, removeManagedFromFile } from '../../core/aws-files/credentials-file';
import { defaultSectionName, managedSections, SECTION_NAME, type ManagedSectionInfo } from '../../core/aws-files/credentials-sections';
import { awsPathsOf, type CliContext } from '../cli-context';
import { CliError, EXIT, usageError, type ExitCode } from '../cli-errors';
import { withRoleCredentials } from '../cli-role-action';
import { defineCommand, instanceOption, type RunnableCommand } from '../command';

const HELP = `Usage: rolecall credentials-file set ACCOUNT ROLE [--profile NAME] [--replace] [--instance NAME]
       rolecall credentials-file refresh [NAME...]
       rolecall credentials-file list
       rolecall credentials-file remove NAME... | --all

Keeps temporary credentials for ROLE in ACCOUNT in a section of the shared
credentials file (AWS_SHARED_CREDENTIALS_FILE, default ~/.aws/credentials), for
tools that read only that file:

  rolecall credentials-file set payments-prod AdministratorAccess --profile pay-admin
  AWS_PROFILE=pay-admin terraform plan

The section is marked as Rolecall's (a comment under its header names the
account, role and instance, and until when the credentials hold); "refresh"
renews every marked section (or those named), "remove" takes them out, and
"rolecall logout" removes an instance's. Every other line of the file stays
byte for byte; the file is written atomically with mode 0600. A section of
the same name that Rolecall did not write is not replaced unless --replace,
and then only after a copy of the file is saved beside it.

Options:
  -p, --profile NAME   the section's name (default: ACCOUNTNAME-ROLE)
      --replace        replace a section of that name Rolecall did not write
      --all            remove: every section Rolecall wrote
  -i, --instance NAME  look for ACCOUNT in this instance only
  -h, --help           show this help
`;

const fileOf = (context: CliContext): string => awsPathsOf(context).credentialsFile;

async function setRole(context: CliContext, values: { profile?: string | undefined; replace?: boolean | undefined; instance?: string | undefined }, account: string, role: string, name?: string): Promise<string> {
  const file = fileOf(context);
  return withRoleCredentials(context, { instance: values.instance, account, role }, async ({ target, credentials }) => {
    const section = name ?? values.profile ?? defaultSectionName(target.account?.accountName ?? target.accountId, target.roleName);
    const expiration = formatExpiration(credentials.expiration);
    const outcome = await writeManagedSection(
      file,
      { name: section, accountId: target.accountId, roleName: target.roleName, instance: target.instance.sessionName, ...credentials, expiration },
      values.replace === true,
      context.now(),
    );
    if (outcome.kind === 'refused') throw new CliError(outcome.reason, EXIT.failed);
    if (outcome.kind === 'foreign') {
      throw new CliError(`[${outcome.name}] in ${file} was not written by Rolecall, so it was left as it is. Choose another --profile, or pass --replace to replace it (a copy of the file is saved first).`, EXIT.failed);
    }
    const saved = outcome.backup === null ? '' : ` (the file as it was is saved in ${outcome.backup})`;
    return `[${section}] in ${file} holds ${target.roleName} in ${target.accountId} until ${expiration}${saved}.\n`;
  });
}

async function listed(context: CliContext): Promise<ManagedSectionInfo[]> {
  const read = await readCredentialsText(fileOf(context));
  if (!read.ok) throw new CliError(read.reason, EXIT.failed);
  return managedSections(read.text);
}

const setCommand = defineCommand(
  { name: 'credentials-file set', options: { ...instanceOption, profile: { type: 'string', short: 'p' }, replace: { type: 'boolean' } }, positionals: ['ACCOUNT', 'ROLE'], help: HELP },
  async ({ values, positionals: [account = '', role = ''] }, context) => {
    if (values.profile !== undefined && !SECTION_NAME.test(values.profile)) throw usageError(`--profile: "${values.profile}" cannot be a section name: use letters, digits and . _ + @ - only.`, 'credentials-file');
    context.stdout.write(await setRole(context, values, account, role));
    return undefined;
  },
);

const refreshCommand = defineCommand(
  { name: 'credentials-file refresh', options: {}, positionals: [], optionalPositionals: ['NAME'], variadic: true, help: HELP },
  async ({ positionals }, context): Promise<ExitCode> => {
    const sections = (await listed(context)).filter((s) => positionals.length === 0 || positionals.includes(s.name));
    if (sections.length === 0) context.stdout.write(`No section of ${fileOf(context)} is Rolecall's${positionals.length > 0 ? ' by those names' : ''}.\n`);
    for (const section of sections) {
      context.stdout.write(await setRole(context, { instance: section.instance }, section.accountId, section.roleName, section.name));
    }
    return EXIT.ok;
  },
);

const listCommand = defineCommand({ name: 'credentials-file list', options: {}, positionals: [], help: HELP }, async (_parsed, context) => {
  const sections = await listed(context);
  if (sections.length === 0) context.stdout.write(`No section of ${fileOf(context)} is Rolecall's.\n`);
  for (const s of sections) context.stdout.write(`[${s.name}]  ${s.roleName} in ${s.accountId} (${s.instance}), until ${s.expiration}\n`);
  return undefined;
});

const removeCommand = defineCommand(
  { name: 'credentials-file remove', options: { all: { type: 'boolean' } }, positionals: [], optionalPositionals: ['NAME'], variadic: true, help: HELP },
  async ({ values, positionals }, context) => {
    if (positionals.length === 0 && values.all !== true) throw usageError('Name the sections to remove, or pass --all.', 'credentials-file');
    const result = await removeManagedFromFile(fileOf(context), (s) => values.all === true || positionals.includes(s.name));
    if (!result.ok) throw new CliError(result.reason, EXIT.failed);
    const missing = positionals.filter((name) => !result.removed.some((s) => s.name === name));
    for (const s of result.removed) context.stdout.write(`Removed [${s.name}] from ${fileOf(context)}.\n`);
    if (missing.length > 0) throw new CliError(`No section Rolecall wrote is named ${missing.map((m) => `[${m}]`).join(', ')}; nothing else was touched.`, EXIT.noMatch);
    return undefined;
  },
);

const SUBCOMMANDS: Readonly<Record<string, RunnableCommand>> = { set: setCommand, refresh: refreshCommand, list: listCommand, remove: removeCommand };

export const credentialsFileCommand: RunnableCommand = {
  help: HELP,
  execute(args, context) {
    const [sub, ...rest] = args;
    if (sub === '--help' || sub === '-h') {
      context.stdout.write(HELP);
      return Promise.resolve(EXIT.ok);
    }
    const command = sub === undefined ? undefined : SUBCOMMANDS[sub];
    if (command === undefined) throw usageError(`rolecall credentials-file needs one of: ${Object.keys(SUBCOMMANDS).join(', ')}.`, 'credentials-file');
    return command.execute(rest, context);
  },
};

/** For `rolecall logout`: removes the sections of instance `sessionName`; returns their names. */
export async function removeInstanceSections(context: CliContext, sessionName: string): Promise<string[]> {
  const result = await removeManagedFromFile(fileOf(context), (s) => s.instance === sessionName);
  return result.ok ? result.removed.map((s) => s.name) : [];
}
