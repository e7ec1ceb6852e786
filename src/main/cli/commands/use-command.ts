/**
 * `rolecall use ACCOUNT ROLE`: the app's "Use in terminal" (wired last; see the report).
 */
import { CliError, EXIT } from '../cli-errors';
import { defineCommand, instanceOption } from '../command';

const HELP = `Usage: rolecall use ACCOUNT ROLE [--instance NAME]
`;

export const useCommand = defineCommand(
  { name: 'use', options: { ...instanceOption }, positionals: ['ACCOUNT', 'ROLE'], help: HELP },
  () => Promise.reject(new CliError('rolecall use is not available yet.', EXIT.failed)),
);
