/**
 * PGlite data-folder tarballs (dumpDataDir('none'), ustar): dropping the WAL segments a checkpointed
 * folder does not need.
 *
 * After a CHECKPOINT, PostgreSQL needs the WAL from the checkpoint's redo segment to the segment being
 * written; the other files in pg_wal are segments it keeps to recycle (16 MB each: 7 of the 15 in a
 * loaded store's tarball). A folder started without them creates new segments when it needs them.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

const BLOCK = 512;
/** A WAL segment's file name: timeline, log and segment, 8 hex digits each; and its entry in a data-folder tarball. */
const SEGMENT = /^[0-9A-F]{24}$/;
const WAL_ENTRY = /^\/?pg_wal\/([0-9A-F]{24})$/;

/** The first and last WAL segment a dumped folder needs (segment file names, in WAL order). */
export interface NeededWal { from: string; to: string }

/**
 * A segment's file name, on the connection that dumps: 'redo' is the newest checkpoint's redo segment
 * (read before the dump: it only moves forward, so the dumped folder needs nothing older), 'current'
 * the one being written (read after the dump: the dump holds nothing newer).
 */
export async function walSegment(conn: Kysely<Database>, which: 'redo' | 'current'): Promise<string> {
  const query = which === 'redo'
    ? sql<{ name: string }>`select redo_wal_file as name from pg_control_checkpoint()`
    : sql<{ name: string }>`select pg_walfile_name(pg_current_wal_lsn()) as name`;
  const name = (await query.execute(conn)).rows[0]?.name;
  if (!name || !SEGMENT.test(name)) throw new Error(`the database named no ${which} WAL segment (got ${JSON.stringify(name)})`);
  return name;
}

export class TarFormatError extends Error {}

function field(header: Uint8Array, offset: number, length: number): string {
  const bytes = header.subarray(offset, offset + length);
  const end = bytes.indexOf(0);
  return Buffer.from(end === -1 ? bytes : bytes.subarray(0, end)).toString('latin1');
}

/**
 * The tarball without the WAL segments outside `keep` (file names compare in WAL order); every other
 * entry is copied unchanged. Throws TarFormatError on a header that does not parse or runs past the end.
 */
export function withoutSpareWal(tar: Uint8Array, keep: NeededWal): Uint8Array {
  const parts: Uint8Array[] = [];
  let offset = 0;
  for (;;) {
    if (offset + BLOCK > tar.length) throw new TarFormatError(`tarball ends inside a header at byte ${offset}`);
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((b) => b === 0)) {
      parts.push(tar.subarray(offset));
      break;
    }
    const name = field(header, 0, 100);
    const sizeText = field(header, 124, 12).trim();
    if (!/^[0-7]+$/.test(sizeText)) throw new TarFormatError(`entry "${name}" at byte ${offset}: size field ${JSON.stringify(sizeText)} is not octal`);
    const end = offset + BLOCK + Math.ceil(parseInt(sizeText, 8) / BLOCK) * BLOCK;
    if (end > tar.length) throw new TarFormatError(`entry "${name}" at byte ${offset} runs past the tarball's end`);
    const segment = WAL_ENTRY.exec(name)?.[1];
    if (!segment || (segment >= keep.from && segment <= keep.to)) parts.push(tar.subarray(offset, end));
    offset = end;
  }
  return Buffer.concat(parts);
}

/** A PGlite instance's data folder as the bytes of its dumpDataDir('none') tarball. */
export async function dataDirBytes(pglite: { dumpDataDir(compression: 'none'): Promise<Blob> }): Promise<Uint8Array> {
  return new Uint8Array(await (await pglite.dumpDataDir('none')).arrayBuffer());
}

/**
 * Checkpoints and dumps the folder without its spare WAL segments, holding one connection (no
 * transaction is open meanwhile). `dump` reads the folder's tarball: dataDirBytes of a PGlite
 * instance, or a worker thread's transferred bytes.
 */
export async function dumpWithoutSpareWal(db: Kysely<Database>, dump: () => Promise<Uint8Array>): Promise<Uint8Array> {
  return db.connection().execute(async (conn) => {
    await sql`checkpoint`.execute(conn);
    const from = await walSegment(conn, 'redo');
    const tar = await dump();
    return withoutSpareWal(tar, { from, to: await walSegment(conn, 'current') });
  });
}
