/** Opens the store the settings name: PostgreSQL when DATABASE_URL is set, else PGlite under REDSHIFT_DATA_DIR. */
import { join } from 'node:path';
import { openStore, type Store } from '../store/open-store.js';
import type { Settings } from '../config/settings.js';

export function storeFromSettings(settings: Settings): Promise<Store> {
  return openStore({ databaseUrl: settings.databaseUrl, dataDir: settings.databaseUrl ? null : join(settings.dataDir, 'pglite') });
}
