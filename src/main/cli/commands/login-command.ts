/**
 * `rolecall login`: device-code sign-in in the terminal, shared with the app and the AWS CLI.
 */
import { writeSessionSection } from '../../core/instances/config-sessions';
import type { PersistedInstance } from '../../core/persistence/persisted-state';
import type { SignInStatus } from '../../../shared/snapshot';
import { openAllowedUrl } from '../browser';
import { awsPathsOf, type CliContext } from '../cli-context';
import { CliError, EXIT } from '../cli-errors';
import { openSession } from '../cli-sign-in';
import { chooseOneInstance, loadCliState } from '../cli-state';
import { defineCommand, instanceOption } from '../command';
import { localTime, stylesFor } from '../output';

const HELP = `Usage: rolecall login [--instance NAME] [--no-browser] [--force]

Signs in to an IAM Identity Center instance with a device code: prints the
verification URL and the code, opens the browser (unless --no-browser, e.g.
over SSH: open the URL on any device), and waits until you approve. The
sign-in is shared with the Rolecall app and the AWS CLI (~/.aws/sso/cache).

Options:
  -i, --instance NAME  the instance (needed when Rolecall has several)
      --no-browser     print the URL and code only; do not open a browser
      --force          sign in again even if already signed in
  -h, --help           show this help
`;

/** Signed in for at least this long: `login` says so and does nothing (unless --force). */
const STILL_VALID_MS = 15 * 60_000;

export const loginCommand = defineCommand(
  { name: 'login', options: { ...instanceOption, 'no-browser': { type: 'boolean' }, force: { type: 'boolean' } }, positionals: [], help: HELP },
  async ({ values }, context) => {
    const { state } = await loadCliState(context, values.instance);
    const instance = chooseOneInstance(state, values.instance, 'login');
    const say = (line: string): void => context.stdout.write(`${line}\n`);
    const style = stylesFor(context.stdout, context.env);
    const session = await openSession(context, instance, {
      onStatus: (status) => showCode(context, status, style.bold, say),
      openVerificationPage: values['no-browser'] === true ? undefined : (url) => openPage(context, url, say),
    });
    try {
      const before = session.status();
      if (before.kind === 'signedIn' && before.expiresAt - context.now() > STILL_VALID_MS && values.force !== true) {
        context.stdout.write(`Already signed in to ${instance.sessionName} until ${localTime(before.expiresAt)}. Use --force to sign in again.\n`);
        return EXIT.ok;
      }
      say(`Signing in to ${instance.sessionName} (${instance.startUrl})…`);
      const onAbort = (): void => session.controller.cancelSignIn();
      context.signal.addEventListener('abort', onAbort, { once: true });
      await session.controller.signIn().finally(() => context.signal.removeEventListener('abort', onAbort));
      return await finish(context, instance, session.status());
    } finally {
      session.dispose();
    }
  },
);

function showCode(context: CliContext, status: SignInStatus, bold: (text: string) => string, say: (line: string) => void): void {
  if (status.kind !== 'awaitingApproval') return;
  const minutes = Math.max(1, Math.ceil((status.expiresAt - context.now()) / 60_000));
  say(`\nTo sign in, open ${status.verificationUri}\nand enter the code ${bold(status.userCode)} (valid for ${minutes} minutes).\n`);
  say('Waiting for approval… (Ctrl-C to cancel)');
}

async function openPage(context: CliContext, url: string, say: (line: string) => void): Promise<void> {
  try {
    await openAllowedUrl(context, url);
    say('Opened the sign-in page in your browser.');
  } catch {
    say('Could not open a browser: open the address above yourself.');
  }
}

async function finish(context: CliContext, instance: PersistedInstance, status: SignInStatus): Promise<typeof EXIT.ok> {
  if (status.kind === 'signedIn') {
    // As the app does after a sign-in: the AWS CLI finds it through the [sso-session] section.
    const written = await writeSessionSection(awsPathsOf(context).configFile, instance);
    if (!written.ok) context.stderr.write(`Could not add [sso-session ${instance.sessionName}] to ~/.aws/config: ${written.reason}\n`);
    context.stdout.write(`Signed in to ${instance.sessionName} until ${localTime(status.expiresAt)}.\n`);
    return EXIT.ok;
  }
  if (context.signal.aborted) throw new CliError('Sign-in cancelled.', EXIT.interrupted);
  const message = status.kind === 'signedOut' && status.message !== undefined ? status.message : 'The sign-in failed.';
  throw new CliError(message.replace(/Sign in again( if that was a mistake)?\.$/, 'Run "rolecall login" to try again.'), EXIT.failed);
}
