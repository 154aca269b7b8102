/**
 * Builds one store kind's shared load for a test run (see shared-load.ts), as a child process:
 *   node --import tsx test/support/shared-load-build.ts <pglite|postgres> <run folder> <template name>
 * It takes the kind's lock in the run folder (or leaves if another live process holds it), loads
 * the store from scratch, and writes <kind>.done ({ origin, seconds }) or <kind>.failed (the error).
 */
import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Kysely } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { openStore, type StoreKind } from '../../src/store/open-store.js';
import { PGliteDialect } from '../../src/store/pglite-dialect.js';
import { PGLITE_OPTIONS } from '../../src/store/pglite-options.js';
import { migrate } from '../../src/store/migrate.js';
import { dataDirBytes, dumpWithoutSpareWal } from '../../src/store/data-dir-tar.js';
import type { Database } from '../../src/store/schema.js';
import { databaseUrl, emptyStoreTarball, withAdmin } from './stores.js';
import { TarballBlob } from '../../src/store/tarball-blob.js';
import { keepSafetyResults, loadFirstStart } from './first-start-load.js';

/** What shared-load-setup.ts provides to the test files of a run. */
export interface SharedLoadRun {
  /** A folder of this run: the PGlite tarball, the locks and the completion markers. */
  dir: string;
  /** The name of this run's PostgreSQL template database. */
  template: string;
}

/** What follows the template's name in a worker's read-only PostgreSQL copy (loaded-store.ts); the run's teardown drops those. */
export const READ_ONLY_SUFFIX = '_ro_';

export const marker = (run: SharedLoadRun, kind: StoreKind, what: 'done' | 'failed' | 'lock') => join(run.dir, `${kind}.${what}`);

/** The pid in a lock file when that process is alive, else null. */
export function lockHolder(lock: string): number | null {
  if (!existsSync(lock)) return null;
  const pid = Number(readFileSync(lock, 'utf8'));
  if (!pid) return -1; // just created; its pid is being written
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

export async function buildShared(kind: StoreKind, run: SharedLoadRun): Promise<void> {
  const lock = marker(run, kind, 'lock');
  if (existsSync(marker(run, kind, 'done')) || !takeLock(lock)) return;
  const started = Date.now();
  try {
    const origin = kind === 'pglite' ? await buildPgliteTarball(run.dir) : await buildTemplate(run.template);
    writeFileSync(marker(run, kind, 'done'), JSON.stringify({ origin, seconds: (Date.now() - started) / 1000 }));
  } catch (err) {
    writeFileSync(marker(run, kind, 'failed'), err instanceof Error ? err.stack ?? err.message : String(err));
  } finally {
    rmSync(lock, { force: true });
  }
}

/** Loads an in-memory PGlite (a copy of the empty store, migrated as openStore migrates a new one) and writes its tarball. */
async function buildPgliteTarball(dir: string): Promise<string> {
  const pglite = await PGlite.create({ ...PGLITE_OPTIONS, loadDataDir: new TarballBlob(await emptyStoreTarball()) });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  try {
    await migrate(db);
    await loadFirstStart(db);
    await keepSafetyResults(db);
    // Without the WAL segments kept for recycling, as the product's backups: 117 of 235 MB, which every copy would unpack.
    const tar = await dumpWithoutSpareWal(db, () => dataDirBytes(pglite));
    const file = join(dir, 'pglite.tar');
    writeFileSync(`${file}.partial`, tar);
    renameSync(`${file}.partial`, file);
    return file;
  } finally {
    await db.destroy();
  }
}

/** Loads a new PostgreSQL database, then closes it to connections so it can be copied as a template. */
async function buildTemplate(name: string): Promise<string> {
  await withAdmin(async (admin) => {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  });
  const store = await openStore({ databaseUrl: databaseUrl(name), dataDir: null });
  try {
    await loadFirstStart(store.db);
    await keepSafetyResults(store.db);
  } finally {
    await store.close();
  }
  await withAdmin((admin) => admin.query(`alter database ${name} with allow_connections false`));
  return name;
}

/** Creates the lock file holding this pid; a lock left by a dead process is taken over. */
function takeLock(lock: string): boolean {
  if (lockHolder(lock) === null) rmSync(lock, { force: true });
  try {
    const fd = openSync(lock, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [kind, dir, template] = process.argv.slice(2) as [StoreKind, string, string];
  await buildShared(kind, { dir, template });
  process.exit(0);
}
