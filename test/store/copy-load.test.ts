/**
 * The GP history tables are loaded with COPY into a staging table and diffed in SQL
 * (src/store/write-catalog.ts, write-spans.ts). Loading the bundled TLE snapshot, then the bundled CSV snapshot twice,
 * must leave exactly the rows and change-log entries that the row-by-row writer it replaced leaves
 * (test/store/support/row-by-row-history.ts), on every dialect; and COPY's text escaping must carry
 * every character through unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { STORE_KINDS, createTestStore, type TestStore } from '../support/stores.js';
import { loadCurated } from '../../src/services/load-curated.js';
import { feedByName } from '../../src/services/feeds.js';
import { readSnapshot } from '../../src/services/bundled-snapshots.js';
import { originOf } from '../../src/services/ingest-feed.js';
import { startRun } from '../../src/store/runs.js';
import { writeCatalog } from '../../src/store/write-catalog.js';
import { copyRows } from '../../src/store/copy-rows.js';
import { writeHistoryRowByRow } from './support/row-by-row-history.js';

const GP = feedByName('celestrak-gp')!;
const STEPS = [
  { file: 'celestrak_active_tle_2026-05-04.txt.gz', sourceId: 'celestrak-tle-active-2026-05-04', asOf: '2026-05-04', now: '2026-05-04T12:00:00.000Z' },
  { file: 'celestrak_gp_active_2026-07-10.csv.gz', sourceId: 'celestrak-gp-active-2026-07-10', asOf: '2026-07-10', now: '2026-07-10T12:00:00.000Z' },
  { file: 'celestrak_gp_active_2026-07-10.csv.gz', sourceId: 'celestrak-gp-active-2026-07-10', asOf: '2026-07-10', now: '2026-07-11T12:00:00.000Z' },
];

async function contents(store: TestStore) {
  const db = store.db;
  return {
    element_sets: await db.selectFrom('element_sets').selectAll().orderBy('id').execute(),
    gp_snapshots: await db.selectFrom('gp_snapshots').selectAll().orderBy('id').execute(),
    element_spans: await db.selectFrom('element_spans').selectAll().orderBy('norad_id').orderBy('first_seq').execute(),
    gp_snapshot_objects: await db.selectFrom('gp_snapshot_objects').selectAll().orderBy('id').execute(),
    // The sources' own entries are left out: each store loaded them at its own time.
    changes: await db.selectFrom('changes').selectAll().where('subject', '=', 'catalog-object').orderBy('id').execute(),
  };
}

describe.each(STORE_KINDS)('COPY load of the GP history tables on %s', (kind) => {
  let copied: TestStore;
  let reference: TestStore;
  const changesAfter: number[] = [];
  beforeAll(async () => {
    copied = await createTestStore(kind);
    reference = await createTestStore(kind);
    for (const store of [copied, reference]) {
      const kb = await loadCurated(store.db, 'data/kb/sources');
      if (!kb.ok) throw new Error('sources do not validate');
    }
    for (const step of STEPS) {
      const out = GP.read({ text: readSnapshot(step.file), file: step.file, sourceId: step.sourceId, asOf: step.asOf });
      const origin = originOf(GP);
      const copiedRun = await startRun(copied.db, origin, step.now);
      await copied.db.transaction().execute((trx) => writeCatalog(trx, origin, out.mapped, step.now, copiedRun));
      const referenceRun = await startRun(reference.db, origin, step.now);
      await reference.db.transaction().execute((trx) => writeHistoryRowByRow(trx, origin, out.mapped, step.now, referenceRun));
      changesAfter.push(Number((await copied.db.selectFrom('changes').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n));
    }
  }, 600_000);
  afterAll(async () => {
    await copied?.dispose();
    await reference?.dispose();
  });

  it('leaves the same rows and change-log entries as the row-by-row writer', async () => {
    const [a, b] = [await contents(copied), await contents(reference)];
    expect(a.element_sets.length).toBeGreaterThan(15_000);
    expect(a.changes.length).toBeGreaterThan(15_000);
    expect(a.element_sets).toEqual(b.element_sets);
    expect(a.gp_snapshots).toEqual(b.gp_snapshots);
    expect(a.element_spans).toEqual(b.element_spans);
    expect(a.gp_snapshot_objects).toEqual(b.gp_snapshot_objects);
    expect(a.changes).toEqual(b.changes);
  });

  it('changes nothing but last_seen when the same file is loaded again', async () => {
    expect(changesAfter[2]).toBe(changesAfter[1]);
    const stamped = await copied.db.selectFrom('element_sets').select(['last_seen']).where('source_id', '=', STEPS[2]!.sourceId).distinct().execute();
    expect(stamped).toEqual([{ last_seen: STEPS[2]!.now }]);
  });

  // An integer, text and jsonb table goes in the binary format; a numeric column sends it in the text format.
  it.each([['binary', ''], ['text', ', n numeric']])('carries tabs, line breaks, backslashes, quotes and COPY markers through unchanged (%s format)', async (_format, extra) => {
    const values = ['tab\there', 'line\nbreak', 'cr\rlf\r\n', 'back\\slash', '\\N', '\\.', '\\.\n\\.', '"quoted" \'single\'', 'ÜNICODE 红色 🚀', '', ' ', null];
    const back = await copied.db.transaction().execute(async (trx) => {
      await sql`create temp table copy_escape (ord integer, v text, j jsonb${sql.raw(extra)}) on commit drop`.execute(trx);
      await copyRows(trx, 'copy_escape', ['ord', 'v', 'j'], values, (v, k) => [k, v, v === null ? null : { v }]);
      return (await sql<{ ord: number; v: string | null; j: { v: string } | null }>`select ord, v, j from copy_escape order by ord`.execute(trx)).rows;
    });
    expect(back.map((r) => r.v)).toEqual(values);
    expect(back.map((r) => r.j?.v ?? null)).toEqual(values);
  });

  it('refuses a value that does not fit its column, naming the row and column, and copies nothing', async () => {
    const tried = copied.db.transaction().execute(async (trx) => {
      await sql`create temp table copy_typed (ord integer, x double precision) on commit drop`.execute(trx);
      await copyRows(trx, 'copy_typed', ['ord', 'x'], [[1, 0.5], [2.5, 1], [3, 2]], (r) => r);
    });
    await expect(tried).rejects.toThrow('row 2, column ord: 2.5 is not an int4');
  });

  it('keeps integers, doubles (with their last bit), booleans and nulls exact in the binary format', async () => {
    const rows: [number, number | null, boolean | null, bigint][] = [
      [2_147_483_647, 0.1 + 0.2, true, 9_007_199_254_740_993n], [-2_147_483_648, -1.7976931348623157e308, false, -1n],
      [0, 5e-324, null, 0n], [7, null, true, 1n],
    ];
    const back = await copied.db.transaction().execute(async (trx) => {
      await sql`create temp table copy_exact (i integer, x double precision, b boolean, l bigint) on commit drop`.execute(trx);
      await copyRows(trx, 'copy_exact', ['i', 'x', 'b', 'l'], rows, (r) => r);
      return (await sql<{ i: number; x: number | null; b: boolean | null; l: string }>`select i, x, b, l::text as l from copy_exact order by i`.execute(trx)).rows;
    });
    const expected = [...rows].sort((a, b) => a[0] - b[0]).map(([i, x, b, l]) => ({ i, x, b, l: String(l) }));
    expect(back).toEqual(expected);
  });
});
