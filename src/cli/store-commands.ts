/** init, load, status, export and import: the store's life cycle from the command line. */
import type { Command } from 'commander';

export function registerStoreCommands(program: Command): void {
  program.command('init')
    .description('create the store (PGlite under REDSHIFT_DATA_DIR, or DATABASE_URL) and apply migrations')
    .action(async () => (await import('./store-actions.js')).runInit());

  program.command('load')
    .description('validate the curated data and load it in one transaction (all or nothing; loading twice changes nothing); data that does not validate changes nothing and is recorded as a failed run with its first 100 errors (file, line, field, reason)')
    .option('--dir <dir>', 'curated data folder (default: REDSHIFT_KB_DIR or data/kb)')
    .action(async (opts: { dir?: string }) => (await import('./store-actions.js')).runLoad(opts));

  program.command('status')
    .description('counts per entity kind and per source, and each source\'s freshness: last success, staleness, data as-of date')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => (await import('./store-actions.js')).runStatus(opts));

  program.command('export')
    .description('write the whole knowledge base: one JSON document (docs/export-format.md), a Frictionless data package (a folder, or a .zip), or the curated YAML of data/kb with the editorial changes (a folder)')
    .requiredOption('--out <file>', 'output file (json), folder or .zip file (datapackage), or folder (yaml)')
    .option('--format <format>', 'json, datapackage or yaml', 'json')
    .action(async (opts: { out: string; format: string }) => (await import('./store-actions.js')).runExport(opts));

  program.command('import')
    .description('restore an export into an empty store; every row is checked as load checks the curated data first, and a refused file (each error with its file, line, row, field and reason) writes nothing and is recorded as a failed run')
    .argument('<file>', 'a file written by export')
    .action(async (file: string) => (await import('./store-actions.js')).runImport(file));
}
