/** The command-line program, built without running it (so docs/cli.md can be generated from it). */
import { Command } from 'commander';
import { registerValidate } from './validate-command.js';
import { registerStoreCommands } from './store-commands.js';
import { registerServe } from './serve-command.js';
import { registerIngest } from './ingest-command.js';
import { registerAnalytics } from './analytics-command.js';
import { registerReport } from './report-command.js';
import { registerBackupCommands } from './backup-commands.js';
import { registerScreen } from './screen-command.js';
import { registerEditorialCommands } from './editorial-commands.js';

export function buildProgram(): Command {
  const program = new Command()
    .name('redshift-monitor')
    .description('Sourced tracking and analysis of China\'s commercial and civil space enterprise.\n'
      + 'Settings come from the environment: PORT, HOST, DATABASE_URL, REDSHIFT_DATA_DIR, REDSHIFT_BACKUPS, REDSHIFT_KB_DIR, REDSHIFT_FETCH_SCHEDULE, LOG_LEVEL (docs/configuration.md).');
  registerValidate(program);
  registerStoreCommands(program);
  registerBackupCommands(program);
  registerServe(program);
  registerIngest(program);
  registerAnalytics(program);
  registerReport(program);
  registerScreen(program);
  registerEditorialCommands(program);
  return program;
}

/** Markdown reference of every command and option, from the program itself. */
export function renderCliDocs(program: Command = buildProgram()): string {
  const out = ['# Command line', '', '<!-- Generated from src/cli by `npm run gen`; do not edit by hand. -->', '',
    '`redshift-monitor <command> [options]` (from a clone: `npm run cli -- <command>`).', '', program.description(), ''];
  const leaves = program.commands.flatMap((cmd) => (cmd.commands.length ? cmd.commands.map((sub) => ({ cmd: sub, name: `${cmd.name()} ${sub.name()}` })) : [{ cmd, name: cmd.name() }]));
  for (const { cmd, name } of leaves) {
    const args = cmd.registeredArguments.map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}]`)).join(' ');
    out.push(`## ${name}${args ? ` ${args}` : ''}`, '', cmd.description(), '');
    if (cmd.options.length) {
      out.push('| option | meaning |', '| --- | --- |');
      for (const o of cmd.options) out.push(`| \`${o.flags}\` | ${o.description}${o.defaultValue !== undefined ? ` (default: ${String(o.defaultValue)})` : ''} |`);
      out.push('');
    }
  }
  return out.join('\n');
}
