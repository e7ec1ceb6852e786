/**
 * The syntax and help of `rolecall credential-process`, apart from the command so that the entry point's
 * fast path can parse the arguments without loading the rest.
 */
import { instanceOption } from '../command';

const HELP = `Usage: rolecall credential-process ACCOUNT ROLE [--instance NAME]

Prints credentials for ROLE in ACCOUNT as credential_process JSON (Version 1,
with Expiration), for tools that cannot read SSO profiles. In ~/.aws/config:

  [profile payments-admin]
  credential_process = rolecall credential-process payments-prod AdministratorAccess

Credentials are cached (mode 0600, in Rolecall's data directory) and reused
while they have 15 minutes left. It never prompts: when you are not signed in
it prints the command to run on stderr and exits with 1.

Options:
  -i, --instance NAME  look for ACCOUNT in this instance only
  -h, --help           show this help
`;

/** `credential-process ACCOUNT ROLE [--instance NAME]`. */
export const credentialProcessSyntax = {
  name: 'credential-process',
  options: { ...instanceOption },
  positionals: ['ACCOUNT', 'ROLE'],
  help: HELP,
} as const;

