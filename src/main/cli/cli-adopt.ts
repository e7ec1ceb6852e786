/**
 * A terminal-only person's instances: `rolecall` adopts the IAM Identity Center sign-ins `~/.aws/config`
 * already describes (what `aws configure sso` writes), with the app's own import, when it has none or
 * when `--instance NAME` names one of them, and says which it adopted.
 */
import { adoptConfigSessions, type Adopted } from '../core/instances/instance-admission';
import { writeSessionSection } from '../core/instances/config-sessions';
import type { PersistedState } from '../core/persistence/persisted-state';
import { addInstances, readState } from '../core/terminal/state-access';
import { awsPathsOf, dataDirOf, type CliContext } from './cli-context';

/**
 * Adopts config sessions when the state has no instance, or none named `name`; returns the state as it
 * is afterwards. Prints one line per adopted instance on stderr (stdout stays the command's own).
 */
export async function adoptWhenNeeded(context: CliContext, state: PersistedState, name: string | undefined): Promise<PersistedState> {
  const known = name === undefined ? state.instances.length > 0 : state.instances.some((i) => i.sessionName === name);
  if (known) return state;
  const configFile = awsPathsOf(context).configFile;
  const adopted = await adoptConfigSessions(configFile, state.instances, (offer) => name === undefined || offer.sessionName === name);
  if (adopted.length === 0) return state;
  await addInstances(dataDirOf(context), adopted.map((a) => a.instance));
  for (const one of adopted) await shareSession(context, configFile, one);
  return readState(dataDirOf(context));
}

/** Says what was adopted; a legacy profile gets the `[sso-session]` section the app's import writes. */
async function shareSession(context: CliContext, configFile: string, { instance, source }: Adopted): Promise<void> {
  context.stderr.write(`Adopted ${source.source} from ${configFile} as instance ${instance.sessionName} (${instance.startUrl}, ${instance.region}).\n`);
  if (source.source.startsWith('[sso-session ')) return;
  const written = await writeSessionSection(configFile, instance);
  if (written.ok) context.stderr.write(`Added [sso-session ${instance.sessionName}] to ${configFile} so the AWS CLI shares this sign-in.\n`);
  else context.stderr.write(`Could not add [sso-session ${instance.sessionName}] to ${configFile}: ${written.reason}\n`);
}
