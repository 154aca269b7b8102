import type { Command } from 'commander';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check the curated data files and the classification rules against the model without writing anything')
    .option('--dir <dir>', 'curated data folder (default: REDSHIFT_KB_DIR or data/kb)')
    .option('--rules <dir>', 'rules folder (default: REDSHIFT_RULES_DIR or data/rules)')
    .option('--max-errors <n>', 'print at most this many errors', '200')
    .action(async (opts: { dir?: string; rules?: string; maxErrors: string }) => (await import('./validate-action.js')).runValidate(opts));
}
