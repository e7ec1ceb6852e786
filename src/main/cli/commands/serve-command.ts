/**
 * `rolecall serve ACCOUNT ROLE [--port N]`: a container credentials endpoint for one role on 127.0.0.1,
 * until Ctrl-C, for Docker containers and any SDK that reads `AWS_CONTAINER_CREDENTIALS_FULL_URI`.
 */
import { startCredentialServer, type CredentialServer } from '../../core/container/credential-server';
import { CliError, EXIT, usageError } from '../cli-errors';
import type { CliContext } from '../cli-context';
import { withRoleCredentials } from '../cli-role-action';
import { defineCommand, instanceOption } from '../command';
import { localTime, printable } from '../output';
import type { TargetQuery } from '../cli-target';

const HELP = `Usage: rolecall serve ACCOUNT ROLE [--port N] [--instance NAME]

Serves temporary credentials for ROLE in ACCOUNT as a container credentials
endpoint (the one every AWS SDK reads in ECS) on 127.0.0.1, until Ctrl-C.
It prints the two variables to set; each start makes a new token, and a
request without it gets 401, with another one 403. Credentials are fetched
again before they expire while you stay signed in.

  export AWS_CONTAINER_CREDENTIALS_FULL_URI=http://127.0.0.1:PORT/
  export AWS_CONTAINER_AUTHORIZATION_TOKEN=TOKEN

Docker: the endpoint listens on this host's loopback only, and the SDKs accept
a plain-http FULL_URI only for a loopback address, so give the container the
host's network: docker run --network host -e AWS_CONTAINER_CREDENTIALS_FULL_URI
-e AWS_CONTAINER_AUTHORIZATION_TOKEN IMAGE (Linux; Docker Desktop needs its
host networking setting). host.docker.internal does not work for this.

Options:
  -p, --port N         the port (default: a free one)
  -i, --instance NAME  look for ACCOUNT in this instance only
  -h, --help           show this help
`;

export const serveCommand = defineCommand(
  { name: 'serve', options: { ...instanceOption, port: { type: 'string', short: 'p' } }, positionals: ['ACCOUNT', 'ROLE'], help: HELP },
  async ({ values, positionals: [account = '', role = ''] }, context) => {
    const port = parsePort(values.port);
    const query: TargetQuery = { instance: values.instance, account, role };
    // Resolve and fetch once first, so a wrong name or a signed-out instance fails before anything listens.
    const { target, credentials } = await withRoleCredentials(context, query, (action) => Promise.resolve(action));
    const server = await listen(context, query, port);
    const name = target.account === null ? target.accountId : `${printable(target.account.accountName)} (${target.accountId})`;
    context.stderr.write(`Serving ${printable(target.roleName)} in ${name} on 127.0.0.1:${server.port}; credentials until ${localTime(credentials.expiration)}, then renewed. Ctrl-C stops it.\n`);
    context.stdout.write(`export AWS_CONTAINER_CREDENTIALS_FULL_URI=${server.url}\nexport AWS_CONTAINER_AUTHORIZATION_TOKEN=${server.token}\n`);
    context.stderr.write('Docker on this host: docker run --network host -e AWS_CONTAINER_CREDENTIALS_FULL_URI -e AWS_CONTAINER_AUTHORIZATION_TOKEN IMAGE\n');
    await stopped(context.signal);
    await server.stop();
    context.stderr.write('Stopped serving.\n');
    return EXIT.ok;
  },
);

async function listen(context: CliContext, query: TargetQuery, port: number): Promise<CredentialServer> {
  try {
    return await startCredentialServer({
      port,
      now: context.now,
      fetchCredentials: () => withRoleCredentials(context, query, ({ credentials }) => Promise.resolve(credentials)),
    });
  } catch (error: unknown) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (code === 'EADDRINUSE') throw new CliError(`Port ${port} is already in use. Choose another with --port, or leave it out for a free one.`, EXIT.failed);
    throw error;
  }
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined) return 0;
  const port = /^\d{1,5}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(port >= 1 && port <= 65535)) throw usageError(`"${printable(raw)}" is not a port (1 to 65535).`, 'serve');
  return port;
}

function stopped(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
