/**
 * A store that child processes and the test share: a PGlite folder in a temporary directory,
 * or a fresh PostgreSQL database. env() is what a child needs to open it; open() opens it here.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestStore, emptyStoreTarball } from './stores.js';
import { TarballBlob } from '../../src/store/tarball-blob.js';
import { openStore, type Store, type StoreKind } from '../../src/store/open-store.js';

export interface StoreTarget {
  kind: StoreKind;
  dataDir: string;
  env(): Record<string, string>;
  open(): Promise<Store>;
  dispose(): Promise<void>;
}

export async function storeTarget(kind: StoreKind): Promise<StoreTarget> {
  const dataDir = mkdtempSync(join(tmpdir(), 'redshift-store-'));
  if (kind === 'pglite') {
    return {
      kind, dataDir,
      env: () => ({ REDSHIFT_DATA_DIR: dataDir }),
      // A folder the test opens first starts as a copy of a migrated empty store (as a new folder would be, without the initdb).
      open: async () => openStore({
        databaseUrl: null, dataDir: join(dataDir, 'pglite'), backupDir: join(dataDir, 'backups'), backupsKept: 3,
        loadDataDir: existsSync(join(dataDir, 'pglite')) ? undefined : new TarballBlob(await emptyStoreTarball()),
      }),
      dispose: async () => {},
    };
  }
  const pgStore = await createTestStore('postgres');
  const url = pgStore.location;
  return {
    kind, dataDir,
    env: () => ({ DATABASE_URL: url }),
    open: () => openStore({ databaseUrl: url, dataDir: null }),
    dispose: () => pgStore.dispose(),
  };
}
