/**
 * One full load per dialect per test run, shared by copying: the first test file that asks loads
 * the store from scratch and keeps it (a PGlite dumpDataDir() tarball, a PostgreSQL template
 * database); every file then gets its own copy, so tests that change their store stay isolated.
 * shared-load-setup.ts (vitest globalSetup) names the run's folder and template and removes them
 * afterwards. Files take a lock in the run's folder, so only one of them loads each dialect.
 */
import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kysely, sql } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import { openStore, type StoreKind } from '../../src/store/open-store.js';
import { PGliteDialect } from '../../src/store/pglite-dialect.js';
import { migrate } from '../../src/store/migrate.js';
import type { Database } from '../../src/store/schema.js';
import { databaseUrl, withAdmin } from './stores.js';
import { loadFirstStart } from './first-start-load.js';

/** What shared-load-setup.ts provides to the test files of a run. */
export interface SharedLoadRun {
  /** A folder of this run: the PGlite tarball, the locks and the completion markers. */
  dir: string;
  /** The name of this run's PostgreSQL template database. */
  template: string;
}

declare module 'vitest' {
  interface ProvidedContext { sharedLoad: SharedLoadRun | null }
}

/**
 * What a copy of the loaded store is made from: the PGlite tarball's file or the template's name;
 * null when no run folder was provided (the caller then loads from scratch).
 */
export async function sharedLoad(kind: StoreKind): Promise<string | null> {
  const run = inject('sharedLoad');
  if (!run) return null;
  const done = join(run.dir, `${kind}.done`);
  const failed = join(run.dir, `${kind}.failed`);
  const lock = join(run.dir, `${kind}.lock`);
  for (;;) {
    if (existsSync(done)) return readFileSync(done, 'utf8');
    if (existsSync(failed)) throw new Error(`the shared ${kind} load failed in another test file: ${readFileSync(failed, 'utf8')}`);
    if (takeLock(lock)) {
      try {
        if (!existsSync(done)) writeFileSync(done, await build(kind, run));
      } catch (err) {
        writeFileSync(failed, err instanceof Error ? err.stack ?? err.message : String(err));
        throw err;
      } finally {
        rmSync(lock, { force: true });
      }
    } else {
      await sleep(250);
    }
  }
}

async function build(kind: StoreKind, run: SharedLoadRun): Promise<string> {
  const started = Date.now();
  const origin = kind === 'pglite' ? await buildPgliteTarball(run.dir) : await buildTemplate(run.template);
  console.info(`shared ${kind} store loaded once for this run in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return origin;
}

/** Loads an in-memory PGlite (migrated like openStore does a new one) and writes its tarball. */
async function buildPgliteTarball(dir: string): Promise<string> {
  const pglite = await PGlite.create();
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  try {
    await migrate(db);
    await loadFirstStart(db);
    const tar = await db.connection().execute(async (conn) => {
      await sql`checkpoint`.execute(conn);
      return Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer());
    });
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
  } finally {
    await store.close();
  }
  await withAdmin((admin) => admin.query(`alter database ${name} with allow_connections false`));
  return name;
}

/** Creates the lock file; a lock left by a dead process is taken over. */
function takeLock(lock: string): boolean {
  try {
    const fd = openSync(lock, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const pid = Number(readFileSync(lock, 'utf8'));
  if (pid && !alive(pid)) rmSync(lock, { force: true });
  return false;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
