/**
 * Snapshot membership stored as element spans (src/store/write-spans.ts, migrations/005-element-spans.sql):
 * - each bundled snapshot's members and element sets, as the membership query returns them, equal an
 *   independent reading of the raw file;
 * - ingesting the same snapshot again adds no row; snapshots that share element sets add rows only for
 *   the element sets that changed or objects that came back after a gap; the change log's new-object
 *   entries are written once per object, as before;
 * - a store written before migration 005 (one row per object and snapshot) upgrades without loss.
 * The extra snapshots are the bundled CSV with some epochs moved by a microsecond and some rows left
 * out: derived test input, never stored in the product.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kysely, sql } from 'kysely';
import { STORE_KINDS, type TestStore } from '../support/stores.js';
import { olderStore } from '../support/older-store.js';
import { storeWithSources } from '../support/catalog-store.js';
import { csvFields, rawLines } from '../support/raw-files.js';
import { feedByName } from '../../src/services/feeds.js';
import { readSnapshot } from '../../src/services/bundled-snapshots.js';
import { ingestFeed } from '../../src/services/ingest-feed.js';
import { loadCurated } from '../../src/services/load-curated.js';
import { snapshotObjects } from '../../src/store/queries/catalog.js';
import { writeCatalog } from '../../src/store/write-catalog.js';
import { migrate } from '../../src/store/migrate.js';
import { copyRows } from '../../src/store/copy-rows.js';
import type { Database } from '../../src/store/schema.js';

const GP = feedByName('celestrak-gp')!;
const TLE = { file: 'celestrak_active_tle_2026-05-04.txt.gz', sourceId: 'celestrak-tle-active-2026-05-04', asOf: '2026-05-04' };
const CSV = { file: 'celestrak_gp_active_2026-07-10.csv.gz', sourceId: 'celestrak-gp-active-2026-07-10', asOf: '2026-07-10' };

/** Per object (first occurrence in the file): what identifies its element set in the raw text. */
function rawCsvMembers(text: string): Map<number, { epoch: string; meanMotion: number }> {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const header = csvFields(lines[0]!);
  const [iNorad, iEpoch, iMotion] = ['NORAD_CAT_ID', 'EPOCH', 'MEAN_MOTION'].map((c) => header.indexOf(c));
  const out = new Map<number, { epoch: string; meanMotion: number }>();
  for (const line of lines.slice(1)) {
    const f = csvFields(line);
    const norad = Number(f[iNorad!]);
    const [whole, fraction = ''] = f[iEpoch!]!.replace(/Z$/, '').split('.');
    if (!out.has(norad)) out.set(norad, { epoch: `${whole}.${fraction.padEnd(6, '0')}Z`, meanMotion: Number(f[iMotion!]) });
  }
  return out;
}

/** Per object (first occurrence): its two TLE lines as written. */
function rawTleMembers(file: string): Map<number, { line1: string; line2: string }> {
  const lines = rawLines(file).map((l) => l.trimEnd());
  const out = new Map<number, { line1: string; line2: string }>();
  for (let i = 0; i + 2 < lines.length + 1; i++) {
    if (!lines[i]!.startsWith('1 ') || !lines[i + 1]?.startsWith('2 ')) continue;
    const norad = Number(lines[i]!.slice(2, 7));
    if (!out.has(norad)) out.set(norad, { line1: lines[i]!, line2: lines[i + 1]! });
  }
  return out;
}

/** The bundled CSV with the epochs of the rows at `moved` `micros` microseconds later and the rows at `dropped` left out (data-row indexes). */
function derivedCsv(moved: Set<number>, dropped: Set<number>, micros = 1): string {
  const lines = readSnapshot(CSV.file).split('\n');
  const header = csvFields(lines[0]!);
  const iEpoch = header.indexOf('EPOCH');
  const out = [lines[0]!];
  lines.slice(1).forEach((line, k) => {
    if (line.trim() === '' || dropped.has(k)) return;
    if (!moved.has(k)) return void out.push(line);
    const f = csvFields(line);
    const [whole, fraction] = f[iEpoch]!.split('.');
    const micro = String(Number(fraction!.padEnd(6, '0')) + micros).padStart(6, '0');
    expect(micro).toHaveLength(6);
    f[iEpoch] = `${whole}.${micro}`;
    out.push(f.map((v) => (v.includes(',') ? `"${v}"` : v)).join(','));
  });
  return `${out.join('\n')}\n`;
}

