import { parseCliArgs, USAGE } from './cli-args';
import { describeEmulator, startEmulator, type EmulatorOptions } from './index';
import { resolveOptions } from './options';

/**
 * The emulator command (`npm run emulator -- [flags]`): a thin wrapper around `startEmulator`.
 *
 * Prints where the emulator is and the environment for AWS clients, then runs until SIGINT or SIGTERM.
 */
async function main(): Promise<void> {
  let options: EmulatorOptions | 'help';
  try {
    options = parseCliArgs(process.argv.slice(2));
    // Check values before starting, so a typo gets the usage text and exit status 2.
    if (options !== 'help') resolveOptions(options);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  const emulator = await startEmulator(options);
  process.stdout.write(`${describeEmulator(emulator).join('\n')}\n`);
  process.stdout.write(
    `# ${emulator.organization.accounts.length} accounts, ${emulator.organization.roleAssignments} role assignments (built in ${emulator.loadMs.toFixed(0)} ms); sign-in page ${emulator.url}/device; admin API ${emulator.url}/__emulator/\n`,
  );
  const stop = (): void => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Identity Center emulator failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
