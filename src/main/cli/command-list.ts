/**
 * The `rolecall` commands, each loaded only when it runs (a command that needs no AWS SDK never loads it).
 */
import type { RunnableCommand } from './command';

/** A command's name, one-line summary and loader. */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  readonly load: () => Promise<RunnableCommand>;
}

/** Every command, in the order `rolecall --help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'add', summary: 'add an Identity Center instance (start URL and region)', load: async () => (await import('./commands/add-command')).addCommand },
  { name: 'remove', summary: 'remove an instance (asks before it touches ~/.aws)', load: async () => (await import('./commands/remove-command')).removeCommand },
  { name: 'login', summary: 'sign in with a device code (--no-browser over SSH)', load: async () => (await import('./commands/login-command')).loginCommand },
  { name: 'logout', summary: 'sign out of one instance or all', load: async () => (await import('./commands/logout-command')).logoutCommand },
  { name: 'status', summary: 'instances, sign-in expiry, the active profile', load: async () => (await import('./commands/status-command')).statusCommand },
  { name: 'accounts', summary: 'list or search accounts and roles', load: async () => (await import('./commands/accounts-command')).accountsCommand },
  { name: 'export', summary: 'print credentials for a shell, a .env file or JSON', load: async () => (await import('./commands/export-command')).exportCommand },
  { name: 'console', summary: 'open (or print) a console sign-in URL for a role', load: async () => (await import('./commands/console-command')).consoleCommand },
  { name: 'use', summary: 'make a role the default profile (the app’s "Use in terminal")', load: async () => (await import('./commands/use-command')).useCommand },
  {
    name: 'credentials-file',
    summary: 'keep a role’s credentials in ~/.aws/credentials (set, refresh, list, remove)',
    load: async () => (await import('./commands/credentials-file-command')).credentialsFileCommand,
  },
  { name: 'serve', summary: 'a container credentials endpoint for a role (Docker, any SDK)', load: async () => (await import('./commands/serve-command')).serveCommand },
  { name: 'exec', summary: 'run one command with a role’s credentials in its environment', load: async () => (await import('./commands/exec-command')).execCommand },
  {
    name: 'credential-process',
    summary: 'credential_process JSON for any AWS tool',
    load: async () => (await import('./commands/credential-process-command')).credentialProcessCommand,
  },
];
