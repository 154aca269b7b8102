/**
 * A migrated, empty embedded store made once by the build (scripts/build.mjs), so that a new PGlite
 * folder starts as a copy of it instead of running initdb and the migrations: about 3 s of CPU on the
 * 2-core developer machine, paid by every first start and every new folder.
 *
 * The build writes the store's tarball (dumpDataDir, gzipped) and, beside it, a manifest naming what
 * made it: the PGlite version and a digest of the migrations. A tarball is used only when both match the
 * running code; otherwise (absent, another PGlite, changed migrations, unreadable) a new folder runs
 * initdb as before. The migrations still run after every open, so a tarball never skips one.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { dataDirBytes, dumpWithoutSpareWal } from './data-dir-tar.js';
import { MIGRATIONS_DIR, migrate, migrationFiles } from './migrate.js';
import { PGliteDialect } from './pglite-dialect.js';
import { PGLITE_OPTIONS } from './pglite-options.js';
import type { Database } from './schema.js';
import { errorMessage } from '../model/error-message.js';

/** dist/empty-store.tar.gz: the same file from src/store (tsx) and dist/store (the build). */
export const EMPTY_STORE_FILE = fileURLToPath(new URL('../../dist/empty-store.tar.gz', import.meta.url));
const manifestOf = (file: string) => file.replace(/\.tar\.gz$/, '.json');

/** What made an empty store: it fits the running code only when both match. */
export interface EmptyStoreManifest { pglite: string; migrations: string }

/** The installed PGlite's version (its package.json, which the package does not export). */
function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const manifest = join(dirname(entry), '..', 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** The manifest of a store made by this code now. */
export function currentManifest(): EmptyStoreManifest {
  const hash = createHash('sha256');
  for (const file of migrationFiles()) hash.update(`${file}\0`).update(readFileSync(MIGRATIONS_DIR + file)).update('\0');
  return { pglite: pgliteVersion(), migrations: hash.digest('hex') };
}

/** A new in-memory store, migrated, dumped without its spare WAL segments (a dumpDataDir() tarball). */
export async function makeEmptyStore(): Promise<Uint8Array> {
  const pglite = await PGlite.create(PGLITE_OPTIONS);
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  try {
    await migrate(db);
    return await dumpWithoutSpareWal(db, () => dataDirBytes(pglite));
  } finally {
    await db.destroy();
  }
}

/** Makes the empty store and writes it with its manifest (each to a temporary name, then renamed). */
export async function writeEmptyStore(file = EMPTY_STORE_FILE): Promise<{ file: string; bytes: number }> {
  const packed = gzipSync(await makeEmptyStore());
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.partial`, packed);
  renameSync(`${file}.partial`, file);
  const manifest = manifestOf(file);
  writeFileSync(`${manifest}.partial`, `${JSON.stringify(currentManifest())}\n`);
  renameSync(`${manifest}.partial`, manifest);
  return { file, bytes: packed.byteLength };
}

/** Why the built empty store cannot stand for a new one here, or its tarball. */
export function readEmptyStore(file = EMPTY_STORE_FILE): { tarball: Uint8Array } | { unusable: string } {
  const manifestFile = manifestOf(file);
  if (!existsSync(file) || !existsSync(manifestFile)) return { unusable: `${file} or its manifest is missing (npm run build makes them)` };
  try {
    const made = JSON.parse(readFileSync(manifestFile, 'utf8')) as Partial<EmptyStoreManifest>;
    const now = currentManifest();
    if (made.pglite !== now.pglite) return { unusable: `${file} was made by PGlite ${made.pglite}, not ${now.pglite}` };
    if (made.migrations !== now.migrations) return { unusable: `${file} was made with other migrations` };
    return { tarball: new Uint8Array(gunzipSync(readFileSync(file))) };
  } catch (err) {
    return { unusable: `${file}: ${errorMessage(err)}` };
  }
}

/** A folder a store would be created in: absent or empty (a folder with files is opened as it is). */
export function isNewFolder(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}
