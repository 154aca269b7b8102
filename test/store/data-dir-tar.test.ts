/**
 * A dumped PGlite folder without the WAL segments kept for recycling: the entries are those GNU tar
 * lists in the full dump minus exactly those segments, and the folder opens with the same data and
 * keeps working when it writes new segments.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import { PGliteDialect } from '../../src/store/pglite-dialect.js';
import type { Database } from '../../src/store/schema.js';
import { dataDirBytes, dumpWithoutSpareWal, TarFormatError, walSegment, withoutSpareWal } from '../../src/store/data-dir-tar.js';
import { TarballBlob } from '../../src/store/tarball-blob.js';

const dir = mkdtempSync(join(tmpdir(), 'redshift-tar-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** GNU tar's listing of a tarball (an independent reader). */
function listing(tar: Uint8Array, name: string): string[] {
  const file = join(dir, name);
  writeFileSync(file, tar);
  return execFileSync('tar', ['-tf', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n').filter(Boolean).map((n) => n.replace(/^\//, '')).sort();
}

/** About 20 MB of WAL: more than one 16 MB segment. */
const ROWS = 20_000;
const fill = (from: number) => sql`insert into filler select g, repeat(md5(g::text), 24) from generate_series(${from}::int, ${from + ROWS - 1}::int) g`;

async function dump(pglite: PGlite, db: Kysely<Database>) {
  let full: Uint8Array = new Uint8Array(0);
  const trimmed = await dumpWithoutSpareWal(db, async () => (full = await dataDirBytes(pglite)));
  const keep = await db.connection().execute(async (conn) => ({ from: await walSegment(conn, 'redo'), to: await walSegment(conn, 'current') }));
  return { full, keep, trimmed };
}

async function open(tar: Uint8Array) {
  const pglite = await PGlite.create({ loadDataDir: new TarballBlob(tar) });
  return { pglite, db: new Kysely<Database>({ dialect: new PGliteDialect(pglite) }) };
}

const summary = async (db: Kysely<Database>) =>
  (await sql<{ n: number; digest: string }>`select count(*)::int as n, md5(string_agg(body, '' order by id)) as digest from filler`.execute(db)).rows[0];

describe('a dumped PGlite folder without its spare WAL segments', () => {
  it('drops only WAL segments outside the needed range, opens with the same rows, and writes new segments', async () => {
    const pglite = await PGlite.create();
    const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
    await sql`create table filler (id int primary key, body text)`.execute(db);
    // Written, checkpointed, partly deleted: PostgreSQL keeps the segments before the checkpoint to recycle.
    await fill(1).execute(db);
    await sql`checkpoint`.execute(db);
    await sql`delete from filler where id > ${ROWS / 2}`.execute(db);
    const before = await summary(db);
    const { full, keep, trimmed } = await dump(pglite, db);
    await db.destroy();

    const all = listing(full, 'full.tar');
    const kept = listing(trimmed, 'trimmed.tar');
    const segments = all.filter((n) => /^pg_wal\/[0-9A-F]{24}$/.test(n));
    const spare = segments.filter((n) => n.slice(7) < keep.from || n.slice(7) > keep.to);
    expect(spare.length).toBeGreaterThan(0);
    expect(kept).toEqual(all.filter((n) => !spare.includes(n)));
    expect(segments.filter((n) => !spare.includes(n))).toContain(`pg_wal/${keep.from}`);
    expect(trimmed.length).toBeLessThan(full.length - spare.length * 16 * 1024 * 1024 + 1);

    const copy = await open(trimmed);
    expect(await summary(copy.db)).toEqual(before);
    // New WAL past the kept segments, then the same again from a dump of the copy.
    await fill(100_001).execute(copy.db);
    const after = await summary(copy.db);
    expect(after!.n).toBe(before!.n + ROWS);
    const again = await dump(copy.pglite, copy.db);
    await copy.db.destroy();
    const reopened = await open(again.trimmed);
    expect(await summary(reopened.db)).toEqual(after);
    await reopened.db.destroy();
  }, 120_000);

  it('refuses a truncated tarball or a header whose size is not a number', () => {
    const header = new Uint8Array(512);
    header.set(Buffer.from('pg_wal/000000010000000000000001'), 0);
    header.set(Buffer.from('00000001000\0'), 124); // 512 bytes of data announced, none present
    expect(() => withoutSpareWal(header, { from: '0', to: 'F' })).toThrow(TarFormatError);
    expect(() => withoutSpareWal(header, { from: '0', to: 'F' })).toThrow(/runs past the tarball's end/);
    header.set(Buffer.from('zz\0'), 124);
    expect(() => withoutSpareWal(header, { from: '0', to: 'F' })).toThrow(/size field "zz" is not octal/);
    expect(() => withoutSpareWal(new Uint8Array(100), { from: '0', to: 'F' })).toThrow(/ends inside a header at byte 0/);
  });

  it('hands PGlite a copy of exactly the tarball\'s bytes, which the caller may transfer', async () => {
    const pooled = Buffer.from('a small tarball in a shared pool'); // a view into Node's 8 KB pool
    const blob = new TarballBlob(pooled);
    const copy = await blob.arrayBuffer();
    expect(Buffer.from(copy).toString()).toBe('a small tarball in a shared pool');
    expect(blob.size).toBe(pooled.length);
    structuredClone(copy, { transfer: [copy] });
    expect(Buffer.from(await blob.arrayBuffer()).toString()).toBe('a small tarball in a shared pool');
  });
});