const range = (from: number, to: number) => new Set(Array.from({ length: to - from }, (_, k) => from + k));
const count = async (db: Kysely<Database>, table: 'element_spans' | 'changes' | 'element_sets') =>
  (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db)).rows[0]!.n;

describe.each(STORE_KINDS)('element spans on %s', (kind) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await storeWithSources(kind);
  });
  afterAll(() => store?.dispose());

  it("returns each bundled snapshot's members and element sets as the raw files list them", async () => {
    for (const snap of [TLE, CSV]) await ingestFeed(store.db, GP, { text: readSnapshot(snap.file), ...snap });
    const tle = await snapshotObjects(store.db, `${TLE.sourceId}@${TLE.asOf}`);
    const rawTle = rawTleMembers(TLE.file);
    expect(tle.map((o) => o.noradId)).toEqual([...rawTle.keys()].sort((a, b) => a - b));
    for (const o of tle) expect({ line1: o.line1, line2: o.line2 }).toEqual(rawTle.get(o.noradId));
    const csv = await snapshotObjects(store.db, `${CSV.sourceId}@${CSV.asOf}`);
    const rawCsv = rawCsvMembers(readSnapshot(CSV.file));
    expect(csv.map((o) => o.noradId)).toEqual([...rawCsv.keys()].sort((a, b) => a - b));
    for (const o of csv) expect({ epoch: o.epoch, meanMotion: o.meanMotion }).toEqual(rawCsv.get(o.noradId));
    // Different element sets in the two snapshots: one span per member.
    expect(await count(store.db, 'element_spans')).toBe(rawTle.size + rawCsv.size);
  }, 300_000);

  it('adds no row when the same snapshot is ingested again, and stamps last_seen', async () => {
    const before = { spans: await count(store.db, 'element_spans'), changes: await count(store.db, 'changes'), sets: await count(store.db, 'element_sets') };
    const now = '2030-01-01T00:00:00.000Z';
    const report = await ingestFeed(store.db, GP, { text: readSnapshot(CSV.file), ...CSV }, { now });
    expect(report.tables.element_spans).toEqual({ added: 0, updated: 0, removed: 0, unchanged: 15_985 });
    expect(report.tables.gp_snapshot_objects).toMatchObject({ added: 0 });
    expect({ spans: await count(store.db, 'element_spans'), changes: await count(store.db, 'changes'), sets: await count(store.db, 'element_sets') }).toEqual(before);
    const stamped = await store.db.selectFrom('gp_snapshot_objects').select('last_seen').distinct()
      .where('snapshot_id', '=', `${CSV.sourceId}@${CSV.asOf}`).execute();
    expect(stamped).toEqual([{ last_seen: now }]);
  }, 300_000);

  it('adds rows only for changed element sets and for objects back after a gap', async () => {
    const spans0 = await count(store.db, 'element_spans');
    const changes0 = await count(store.db, 'changes');
    const moved = range(0, 100);
    const dropped = range(100, 150);
    // Snapshot B: 100 element sets changed, 50 objects missing; snapshot C: the bundled file again.
    const b = await ingestFeed(store.db, GP, { text: derivedCsv(moved, dropped), file: 'derived-b.csv', sourceId: 'celestrak-gp-live', asOf: '2026-07-11' });
    expect(b.tables.element_spans).toEqual({ added: 100, updated: 15_985 - 150, removed: 0, unchanged: 0 });
    const c = await ingestFeed(store.db, GP, { text: readSnapshot(CSV.file), file: 'derived-c.csv', sourceId: 'celestrak-gp-live', asOf: '2026-07-12' });
    expect(c.tables.element_spans).toEqual({ added: 150, updated: 15_985 - 150, removed: 0, unchanged: 0 });
    // The plausibility check read B's objects from the spans B stamped.
    expect(c.previous?.keys).toBe(15_985 - 50);
    expect(await count(store.db, 'element_spans')).toBe(spans0 + 250);
    // No object is new, so the change log has no new-object entry.
    expect(await count(store.db, 'changes')).toBe(changes0);
    // Membership of every snapshot is still exactly its file's.
    const bundled = rawCsvMembers(readSnapshot(CSV.file));
    for (const [snapshot, text] of [['celestrak-gp-live@2026-07-11', derivedCsv(moved, dropped)], ['celestrak-gp-live@2026-07-12', readSnapshot(CSV.file)], [`${CSV.sourceId}@${CSV.asOf}`, readSnapshot(CSV.file)]] as const) {
      const raw = rawCsvMembers(text);
      const stored = await snapshotObjects(store.db, snapshot);
      expect(stored.map((o) => o.noradId)).toEqual([...raw.keys()].sort((x, y) => x - y));
      for (const o of stored) expect({ epoch: o.epoch, meanMotion: o.meanMotion }).toEqual(raw.get(o.noradId));
    }
    expect(bundled.size).toBe(15_985);
  }, 300_000);

  it('gives a snapshot written again the newer of each object\'s element sets, leaving the other snapshots as they were', async () => {
    const live = (asOf: string) => ({ sourceId: 'celestrak-gp-live', asOf });
    const b = 'celestrak-gp-live@2026-07-11';
    const c = 'celestrak-gp-live@2026-07-12';
    /** Every snapshot's members against the file that should now define them. */
    const expectMembers = async (expected: [string, string][]) => {
      for (const [snapshot, text] of expected) {
        const raw = rawCsvMembers(text);
        const stored = await snapshotObjects(store.db, snapshot);
        expect(stored.map((o) => o.noradId), snapshot).toEqual([...raw.keys()].sort((x, y) => x - y));
        for (const o of stored) expect({ epoch: o.epoch, meanMotion: o.meanMotion }, `${snapshot} ${o.noradId}`).toEqual(raw.get(o.noradId));
      }
    };
    const bFile = derivedCsv(range(0, 100), range(100, 150));
    const spans0 = await count(store.db, 'element_spans');
    const changes0 = await count(store.db, 'changes');
    // A second download of C's day with 100 element sets one microsecond newer (B's): C takes them.
    const again = await ingestFeed(store.db, GP, { text: derivedCsv(range(0, 100), new Set()), file: 'derived-c-later.csv', ...live('2026-07-12') });
    expect(again.tables.gp_snapshot_objects).toEqual({ added: 0, updated: 100, removed: 0, unchanged: 15_885 });
    // C's own spans of those objects are dropped, and B's spans of the same element sets reach C.
    expect(again.tables.element_spans).toEqual({ added: 0, updated: 100, removed: 0, unchanged: 15_885 });
    expect(await count(store.db, 'element_spans')).toBe(spans0 - 100);
    await expectMembers([[c, derivedCsv(range(0, 100), new Set())]]);
    // The first download read again: its older element sets replace nothing (C is checked again below).
    const older = await ingestFeed(store.db, GP, { text: readSnapshot(CSV.file), file: 'derived-c.csv', ...live('2026-07-12') });
    expect(older.tables.element_spans).toEqual({ added: 0, updated: 0, removed: 0, unchanged: 15_985 });
    // B written again with 10 of them newer still: the span over B and C is cut, C keeps its sets.
    const bLater = derivedCsv(range(0, 100), range(100, 150), 2).split('\n');
    const bMixed = [bLater[0]!, ...bFile.split('\n').slice(1).map((line, k) => (k < 10 ? bLater[k + 1]! : line))].join('\n');
    const bAgain = await ingestFeed(store.db, GP, { text: bMixed, file: 'derived-b-later.csv', ...live('2026-07-11') }, { acceptShrink: true });
    expect(bAgain.tables.gp_snapshot_objects).toMatchObject({ added: 0, updated: 10 });
    expect(await count(store.db, 'element_spans')).toBe(spans0 - 100 + 10);
    await expectMembers([[b, bMixed], [c, derivedCsv(range(0, 100), new Set())]]);
    // No object is new: the change log is unchanged.
    expect(await count(store.db, 'changes')).toBe(changes0);
  }, 300_000);

  it('refuses a member whose element set is not stored, and writes nothing', async () => {
    const spans = await count(store.db, 'element_spans');
    const snapshot = { id: 'celestrak-gp-live@2026-07-13', source_id: 'celestrak-gp-live', as_of: '2026-07-13', object_count: 1 };
    const member = { id: `${snapshot.id}#900`, snapshot_id: snapshot.id, norad_id: 900, element_set_id: '900@1900-01-01T00:00:00.000000Z' };
    const write = store.db.transaction().execute((trx) =>
      writeCatalog(trx, 'ingest:celestrak-gp', { tables: { gp_snapshots: [snapshot], gp_snapshot_objects: [member] } }, '2030-01-02T00:00:00.000Z', 1));
    await expect(write).rejects.toThrow(/element set 900@1900-01-01T00:00:00.000000Z is not stored/);
    expect(await count(store.db, 'element_spans')).toBe(spans);
    expect(await store.db.selectFrom('gp_snapshots').select('id').where('id', '=', snapshot.id).execute()).toEqual([]);
  });
});

