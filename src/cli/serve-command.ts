import type { Command } from 'commander';

export function registerServe(program: Command): void {
  program.command('serve')
    .description('serve the web app and the API (PORT, HOST); a fresh store is first loaded with the curated data and the bundled snapshots')
    .action(async () => (await import('./serve-action.js')).runServe());
}
