/**
 * Backups of the embedded store: a tarball of the PGlite data folder taken after a CHECKPOINT,
 * while no transaction is open (the one connection is held), without the WAL segments kept for
 * recycling (data-dir-tar.ts), gzipped, written under a temporary
 * name and renamed, so a backup file is always complete. The newest few are kept.
 * PostgreSQL is backed up by its operator (pg_dump); these functions are for PGlite only.
 * A backup is unpacked in memory with a bound (RESTORE_MAX_BYTES), so a damaged or hostile file (a gzip
 * bomb) is refused naming the file before it can exhaust memory.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { Kysely } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_OPTIONS } from './pglite-options.js';
import type { Database } from './schema.js';
import type { PgliteHandle } from './pglite-handle.js';
import { dataDirBytes, dumpWithoutSpareWal } from './data-dir-tar.js';
import { TarballBlob } from './tarball-blob.js';
import { errorMessage } from '../model/error-message.js';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);
const MIB = 1024 * 1024;

/**
 * The most bytes a backup may unpack to (the tar of the data folder, held in memory while it is opened). A store
 * holding the curated data and every bundled feed unpacks to about 100 MB (19 MB packed); 1 GiB leaves room for
 * years of ingests and bounds what a file that unpacks without end can take. `restore --max-unpacked-mb` raises it.
 */
export const RESTORE_MAX_BYTES = 1024 * MIB;

/** A backup file that cannot be unpacked: its message names the file and the reason. */
export class BackupFileError extends Error {}

const NAME = /^pglite-(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z)-([a-z0-9-]+)\.tar\.gz$/;

export interface BackupFile { file: string; at: string; reason: string; bytes: number }

/** Writes a backup named for its time and reason, then deletes all but the newest `keep`. */
export async function writeBackup(db: Kysely<Database>, pglite: PgliteHandle, dir: string, reason: string, keep: number): Promise<string> {
  const tar = await dumpWithoutSpareWal(db, () => pglite.dumpBytes?.() ?? dataDirBytes(pglite));
  const packed = await gzipAsync(tar);
  mkdirSync(dir, { recursive: true });
  const at = new Date().toISOString().replace(/[:.]/g, '-');
  const file = join(dir, `pglite-${at}-${reason.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.tar.gz`);
  // Written asynchronously: a backup of a loaded store is tens of MB, too long to hold the event loop.
  await writeFile(`${file}.partial`, packed);
  renameSync(`${file}.partial`, file);
  for (const old of listBackups(dir).slice(keep)) rmSync(old.file, { force: true });
  return file;
}

/** The backups in a folder, newest first. */
export function listBackups(dir: string): BackupFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const m = NAME.exec(name);
    if (!m) return [];
    const [d, t] = m[1]!.split('T');
    const at = `${d}T${t!.replace(/^(\d\d)-(\d\d)-(\d\d)-(\d{3})Z$/, '$1:$2:$3.$4Z')}`;
    return [{ file: join(dir, name), at, reason: m[2]!, bytes: statSync(join(dir, name)).size }];
  }).sort((a, b) => b.at.localeCompare(a.at));
}

/** Why gunzip stopped, in words: cut short, over the limit, or not gzip at all. */
function gunzipProblem(err: unknown, maxBytes: number): string {
  const code = err instanceof Error && 'code' in err ? err.code : null;
  if (code === 'ERR_BUFFER_TOO_LARGE') return `unpacks to more than ${maxBytes} bytes (the most a backup may unpack to)`;
  if (code === 'Z_BUF_ERROR') return 'truncated gzip (the file ends before its compressed data does)';
  if (code === 'Z_DATA_ERROR') return `not a gzip file, or a damaged one (${errorMessage(err)})`;
  return errorMessage(err);
}

/** The tar a backup file holds, unpacked to at most maxBytes; a file that cannot be is refused naming it and why. */
export async function unpackBackup(file: string, maxBytes: number = RESTORE_MAX_BYTES): Promise<Uint8Array> {
  const packed = statSync(file).size;
  if (packed > maxBytes) throw new BackupFileError(`${file}: ${packed} bytes packed, more than the ${maxBytes} bytes a backup may unpack to`);
  try {
    return await gunzipAsync(readFileSync(file), { maxOutputLength: maxBytes });
  } catch (err) {
    throw new BackupFileError(`${file}: ${gunzipProblem(err, maxBytes)}; the store was left as it was`);
  }
}

/**
 * Replaces the PGlite folder with a backup. The backup is unpacked first (at most maxBytes, see
 * unpackBackup): a file that cannot be changes nothing. The current folder is moved aside (its new
 * name is returned) and put back if the backup cannot be opened. The caller holds the store's lock.
 */
export async function restoreBackup(
  file: string, dataDir: string, maxBytes: number = RESTORE_MAX_BYTES,
): Promise<{ replaced: string | null; migrations: number }> {
  const tar = await unpackBackup(file, maxBytes);
  const replaced = existsSync(dataDir) ? `${dataDir}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}` : null;
  if (replaced) renameSync(dataDir, replaced);
  try {
    mkdirSync(dataDir, { recursive: true });
    const pg = await PGlite.create(dataDir, { loadDataDir: new TarballBlob(tar), ...PGLITE_OPTIONS });
    try {
      const rows = (await pg.query<{ n: number }>('select count(*)::int as n from schema_migrations')).rows;
      return { replaced, migrations: rows[0]?.n ?? 0 };
    } finally {
      await pg.close();
    }
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true });
    if (replaced) renameSync(replaced, dataDir);
    throw new Error(`${file} could not be restored (the store was left as it was): ${errorMessage(err)}`);
  }
}
