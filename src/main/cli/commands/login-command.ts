/**
 * `rolecall login`: sign-in from the terminal, shared with the app and the AWS CLI: PKCE in the browser
 * as `aws sso login` does by default, or a device code (asked for, over SSH, or with no browser).
 */
import { writeSessionSection } from '../../core/instances/config-sessions';
import type { PersistedInstance } from '../../core/persistence/persisted-state';
import type { SignInStatus } from '../../../shared/snapshot';
import { openAllowedUrl } from '../browser';
import { awsPathsOf, type CliContext } from '../cli-context';
import { CliError, EXIT } from '../cli-errors';
import { openSession } from '../cli-sign-in';
import type { SignInGrant } from '../../core/sign-in/session-controller';
import { chooseOneInstance, loadCliState } from '../cli-state';
import { defineCommand, instanceOption } from '../command';
import { localTime, stylesFor } from '../output';

const HELP = `Usage: rolecall login [--instance NAME] [--use-device-code] [--no-browser] [--force]

Signs in to an IAM Identity Center instance as \`aws sso login\` does: opens
the AWS sign-in page in your browser, which comes back to Rolecall on
127.0.0.1 once you allow access (OAuth with PKCE). Over SSH, with
--use-device-code or --no-browser, or when no browser can be opened, it
prints a verification URL and a code to confirm on any device instead.
The sign-in is shared with the Rolecall app and the AWS CLI (~/.aws/sso/cache).

Options:
  -i, --instance NAME    the instance (needed when Rolecall has several)
      --use-device-code  sign in with a device code
      --no-browser       print the URL and code only; do not open a browser
                         (implies --use-device-code)
      --force            sign in again even if already signed in
  -h, --help             show this help
`;

/** Signed in for at least this long: `login` says so and does nothing (unless --force). */
const STILL_VALID_MS = 15 * 60_000;

export const loginCommand = defineCommand(
  {
    name: 'login',
    options: { ...instanceOption, 'use-device-code': { type: 'boolean' }, 'no-browser': { type: 'boolean' }, force: { type: 'boolean' } },
    positionals: [],
    help: HELP,
  },
  async ({ values }, context) => {
    const { state } = await loadCliState(context, values.instance);
    const instance = chooseOneInstance(state, values.instance, 'login');
    const say = (line: string): void => context.stdout.write(`${line}\n`);
    const style = stylesFor(context.stdout, context.env);
    const { grant, openBrowser } = grantFor(context, values['use-device-code'] === true, values['no-browser'] === true, say);
    let active = grant;
    let browserFailed = false;
    const openInBrowser = async (url: string): Promise<void> => {
      if (active === 'device') return openPage(context, url, say);
      // A PKCE sign-in needs the browser: a failure ends it, and the device code takes over.
      await openAllowedUrl(context, url).catch((error: unknown) => {
        browserFailed = true;
        throw error;
      });
    };
    const session = await openSession(context, instance, {
      onStatus: (status) => showCode(context, status, style.bold, say),
      openVerificationPage: openBrowser ? openInBrowser : undefined,
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
      try {
        await session.controller.signIn(grant);
        if (grant === 'pkce' && browserFailed && !context.signal.aborted) {
          say('Could not open a browser: signing in with a device code instead.');
          active = 'device';
          await session.controller.signIn('device');
        }
      } finally {
        context.signal.removeEventListener('abort', onAbort);
      }
      return await finish(context, instance, session.status());
    } finally {
      session.dispose();
    }
  },
);

/**
 * PKCE unless asked otherwise; over SSH a device code and no browser, since a browser that opened would
 * be on the remote machine, not in front of the person.
 */
function grantFor(context: CliContext, useDeviceCode: boolean, noBrowser: boolean, say: (line: string) => void): { grant: SignInGrant; openBrowser: boolean } {
  if (noBrowser) return { grant: 'device', openBrowser: false };
  if (useDeviceCode) return { grant: 'device', openBrowser: true };
  const ssh = ['SSH_CONNECTION', 'SSH_TTY'].find((name) => (context.env[name] ?? '') !== '');
  if (ssh === undefined) return { grant: 'pkce', openBrowser: true };
  say(`Over SSH (${ssh} is set): signing in with a device code; open the address below on any device.`);
  return { grant: 'device', openBrowser: false };
}

function showCode(context: CliContext, status: SignInStatus, bold: (text: string) => string, say: (line: string) => void): void {
  if (status.kind === 'awaitingBrowser') {
    say('\nOpening the AWS sign-in page in your browser: allow access there, and it comes back here.');
    say('Waiting for the browser… (Ctrl-C to cancel)');
    return;
  }
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
