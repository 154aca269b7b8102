/**
 * Opens the store: embedded PGlite (a folder, or in memory) by default, PostgreSQL
 * when given a postgres:// URL. Both go through Kysely with the Postgres SQL
 * compiler, so every query is written once. Migrations run on open.
 *
 * A PGlite folder is opened in a worker thread (pglite-thread.ts), so its queries do not hold the
 * event loop; it is locked for this process (store-lock.ts), backed up before a migration,
 * and an unreadable one is reported with the backups that can restore it. Runs left
 * "running" by a dead process are closed as failed on open (runs.ts).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { Kysely } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_OPTIONS } from './pglite-options.js';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.js';
import { openPgliteThread, type PgliteThread } from './pglite-thread.js';
import { CopyingPostgresDialect } from './postgres-dialect.js';
import { migrate, pendingMigrations } from './migrate.js';
import { closeStaleRuns, lastSuccessfulRun } from './runs.js';
import { acquireStoreLock } from './store-lock.js';
import { refreshSearch } from './search-index.js';
import { listBackups, writeBackup } from './backup.js';
import { EMPTY_STORE_FILE, isNewFolder, readEmptyStore } from './empty-store.js';
import { TarballBlob } from './tarball-blob.js';
import type { Database } from './schema.js';
import type { StoreAccess } from './store-access.js';
import { errorMessage } from '../model/error-message.js';

export type StoreKind = 'pglite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  kind: StoreKind;
  /** Where the data lives: a folder, "memory", or the URL without its password. */
  location: string;
  /**
   * Writes a backup of an embedded store kept on disk and returns its file; null when this store is not
   * backed up here (PostgreSQL, in memory, REDSHIFT_BACKUPS=0). Unless forced, no new backup is written
   * while no run has succeeded since this process's last one (the data has not changed).
   */
  backup(reason: string, force?: boolean): Promise<string | null>;
  /** Records in the lock where this process serves the API, for processes refused by the lock. */
  noteUrl(url: string): void;
  /** How another thread of this process opens this store; null when it cannot (an in-memory PGlite). */
  shareWithThread(): Promise<StoreAccess | null>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** postgres:// URL; when null, PGlite. */
  databaseUrl: string | null;
  /** PGlite folder; null or "memory" for an in-memory database. */
  dataDir: string | null;
  /** Folder of the PGlite folder's backups (default: none are written). */
  backupDir?: string | null;
  /** How many backups to keep (0: none are written). */
  backupsKept?: number;
  /** For an in-memory PGlite, or a new PGlite folder: a dumpDataDir() tarball to start from instead of an empty database. */
  loadDataDir?: Blob;
  /** The build's empty store a new PGlite folder starts from (default: EMPTY_STORE_FILE, when it fits the code); null: initdb. */
  emptyStore?: string | null;
}

export class StoreUnreadableError extends Error {}

/** The migration that adds the name index (entity_names), built from the statements when an older store is migrated. */
const NAME_INDEX_MIGRATION = '004-search-names.sql';

export async function openStore(opts: StoreOptions): Promise<Store> {
  const store = opts.databaseUrl ? openPostgres(opts.databaseUrl) : await openPglite(opts);
  try {
    const pending = await pendingMigrations(store.db);
    if (pending.length) await store.backup(`before-migration-${pending[0]!.replace(/\.sql$/, '')}`);
    const applied = await migrate(store.db);
    // A store that had entities before the name index existed gets it built once.
    if (applied.includes(NAME_INDEX_MIGRATION) && pending.includes(NAME_INDEX_MIGRATION)) await refreshSearch(store.db);
    await closeStaleRuns(store.db, store.kind === 'pglite');
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

function openPostgres(url: string): Store {
  const pool = new pg.Pool({ connectionString: url, max: 5 });
  // An idle connection that the server ends (a restart, or a database dropped while the pool closes)
  // is dropped from the pool, which opens a new one when next needed; unheard, the error would end the process.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new CopyingPostgresDialect(pool) });
  return {
    db, kind: 'postgres', location: redact(url), backup: async () => null, noteUrl: () => {},
    shareWithThread: async () => ({ kind: 'postgres', url }), close: () => db.destroy(),
  };
}

async function openPglite(opts: StoreOptions): Promise<Store> {
  const dir = opts.dataDir && opts.dataDir !== 'memory' ? opts.dataDir : null;
  if (!dir) {
    const pglite = await PGlite.create({ ...PGLITE_OPTIONS, ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}) });
    const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
    return {
      db, kind: 'pglite', location: 'memory', backup: async () => null, noteUrl: () => {}, shareWithThread: async () => null, close: () => db.destroy(),
    };
  }
  mkdirSync(dir, { recursive: true });
  const lock = acquireStoreLock(dir);
  let pglite: PgliteThread;
  try {
    pglite = await openPgliteThread(dir, opts.loadDataDir ?? builtEmptyStore(dir, opts.emptyStore));
  } catch (err) {
    lock.release();
    throw new StoreUnreadableError(unreadableMessage(dir, opts.backupDir ?? null, err));
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  const kept = opts.backupsKept ?? 0;
  let last: { file: string; runId: number | null } | null = null;
  const backup = async (reason: string, force = false) => {
    if (!opts.backupDir || (kept === 0 && !force)) return null;
    const { id: runId } = await lastSuccessfulRun(db);
    if (!force && last && last.runId === runId && existsSync(last.file)) return last.file;
    last = { file: await writeBackup(db, pglite, opts.backupDir, reason, Math.max(kept, 1)), runId };
    return last.file;
  };
  return {
    db, kind: 'pglite', location: dir, backup,
    noteUrl: (url) => lock.note(url),
    shareWithThread: async () => ({ kind: 'pglite', port: await pglite.attach() }),
    close: async () => {
      try {
        await db.destroy();
      } finally {
        lock.release();
      }
    },
  };
}

/** For a new folder (checked under the lock), the build's empty store instead of an initdb (empty-store.ts); else none. */
function builtEmptyStore(dir: string, file: string | null = EMPTY_STORE_FILE): Blob | undefined {
  if (file === null || !isNewFolder(dir)) return undefined;
  const empty = readEmptyStore(file);
  return 'tarball' in empty ? new TarballBlob(empty.tarball) : undefined;
}

function unreadableMessage(dir: string, backupDir: string | null, err: unknown): string {
  const backups = backupDir ? listBackups(backupDir) : [];
  const lines = [`the embedded store at ${dir} cannot be opened (${errorMessage(err)}).`];
  if (backups.length) {
    lines.push('Restore the newest backup (the damaged folder is kept aside) with:', `  redshift-monitor restore ${backups[0]!.file}`,
      `Backups (newest first): ${backups.map((b) => `${b.file} (${b.at}, ${b.reason})`).join('; ')}`);
  } else {
    lines.push(`No backup was found${backupDir ? ` in ${backupDir}` : ''}. Move the folder aside to start a fresh store`
      + ' (it is loaded again from the bundled data on the next start), or restore an export with `redshift-monitor import`.');
  }
  return lines.join('\n');
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}
