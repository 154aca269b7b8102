/** Ingesting catalog feeds into the store: idempotent, and bad input changes nothing (on every store). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { STORE_KINDS, type TestStore } from '../support/stores.js';
import { storeWithSources, tableCounts } from '../support/catalog-store.js';
import { ingestAllBundled, ingestBundled, readBundled, readSnapshot } from '../../src/services/bundled-snapshots.js';
import { FeedFormatError } from '../../src/ingest/feed-errors.js';
import { feedByName } from '../../src/services/feeds.js';
import { ingestFeed, IngestError } from '../../src/services/ingest-feed.js';

const gp = feedByName('celestrak-gp')!;
const gcatLog = feedByName('gcat-launchlog')!;
const fixture = (p: string) => readFileSync(`test/fixtures/${p}`, 'utf8');

/** The bundled snapshot's text with its last `count` lines written again at the end. */
function withLastLinesAgain(file: string, count: number): { text: string; lines: number } {
  const lines = readSnapshot(file).replace(/\n$/, '').split('\n');
  return { text: `${[...lines, ...lines.slice(-count)].join('\n')}\n`, lines: lines.length };
}

/** A table's rows in id order, without last_seen (which an ingest stamps on every row it still lists). */
async function storedRows(store: TestStore, table: 'launches' | 'launch_objects' | 'element_sets') {
  const rows = await store.db.selectFrom(table).selectAll().orderBy('id').execute();
  return rows.map(({ last_seen: _, ...rest }) => rest);
}

