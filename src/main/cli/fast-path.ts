/**
 * `rolecall credential-process` from cached credentials, before anything heavy is loaded; `null` sends
 * the caller to the full command (which also explains every problem).
 */
import { resolveSsoCacheDir } from '../core/aws-files/aws-paths';
import { resolveDataDir } from '../core/data-dir';
import { cachedCredentialProcess } from '../core/terminal/fast-credential-process';
import { parseCommand } from './cli-args';
import type { CliContext } from './cli-context';
import { credentialProcessSyntax } from './commands/credential-process-syntax';

/** The JSON to print, or `null` when the full command must run. */
export async function fastCredentialProcess(args: readonly string[], context: CliContext): Promise<string | null> {
  try {
    const parsed = parseCommand(credentialProcessSyntax, args);
    const [account, role] = parsed.positionals;
    if (parsed.help || account === undefined || role === undefined) return null;
    return await cachedCredentialProcess({
      dataDir: resolveDataDir(context.env, context.platform, context.homedir),
      ssoCacheDir: resolveSsoCacheDir({ env: context.env, homedir: context.homedir }),
      instance: parsed.values.instance,
      account,
      role,
      now: context.now(),
    });
  } catch {
    return null;
  }
}
