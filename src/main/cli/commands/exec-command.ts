/**
 * `rolecall exec ACCOUNT ROLE -- COMMAND [ARGS…]`: runs one command with a role's temporary credentials in
 * its environment, for tools that read only environment credentials (older Terraform providers and SDKs,
 * scripts), as `aws-vault exec` and granted's `assume --exec` do.
 */
import { enclosingExec, execEnvironment } from '../../core/terminal/exec-environment';
import { CliError, commandStatus, EXIT, usageError, type ExitCode } from '../cli-errors';
import { runChild } from '../exec-child';
import { withRoleCredentials } from '../cli-role-action';
import { defineCommand, instanceOption, type RunnableCommand } from '../command';

const HELP = `Usage: rolecall exec ACCOUNT ROLE [--region REGION] [--instance NAME] -- COMMAND [ARGS...]

Runs COMMAND with temporary credentials for ROLE in ACCOUNT in its environment:
AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN,
AWS_CREDENTIAL_EXPIRATION, AWS_REGION and AWS_DEFAULT_REGION. AWS_PROFILE and
AWS_DEFAULT_PROFILE are removed so they cannot win over them.

  rolecall exec payments-prod AdministratorAccess -- terraform plan

COMMAND gets this terminal's stdin, stdout and stderr, and the signals rolecall
receives; rolecall exits with COMMAND's status (128+N if signal N ended it,
127 if COMMAND is not found). Inside an exec, ROLECALL_EXEC names the account
and role; a nested exec is refused unless --allow-nested is given.

Options:
      --region REGION  the region to set (default: the instance's region)
  -i, --instance NAME  look for ACCOUNT in this instance only
      --allow-nested   run even inside another rolecall exec
  -h, --help           show this help
`;

/** Splits `ACCOUNT ROLE [options] -- COMMAND…` at the first `--`: everything after it is the command's. */
function splitAtDoubleDash(args: readonly string[]): { own: readonly string[]; command: readonly string[] } {
  const at = args.indexOf('--');
  return at === -1 ? { own: args, command: [] } : { own: args.slice(0, at), command: args.slice(at + 1) };
}

function ownCommand(command: readonly string[]): RunnableCommand {
  return defineCommand(
    {
      name: 'exec',
      options: { ...instanceOption, region: { type: 'string' }, 'allow-nested': { type: 'boolean' } },
      positionals: ['ACCOUNT', 'ROLE'],
      help: HELP,
    },
    async ({ values, positionals: [account = '', role = ''] }, context): Promise<ExitCode> => {
      const [program, ...args] = command;
      if (program === undefined || program === '') throw usageError('rolecall exec needs a command after "--".', 'exec');
      const enclosing = enclosingExec(context.env);
      if (enclosing !== null && values['allow-nested'] !== true) {
        throw new CliError(
          `This shell already runs inside rolecall exec as ${enclosing} (ROLECALL_EXEC). A nested exec would replace those credentials; pass --allow-nested to do it anyway.`,
          EXIT.failed,
        );
      }
      const env = await withRoleCredentials(context, { instance: values.instance, account, role }, ({ target, credentials }) =>
        Promise.resolve(
          execEnvironment(context.env, {
            accountId: target.accountId,
            roleName: target.roleName,
            region: values.region ?? target.instance.region,
            credentials,
          }),
        ),
      );
      const ending = await runChild(program, args, env);
      if (ending.kind === 'exited') return commandStatus(ending.status);
      const why = ending.kind === 'not-found' ? 'was not found on PATH' : 'could not be run (is it executable?)';
      context.stderr.write(`rolecall exec: ${program} ${why}.\n`);
      return commandStatus(ending.kind === 'not-found' ? 127 : 126);
    },
  );
}

export const execCommand: RunnableCommand = {
  help: HELP,
  execute(args, context) {
    const { own, command } = splitAtDoubleDash(args);
    return ownCommand(command).execute(own, context);
  },
};