async function changeCount(store: TestStore): Promise<number> {
  return Number((await store.db.selectFrom('changes').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
}

async function lastRun(store: TestStore) {
  return store.db.selectFrom('runs').select(['status', 'error', 'detail']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
}

describe.each(STORE_KINDS)('catalog ingest on %s', (kind) => {
  let store: TestStore;
  let afterFirst: Record<string, number>;
  beforeAll(async () => {
    store = await storeWithSources(kind);
    await ingestAllBundled(store.db);
    afterFirst = await tableCounts(store);
  }, 300_000);
  afterAll(() => store?.dispose());

  it('loads every bundled snapshot: two GP snapshots, the launch log, GCAT tables and UCS', () => {
    expect(afterFirst).toMatchObject({
      gp_snapshots: 2,
      gp_snapshot_objects: 15_297 + 15_985,
      launches: 6_828,
      launch_objects: 23_433,
      ucs_satellites: 7_553,
      catalog_records: 4_027 + 697 + 2_755 + 375 + 101,
    });
  });

  it('ingesting every bundled snapshot a second time leaves identical counts', async () => {
    const reports = await ingestAllBundled(store.db);
    expect(await tableCounts(store)).toEqual(afterFirst);
    for (const r of reports) for (const c of Object.values(r.tables)) expect(c).toMatchObject({ added: 0, removed: 0, updated: 0 });
  }, 300_000);

  it('ingests a snapshot read ahead (the first start\'s way) as it ingests the file, and records a failed read as a failed run', async () => {
    const sites = feedByName('gcat-sites')!;
    const snap = sites.bundled[0]!;
    const read = readBundled(sites, snap);
    expect(read && 'output' in read ? read.output : null).toStrictEqual(sites.read({ ...read!.input }));
    const fromFile = await ingestBundled(store.db, sites, snap);
    const readAhead = await ingestBundled(store.db, sites, snap, undefined, {}, read);
    expect({ ...readAhead, runId: 0, previous: null }).toStrictEqual({ ...fromFile, runId: 0, previous: null });
    expect(readAhead.previous?.runId).toBe(fromFile.runId);

    const before = await tableCounts(store);
    const failure = new FeedFormatError(read!.input.file, 12, null, 'truncated file: last row has 3 fields, header has 26');
    const err = await ingestBundled(store.db, sites, snap, undefined, {}, { input: read!.input, error: failure }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect(err).toMatchObject({ check: 'format', message: failure.message });
    expect(await tableCounts(store)).toEqual(before);
    expect(await lastRun(store)).toMatchObject({ status: 'failed', error: failure.message });
  }, 120_000);

  it('reports the UCS rows it rejects, with line, field and reason', async () => {
    const run = await store.db.selectFrom('runs').select('detail').where('origin', '=', 'ingest:ucs').where('status', '=', 'succeeded')
      .orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    const detail = run.detail as { rejectedCount: number; rejected: { line: number; field: string; reason: string }[] };
    expect(detail.rejectedCount).toBe(7);
    expect(detail.rejected[0]).toMatchObject({ line: 351, field: 'Date of Launch', reason: expect.stringContaining('11/29/018') });
  });

  const rejects = async (input: { text: string; file: string }, feed = gp, reason: RegExp) => {
    const before = await tableCounts(store);
    const err = await ingestFeed(store.db, feed, { ...input, sourceId: 'celestrak-gp-live', asOf: '2026-11-21' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect((err as Error).message).toMatch(reason);
    expect(await tableCounts(store)).toEqual(before);
    const run = await lastRun(store);
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(reason);
  };

  it('rejects an empty download and changes nothing', () => rejects({ text: '', file: 'empty.csv' }, gp, /empty/i));

  it('rejects a truncated file and changes nothing', () => rejects({ text: fixture('celestrak-gp/tle-truncated.txt'), file: 'tle-truncated.txt' }, gp, /truncat|missing|line/i));

  it('rejects a file with a renamed column, naming the column, and changes nothing', () => {
    const renamed = fixture('gcat/launchlog-sample.tsv').replace('LVState', 'LV_State');
    return rejects({ text: renamed, file: 'launchlog-renamed.tsv' }, gcatLog, /LVState/);
  });

  it('rejects a row with a bad checksum, stores the others, and keeps no trace of the bad one', async () => {
    const text = fixture('celestrak-gp/tle-bad-checksum.txt');
    // A few objects against a full bundled snapshot: a shrink, accepted deliberately; this test is about the bad row.
    const report = await ingestFeed(store.db, gp, { text, file: 'tle-bad-checksum.txt', sourceId: 'celestrak-gp-live', asOf: '2026-11-21' }, { acceptShrink: true });
    expect(report.rejectedCount).toBeGreaterThan(0);
    expect(report.rejected[0]!.reason).toMatch(/checksum/i);
    const badLine = text.split('\n')[report.rejected[0]!.line - 1]!;
    const badNorad = Number(badLine.slice(2, 7));
    const stored = await store.db.selectFrom('gp_snapshot_objects').select('norad_id')
      .where('snapshot_id', '=', 'celestrak-gp-live@2026-11-21').where('norad_id', '=', badNorad).execute();
    expect(stored).toEqual([]);
    expect(report.accepted).toBe(report.total - report.rejectedCount);
  });

  it('rejects the launch log\'s last 100 rows written again, naming the lines they repeat, and stores and logs nothing new', async () => {
    const snap = gcatLog.bundled[0]!;
    const { text, lines } = withLastLinesAgain(snap.file, 100);
    const [launches, objects, counts, changes] = [await storedRows(store, 'launches'), await storedRows(store, 'launch_objects'), await tableCounts(store), await changeCount(store)];
    const report = await ingestFeed(store.db, gcatLog, { text, file: 'launchlog-doubled.tsv', sourceId: snap.sourceId, asOf: snap.asOf });
    expect(report).toMatchObject({ total: 23_533, accepted: 23_433, rejectedCount: 100 });
    expect(report.rejected).toHaveLength(100);
    report.rejected.forEach((r, k) => expect(r).toEqual({ file: 'launchlog-doubled.tsv', line: lines + 1 + k, field: 'JCAT', reason: `identical to line ${lines - 99 + k}`, repeats: lines - 99 + k }));
    for (const c of Object.values(report.tables)) expect(c).toMatchObject({ added: 0, updated: 0, removed: 0 });
    expect(await storedRows(store, 'launches')).toEqual(launches);
    expect(await storedRows(store, 'launch_objects')).toEqual(objects);
    expect(await tableCounts(store)).toEqual(counts);
    expect(await changeCount(store)).toBe(changes);
    const tag = await store.db.selectFrom('launches').select('object_count').where('id', '=', '2024-229').executeTakeFirstOrThrow();
    const pieces = await store.db.selectFrom('launch_objects').select((eb) => eb.fn.countAll().as('n')).where('launch_tag', '=', '2024-229').executeTakeFirstOrThrow();
    expect(tag.object_count).toBe(Number(pieces.n));
  }, 120_000);

  it('refuses a launch log whose repeated rows are more than 5% of its rows, and changes nothing', async () => {
    const snap = gcatLog.bundled[0]!;
    const { text, lines } = withLastLinesAgain(snap.file, 1_300);
    const before = await tableCounts(store);
    const err = await ingestFeed(store.db, gcatLog, { text, file: 'launchlog-1300-again.tsv', sourceId: snap.sourceId, asOf: snap.asOf }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect((err as Error).message).toBe(
      `launchlog-1300-again.tsv: 1300 of 24733 rows rejected (more than 5%), nothing stored; first: launchlog-1300-again.tsv:${lines + 1} JCAT: identical to line ${lines - 1_299}`,
    );
    expect(await tableCounts(store)).toEqual(before);
  }, 120_000);

  it('rejects a GP row repeating an earlier row\'s NORAD_CAT_ID and EPOCH with other elements, naming both lines', async () => {
    const snap = gp.bundled.find((b) => b.file.endsWith('.csv.gz'))!;
    const good = readSnapshot(snap.file).replace(/\n$/, '').split('\n');
    const header = good[0]!.split(',');
    const cells = good[1]!.split(',');
    cells[header.indexOf('MEAN_ANOMALY')] = '1.0000';
    const text = `${[...good, cells.join(',')].join('\n')}\n`;
    const sets = await storedRows(store, 'element_sets');
    const report = await ingestFeed(store.db, gp, { text, file: 'gp-repeated.csv', sourceId: snap.sourceId, asOf: snap.asOf });
    expect(report).toMatchObject({ total: 15_986, accepted: 15_985, rejectedCount: 1 });
    expect(report.rejected).toEqual([
      { file: 'gp-repeated.csv', line: 15_987, field: 'NORAD_CAT_ID', reason: 'duplicate of line 2: same NORAD_CAT_ID and EPOCH, different elements', repeats: 2 },
    ]);
    expect(report.tables.element_sets).toMatchObject({ added: 0, unchanged: 15_985 });
    expect(await storedRows(store, 'element_sets')).toEqual(sets);
  }, 120_000);
});

describe('a file with many bad rows', () => {
  it('is refused whole when more than 5% of its rows (and at least 10) are rejected', async () => {
    const store = await storeWithSources('pglite');
    try {
      const good = fixture('celestrak-gp/gp-sample.csv').trimEnd().split('\n');
      const broken = [good[0], ...good.slice(1, -1).map((l) => l.replace(/,(\d+),(\d+),(\d+),/, ',$1,$2,x$3,')), good.at(-1)].join('\n') + '\n';
      const before = await tableCounts(store);
      const err = await ingestFeed(store.db, gp, { text: broken, file: 'broken.csv', sourceId: 'celestrak-gp-live', asOf: '2026-11-21' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(IngestError);
      expect((err as Error).message).toMatch(/rows rejected \(more than 5%\), nothing stored/);
      expect(await tableCounts(store)).toEqual(before);
    } finally {
      await store.dispose();
    }
  });
});
