/** backup and restore: copies of the embedded store (PostgreSQL is backed up with pg_dump by its operator). */
import type { Command } from 'commander';

export function registerBackupCommands(program: Command): void {
  program.command('backup')
    .description('write a consistent backup of the embedded store to REDSHIFT_DATA_DIR/backups (keeping the newest REDSHIFT_BACKUPS), or list them')
    .option('--list', 'list the backups, newest first, without writing one')
    .action(async (opts: { list?: boolean }) => (await import('./backup-actions.js')).runBackup(opts));

  program.command('restore')
    .description('replace the embedded store with a backup written by `backup` (the current folder is kept aside); the server must be stopped')
    .argument('<file>', 'a backup file (redshift-monitor backup --list)')
    .option('--max-unpacked-mb <n>', 'refuse a backup that unpacks to more than this many MiB (it is unpacked in memory; a store with every bundled feed is about 100 MB)', '1024')
    .action(async (file: string, opts: { maxUnpackedMb: string }) => (await import('./backup-actions.js')).runRestore(file, opts));
}