describe.each(STORE_KINDS)('migration 005 on %s', (kind) => {
  it('turns one row per object and snapshot into spans, and the view gives back every row', async () => {
    const old = await olderStore(kind, '004-search-names.sql');
    try {
      const db = old.db;
      const loaded = await loadCurated(db, 'data/kb/sources');
      expect(loaded.ok).toBe(true);
      // The old writer's rows: three snapshots, the third sharing element sets with the second, with a gap.
      const inputs = [
        { ...TLE, text: readSnapshot(TLE.file), at: '2026-05-04T12:00:00.000Z' },
        { ...CSV, text: readSnapshot(CSV.file), at: '2026-07-10T12:00:00.000Z' },
        { file: 'derived.csv', sourceId: 'celestrak-gp-live', asOf: '2026-07-11', text: derivedCsv(range(0, 100), range(100, 150)), at: '2026-07-11T12:00:00.000Z' },
        { file: 'bundled-again.csv', sourceId: 'celestrak-gp-live', asOf: '2026-07-12', text: readSnapshot(CSV.file), at: '2026-07-12T12:00:00.000Z' },
      ];
      const written = new Set<string>();
      for (const input of inputs) {
        const { tables } = GP.read(input).mapped;
        const seen = { origin: 'ingest:celestrak-gp', first_seen: input.at, last_seen: input.at };
        const sets = tables.element_sets!.filter((r) => !written.has(r.id) && written.add(r.id));
        await db.transaction().execute(async (trx) => {
          const copy = async (table: string, rows: Record<string, unknown>[]) => {
            if (rows.length === 0) return;
            const columns = Object.keys(rows[0]!);
            await copyRows(trx, table, columns, rows, (r) => columns.map((c) => r[c] ?? null));
          };
          await copy('element_sets', sets.map((r) => ({ ...r, line1: r.line1 ?? null, line2: r.line2 ?? null, ...seen })));
          await copy('gp_snapshots', tables.gp_snapshots!.map((r) => ({ ...r, ...seen })));
          await copy('gp_snapshot_objects', tables.gp_snapshot_objects!.map((r) => ({ ...r, ...seen })));
        });
      }
      const rowsBefore = (await sql<Record<string, unknown>>`select id, snapshot_id, norad_id, element_set_id, origin from gp_snapshot_objects order by id`.execute(db)).rows;
      expect(rowsBefore.length).toBe(15_297 + 15_985 + (15_985 - 50) + 15_985);

      expect((await migrate(db)).slice(0, 1)).toEqual(['005-element-spans.sql']);
      const rowsAfter = (await sql<Record<string, unknown>>`select id, snapshot_id, norad_id, element_set_id, origin from gp_snapshot_objects order by id`.execute(db)).rows;
      expect(rowsAfter).toEqual(rowsBefore);
      // Spans: TLE and CSV differ everywhere; the derived snapshot changes 100 and drops 50; the last restores both.
      expect(await count(db, 'element_spans')).toBe(15_297 + 15_985 + 100 + 150);
      const seqs = await db.selectFrom('gp_snapshots').select(['id', 'seq']).orderBy('seq').execute();
      expect(seqs.map((s) => s.id)).toEqual(inputs.map((i) => `${i.sourceId}@${i.asOf}`));

      // The upgraded store goes on: the bundled file once more extends every span of the last snapshot.
      const report = await ingestFeed(db, GP, { text: readSnapshot(CSV.file), file: 'again.csv', sourceId: 'celestrak-gp-live', asOf: '2026-07-13' });
      expect(report.tables.element_spans).toEqual({ added: 0, updated: 15_985, removed: 0, unchanged: 0 });
      expect(await count(db, 'element_spans')).toBe(15_297 + 15_985 + 250);
    } finally {
      await old.dispose();
    }
  }, 600_000);
});
