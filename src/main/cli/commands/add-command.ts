/**
 * `rolecall add`: adds an IAM Identity Center instance from the terminal, with the app's own checks,
 * and shares it with the AWS CLI through an `[sso-session]` section, as the app does.
 */
import { deriveSessionName, type FieldErrors } from '../../../shared/instance-input';
import { writeSessionSection } from '../../core/instances/config-sessions';
import { admitInstance } from '../../core/instances/instance-admission';
import { addInstances, readState } from '../../core/terminal/state-access';
import { awsPathsOf, dataDirOf } from '../cli-context';
import { CliError, EXIT, usageError } from '../cli-errors';
import { loginCommand } from '../cli-state';
import { defineCommand } from '../command';

const HELP = `Usage: rolecall add --start-url URL --region REGION [--name NAME]

Adds an IAM Identity Center instance: your AWS access portal URL and the
region of the instance, as in "aws configure sso". NAME names its
[sso-session NAME] section in ~/.aws/config (by default the portal's
directory, e.g. d-1234567890). The app and this command share instances.

Options:
      --start-url URL  the AWS access portal URL (https://…/start)
      --region REGION  the Identity Center instance's region, e.g. eu-west-1
  -n, --name NAME      the session name (letters, digits and - _ . @ + % : /)
  -h, --help           show this help
`;

const FLAG_OF: Readonly<Record<keyof FieldErrors, string>> = { startUrl: '--start-url', region: '--region', sessionName: '--name' };

export const addCommand = defineCommand(
  {
    name: 'add',
    options: { 'start-url': { type: 'string' }, region: { type: 'string' }, name: { type: 'string', short: 'n' } },
    positionals: [],
    help: HELP,
  },
  async ({ values }, context) => {
    const startUrl = values['start-url'];
    const region = values.region;
    if (startUrl === undefined || region === undefined) throw usageError('rolecall add needs --start-url URL and --region REGION.', 'add');
    const dataDir = dataDirOf(context);
    const configFile = awsPathsOf(context).configFile;
    const state = await readState(dataDir);
    const sessionName = values.name ?? deriveSessionName(startUrl);
    const admission = await admitInstance({ startUrl, region, sessionName, tokenStorage: 'aws-cli' }, state.instances, configFile);
    if (admission.kind === 'invalid') throw invalidInput(admission.errors, values.name === undefined);
    const { instance } = admission;
    await addInstances(dataDir, [instance]);
    const written = await writeSessionSection(configFile, instance);
    const shared = written.ok ? ` and [sso-session ${instance.sessionName}] to ${configFile}` : '';
    context.stdout.write(`Added instance ${instance.sessionName} (${instance.startUrl}, ${instance.region})${shared}.\n`);
    if (!written.ok) context.stderr.write(`Could not add [sso-session ${instance.sessionName}] to ${configFile}: ${written.reason}\n`);
    const after = await readState(dataDir);
    context.stdout.write(`Sign in: ${loginCommand(after, instance)}\n`);
    return EXIT.ok;
  },
);

/** One line per field, each led by the option to fix; a derived name that failed says to pass --name. */
function invalidInput(errors: FieldErrors, nameDerived: boolean): CliError {
  const lines = (Object.keys(FLAG_OF) as (keyof FieldErrors)[]).flatMap((field) => {
    const message = errors[field];
    if (message === undefined) return [];
    const hint = field === 'sessionName' && nameDerived ? ' Pass --name NAME.' : '';
    return [`${FLAG_OF[field]}: ${message}${hint}`];
  });
  return new CliError(lines.join('\n'), EXIT.usage);
}
