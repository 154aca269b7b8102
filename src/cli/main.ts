#!/usr/bin/env node
import { Command } from 'commander';
import { registerValidate } from './validate-command.js';
import { registerStoreCommands } from './store-commands.js';
import { registerServe } from './serve-command.js';

const program = new Command()
  .name('redshift-monitor')
  .description('Sourced tracking and analysis of China\'s commercial and civil space enterprise.\n'
    + 'Settings come from the environment: PORT, HOST, DATABASE_URL, REDSHIFT_DATA_DIR, REDSHIFT_KB_DIR, LOG_LEVEL (docs/configuration.md).');
registerValidate(program);
registerStoreCommands(program);
registerServe(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
