/**
 * `rolecall export ACCOUNT ROLE`: a role's credentials in exactly the app's (and the AWS CLI's) formats,
 * so that `eval "$(rolecall export payments-prod AdministratorAccess)"` works.
 */
import { exportFormats, formatCredentials, type ExportFormat } from '../../core/actions/export-formats';
import { usageError } from '../cli-errors';
import { withRoleCredentials } from '../cli-role-action';
import { defineCommand, instanceOption } from '../command';

const HELP = `Usage: rolecall export ACCOUNT ROLE [--format FORMAT] [--region REGION] [--instance NAME]

Prints temporary credentials for ROLE in ACCOUNT, byte for byte as
"aws configure export-credentials" prints them, followed by AWS_REGION and
AWS_DEFAULT_REGION lines (not for "process"):

  eval "$(rolecall export payments-prod AdministratorAccess)"

ACCOUNT is an account id, name or alias (exact, any case); a name that fits
several accounts lists them and exits with 3. Credentials are reused from
rolecall's cache while they have 15 minutes left.

Options:
  -f, --format FORMAT  env (default), env-no-export, fish, powershell,
                       windows-cmd, dotenv, process
      --region REGION  the region to set (default: the instance's region)
  -i, --instance NAME  look for ACCOUNT in this instance only
  -h, --help           show this help
`;

export const exportCommand = defineCommand(
  {
    name: 'export',
    options: { ...instanceOption, format: { type: 'string', short: 'f' }, region: { type: 'string' } },
    positionals: ['ACCOUNT', 'ROLE'],
    help: HELP,
  },
  async ({ values, positionals: [account = '', role = ''] }, context) => {
    const format = parseFormat(values.format);
    const text = await withRoleCredentials(context, { instance: values.instance, account, role }, ({ target, credentials }) =>
      Promise.resolve(formatCredentials(credentials, format, values.region ?? target.instance.region)),
    );
    context.stdout.write(text);
    return undefined;
  },
);

function parseFormat(raw: string | undefined): ExportFormat {
  if (raw === undefined) return 'env';
  const format = exportFormats.find((f) => f === raw);
  if (format === undefined) throw usageError(`"${raw}" is not a format. Formats: ${exportFormats.join(', ')}.`, 'export');
  return format;
}
