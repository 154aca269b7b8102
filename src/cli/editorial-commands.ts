/** users add|list and tokens create|revoke: accounts and API tokens from the command line (the first admin is made here). */
import type { Command } from 'commander';
import { ROLES } from '../model/roles.js';

export function registerEditorialCommands(program: Command): void {
  const users = program.command('users').description('editorial accounts: add one (the password is read from standard input, never an argument), or list them');
  users.command('add <name>')
    .description('create an account; the password (at least 12 characters) is read from standard input: piped, or typed without echo')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .action(async (name: string, opts: { role: string }) => (await import('./editorial-actions.js')).runUsersAdd(name, opts));
  users.command('list')
    .description('every account with its role and state')
    .action(async () => (await import('./editorial-actions.js')).runUsersList());

  const tokens = program.command('tokens').description('API tokens for scripts (Authorization: Bearer TOKEN): create one, list or revoke');
  tokens.command('create <name>')
    .description('print a new API token for the account NAME, once (only its hash is stored)')
    .option('--label <label>', 'what the token is for', 'command line')
    .action(async (name: string, opts: { label: string }) => (await import('./editorial-actions.js')).runTokensCreate(name, opts));
  tokens.command('list <name>')
    .description('the tokens of an account (never their secrets)')
    .action(async (name: string) => (await import('./editorial-actions.js')).runTokensList(name));
  tokens.command('revoke <id>')
    .description('revoke an API token by its number')
    .action(async (id: string) => (await import('./editorial-actions.js')).runTokensRevoke(id));
}
