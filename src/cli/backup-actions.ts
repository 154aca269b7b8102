/** The backup and restore commands' work (backup-commands.ts defines them). */
import { existsSync } from 'node:fs';
import { readSettings } from '../config/settings.js';
import { withStore } from './with-store.js';
import { backupDir, pgliteDir } from '../services/store-from-settings.js';
import { listBackups, restoreBackup } from '../store/backup.js';
import { acquireStoreLock } from '../store/store-lock.js';
import { formatTable } from './format-table.js';

const POSTGRES_NOTE = 'the store is PostgreSQL (DATABASE_URL): back it up and restore it with its own tools, e.g. `pg_dump -Fc "$DATABASE_URL" > redshift.dump` and `pg_restore --clean -d "$DATABASE_URL" redshift.dump`';

function printBackups(dir: string): void {
  const backups = listBackups(dir);
  if (!backups.length) return console.log(`no backups in ${dir}`);
  console.log(formatTable(['file', 'taken at', 'reason', 'MB'], backups.map((b) => [b.file, b.at, b.reason, (b.bytes / 1e6).toFixed(1)])));
}

export function runBackup(opts: { list?: boolean }): void | Promise<void> {
  const settings = readSettings();
  if (settings.databaseUrl) throw new Error(POSTGRES_NOTE);
  if (opts.list) return printBackups(backupDir(settings));
  return withStore(async (store) => {
      const file = await store.backup('manual', true);
      console.log(`wrote ${file}`);
      printBackups(backupDir(settings));
    });
  }

  /** The --max-unpacked-mb option as bytes: a whole number of MiB, at least 1. */
  function maxUnpackedBytes(mb: string): number {
    const n = Number(mb);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--max-unpacked-mb must be a whole number of MiB, at least 1, got "${mb}"`);
    return n * 1024 * 1024;
  }

  export async function runRestore(file: string, opts: { maxUnpackedMb: string }): Promise<void> {
    const settings = readSettings();
    if (settings.databaseUrl) throw new Error(POSTGRES_NOTE);
    if (!existsSync(file)) throw new Error(`${file}: no such backup (redshift-monitor backup --list)`);
    const maxBytes = maxUnpackedBytes(opts.maxUnpackedMb);
    const dir = pgliteDir(settings);
    const lock = acquireStoreLock(dir);
    try {
      const { replaced } = await restoreBackup(file, dir, maxBytes);
      console.log(`restored ${file} into ${dir}`);
      if (replaced) console.log(`the previous store was moved to ${replaced}; delete it once the restored store is as expected`);
    } finally {
      lock.release();
    }
  }
