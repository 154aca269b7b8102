/** Opens the store the settings name: PostgreSQL when DATABASE_URL is set, else PGlite under REDSHIFT_DATA_DIR. */
import { join } from 'node:path';
import { openStore, type Store } from '../store/open-store.js';
import type { Settings } from '../config/settings.js';

export function pgliteDir(settings: Settings): string {
  return join(settings.dataDir, 'pglite');
}

export function backupDir(settings: Settings): string {
  return join(settings.dataDir, 'backups');
}

export function storeFromSettings(settings: Settings): Promise<Store> {
  return settings.databaseUrl
    ? openStore({ databaseUrl: settings.databaseUrl, dataDir: null })
    : openStore({ databaseUrl: null, dataDir: pgliteDir(settings), backupDir: backupDir(settings), backupsKept: settings.backups });
}
