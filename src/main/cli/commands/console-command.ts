/**
 * `rolecall console ACCOUNT ROLE`: signs the browser in to the AWS console as a role, or prints the
 * sign-in URL.
 */
import { isRegionName } from '../../core/actions/aws-partitions';
import {
  consoleDestination,
  consoleLoginUrl,
  consoleServices,
  federationEndpoint,
  requestSigninToken,
  type ConsoleDestination,
} from '../../core/actions/console-url';
import { createNetworkFetch } from '../../core/network/aws-http';
import { openAllowedUrl } from '../browser';
import { networkOf } from '../cli-context';
import { usageError } from '../cli-errors';
import { withRoleCredentials } from '../cli-role-action';
import { defineCommand, instanceOption } from '../command';
import { printable } from '../output';

const HELP = `Usage: rolecall console ACCOUNT ROLE [--destination SERVICE|PATH] [--region REGION] [--print]

Opens the AWS console in your browser, signed in as ROLE in ACCOUNT, through
the console federation endpoint (the same sign-in as the app's "Open console").

Options:
  -d, --destination WHERE  a service (${consoleServices.join(', ')})
                           or a console path such as /rds/home
      --region REGION      the console region (default: the instance's region)
  -p, --print              print the sign-in URL instead of opening it; it
                           signs anyone in for 15 minutes, so treat it as a secret
  -i, --instance NAME      look for ACCOUNT in this instance only
  -h, --help               show this help
`;

export const consoleCommand = defineCommand(
  {
    name: 'console',
    options: {
      ...instanceOption,
      destination: { type: 'string', short: 'd' },
      region: { type: 'string' },
      print: { type: 'boolean', short: 'p' },
    },
    positionals: ['ACCOUNT', 'ROLE'],
    help: HELP,
  },
  async ({ values, positionals: [account = '', role = ''] }, context) => {
    const destination = parseDestination(values.destination);
    if (values.region !== undefined && !isRegionName(values.region)) throw usageError(`"${values.region}" is not an AWS region name.`, 'console');
    const url = await withRoleCredentials(context, { instance: values.instance, account, role }, async ({ target, credentials }) => {
      const region = values.region ?? target.instance.region;
      const endpoint = federationEndpoint(region, context.env['ROLECALL_SIGNIN_ENDPOINT']);
      // SECURITY: the credentials go in a POST body, never a URL (checklist 26).
      const fetch = createNetworkFetch(await networkOf(context));
      const signinToken = await requestSigninToken({ fetch, endpoint, credentials, now: context.now });
      return consoleLoginUrl({ endpoint, signinToken, destination: consoleDestination(region, destination), issuer: target.instance.startUrl });
    });
    if (values.print === true) {
      context.stdout.write(`${url}\n`);
      return undefined;
    }
    await openAllowedUrl(context, url);
    const name = printable(account);
    context.stdout.write(`Opened the AWS console for ${name} as ${printable(role)} in your browser.\n`);
    return undefined;
  },
);

function parseDestination(raw: string | undefined): ConsoleDestination {
  if (raw === undefined) return { kind: 'home' };
  const service = consoleServices.find((s) => s === raw.toLowerCase());
  if (service !== undefined) return { kind: 'service', service };
  if (raw.startsWith('/')) return { kind: 'path', path: raw };
  throw usageError(`"${raw}" is neither a console service (${consoleServices.join(', ')}) nor a console path such as /rds/home.`, 'console');
}
