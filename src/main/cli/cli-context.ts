/**
 * What every `rolecall` command runs with: the environment, the two output streams, a clock, a way to
 * open the browser and a signal for Ctrl-C. Passed in, never read globally, so commands run the same in
 * tests (in-process, with captured output) as from a terminal.
 */
import path from 'node:path';
import type { Env } from '../core/aws-files/aws-paths';
import { resolveAwsPaths, ssoTokenFileName, type AwsPaths } from '../core/aws-files/aws-paths';
import { resolveDataDir } from '../core/data-dir';
import { loadNetworkSettings, type NetworkSettings } from '../core/network/network-settings';

/** An output stream: stdout or stderr. */
export interface CliStream {
  write(text: string): void;
  /** Whether a person's terminal is attached (colour, progress lines). */
  readonly isTTY: boolean;
}

/** The command's world. */
export interface CliContext {
  readonly env: Env;
  /** `os.homedir()`, used when the environment names no home. */
  readonly homedir: string;
  readonly platform: NodeJS.Platform;
  readonly stdout: CliStream;
  readonly stderr: CliStream;
  /** Epoch milliseconds. */
  readonly now: () => number;
  /** Opens an already-allowlisted URL in the person's browser. */
  readonly openUrl: (url: URL) => Promise<void>;
  /** Aborted when the person presses Ctrl-C. */
  readonly signal: AbortSignal;
  /** Asks the person a question and returns the line they typed; absent when no one is at a terminal. */
  readonly ask?: (question: string) => Promise<string>;
}

/** Where Rolecall's own state lives (shared with the desktop app). */
export function dataDirOf(context: CliContext): string {
  return resolveDataDir(context.env, context.platform, context.homedir);
}

/** The AWS CLI's files (shared with the AWS CLI and SDKs). */
export function awsPathsOf(context: CliContext): AwsPaths {
  return resolveAwsPaths({ env: context.env, homedir: context.homedir });
}

/** The token file of an instance that shares the AWS CLI's files: `~/.aws/sso/cache/<sha1(session)>.json`. */
export function tokenFileOf(context: CliContext, instance: { readonly sessionName: string }): string {
  return path.join(awsPathsOf(context).ssoCacheDir, ssoTokenFileName(instance.sessionName));
}

/** The proxy and CA bundle settings every AWS call of this command honours (read from the files each time). */
export function networkOf(context: CliContext): Promise<NetworkSettings> {
  return loadNetworkSettings(context.env, awsPathsOf(context).configFile);
}
