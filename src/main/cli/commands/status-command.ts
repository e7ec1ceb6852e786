/**
 * `rolecall status`: each instance, whether it is signed in and until when, its saved account list,
 * and the active profile. Reads files only; no network.
 */
import { readConfigFile } from '../../core/aws-files/config-file';
import { readConfig } from '../../core/aws-files/config-reader';
import { readSsoTokenFile } from '../../core/aws-files/sso-token-file';
import type { PersistedInstance, PersistedState } from '../../core/persistence/persisted-state';
import { awsPathsOf, tokenFileOf, type CliContext } from '../cli-context';
import { loadCliState, loginCommand } from '../cli-state';
import { defineCommand } from '../command';
import { duration, localTime, stylesFor, writeLines } from '../output';

const HELP = `Usage: rolecall status [--json]

Shows each IAM Identity Center instance Rolecall knows (shared with the app),
whether it is signed in and until when, its saved account list, and the active
profile (AWS_PROFILE, else the [default] profile in ~/.aws/config).

Options:
      --json  print JSON instead of text
  -h, --help  show this help
`;

/** Where an instance's sign-in stands, as far as its files tell. */
type SignInState =
  | { readonly state: 'signed-in'; readonly expiresAt: number }
  | { readonly state: 'expired'; readonly expiresAt: number; readonly renewable: boolean }
  | { readonly state: 'signed-out' | 'unreadable' | 'keychain' };

interface InstanceStatus {
  readonly instance: PersistedInstance;
  /** The command that signs in to it. */
  readonly login: string;
  readonly signIn: SignInState;
  readonly accounts: { readonly count: number; readonly listedAt: number } | null;
}

/** The active profile: `AWS_PROFILE`, and what `[default]` points at if it is an Identity Center profile. */
interface ActiveProfile {
  readonly envProfile: string | null;
  readonly defaultProfile: { readonly accountId?: string; readonly roleName?: string; readonly session?: string } | null;
  /** Whether the profile is in the config file at all. */
  readonly exists: boolean;
}

export const statusCommand = defineCommand(
  { name: 'status', options: { json: { type: 'boolean' } }, positionals: [], help: HELP },
  async ({ values }, context) => {
    const { state } = await loadCliState(context);
    const statuses = await Promise.all(state.instances.map((instance) => instanceStatus(context, state, instance)));
    const active = await activeProfile(context);
    if (values.json === true) context.stdout.write(`${JSON.stringify(statusJson(statuses, active), null, 2)}\n`);
    else writeLines(context.stdout, statusText(context, statuses, active));
    return undefined;
  },
);

async function instanceStatus(context: CliContext, state: PersistedState, instance: PersistedInstance): Promise<InstanceStatus> {
  const cache = state.accountCache[instance.id];
  const accounts = cache === undefined ? null : { count: cache.accounts.length, listedAt: cache.listedAt };
  const base = { instance, login: loginCommand(state, instance), accounts };
  if (instance.tokenStorage === 'keychain') return { ...base, signIn: { state: 'keychain' } };
  const read = await readSsoTokenFile(tokenFileOf(context, instance));
  if (read.kind === 'missing') return { ...base, signIn: { state: 'signed-out' } };
  if (read.kind === 'invalid') return { ...base, signIn: { state: 'unreadable' } };
  const { expiresAt, refreshToken, clientId, clientSecret } = read.token;
  const signIn: SignInState =
    expiresAt.getTime() > context.now()
      ? { state: 'signed-in', expiresAt: expiresAt.getTime() }
      : { state: 'expired', expiresAt: expiresAt.getTime(), renewable: refreshToken !== undefined && clientId !== undefined && clientSecret !== undefined };
  return { ...base, signIn };
}

async function activeProfile(context: CliContext): Promise<ActiveProfile> {
  const fromEnv = context.env['AWS_PROFILE'];
  const envProfile = fromEnv === undefined || fromEnv === '' ? null : fromEnv;
  const read = await readConfigFile(awsPathsOf(context).configFile);
  const view = read.kind === 'ok' ? readConfig(read.text) : undefined;
  const values = view?.ok === true ? view.value.profiles.get(envProfile ?? 'default') : undefined;
  if (values === undefined) return { envProfile, defaultProfile: null, exists: false };
  const accountId = values?.get('sso_account_id');
  const roleName = values?.get('sso_role_name');
  const session = values?.get('sso_session');
  const defaultProfile =
    accountId === undefined && roleName === undefined
      ? null
      : { ...(accountId !== undefined && { accountId }), ...(roleName !== undefined && { roleName }), ...(session !== undefined && { session }) };
  return { envProfile, defaultProfile, exists: true };
}

function statusText(context: CliContext, statuses: readonly InstanceStatus[], active: ActiveProfile): string[] {
  const style = stylesFor(context.stdout, context.env);
  if (statuses.length === 0) return ['No IAM Identity Center instance yet. Add one in the Rolecall app.'];
  const lines: string[] = [];
  for (const { instance, login, signIn, accounts } of statuses) {
    lines.push(`${style.bold(instance.sessionName)}  ${instance.startUrl}  (${instance.region})`);
    lines.push(`  ${signInText(context, signIn, login, style)}`);
    lines.push(`  ${accounts === null ? 'accounts: not listed yet' : `accounts: ${accounts.count} saved, listed ${localTime(accounts.listedAt)}`}`);
  }
  const profileName = active.envProfile ?? 'default';
  const target = active.defaultProfile;
  const unknown = active.exists ? 'not an IAM Identity Center profile' : 'not set';
  const described = target === null ? unknown : `${target.roleName ?? '?'} in ${target.accountId ?? '?'}${target.session === undefined ? '' : ` via ${target.session}`}`;
  lines.push('', `Active profile: ${profileName}${active.envProfile === null ? '' : ' (AWS_PROFILE)'}: ${described}`);
  return lines;
}

function signInText(context: CliContext, signIn: SignInState, login: string, style: ReturnType<typeof stylesFor>): string {
  switch (signIn.state) {
    case 'signed-in':
      return style.green(`signed in until ${localTime(signIn.expiresAt)} (${duration(signIn.expiresAt - context.now())} left)`);
    case 'expired':
      return signIn.renewable
        ? style.yellow(`access token expired ${localTime(signIn.expiresAt)}; renewed on next use while the session lasts`)
        : style.red(`sign-in expired ${localTime(signIn.expiresAt)}; run ${login}`);
    case 'signed-out':
      return style.red(`signed out; run ${login}`);
    case 'unreadable':
      return style.red(`the token file cannot be read; run ${login} to replace it`);
    case 'keychain':
      return 'signed in through the app’s keychain (only the app can use it)';
  }
}

function statusJson(statuses: readonly InstanceStatus[], active: ActiveProfile): unknown {
  return {
    instances: statuses.map(({ instance, signIn, accounts }) => ({
      name: instance.sessionName,
      id: instance.id,
      startUrl: instance.startUrl,
      region: instance.region,
      tokenStorage: instance.tokenStorage,
      signIn: 'expiresAt' in signIn ? { ...signIn, expiresAt: new Date(signIn.expiresAt).toISOString() } : signIn,
      accounts: accounts === null ? null : { count: accounts.count, listedAt: new Date(accounts.listedAt).toISOString() },
    })),
    activeProfile: { name: active.envProfile ?? 'default', fromEnvironment: active.envProfile !== null, ...active.defaultProfile },
  };
}
