/**
 * A GP element set cannot have an epoch after its file was received (it is fitted to observations made
 * before it is published): a row whose EPOCH is more than a day after the receipt is rejected with its
 * line, column and reason, so a download with impossible epochs cannot replace a stored element set
 * (a same-day download takes an object's set when its epoch is later). Expected rows and lines come
 * from plain string splitting of the bundled 2026-07-10 CSV.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { STORE_KINDS, type TestStore } from '../support/stores.js';
import { storeWithSources, tableCounts } from '../support/catalog-store.js';
import { feedByName } from '../../src/services/feeds.js';
import { readSnapshot } from '../../src/services/bundled-snapshots.js';
import { ingestFeed, IngestError } from '../../src/services/ingest-feed.js';
import { parseInWorker } from '../../src/services/parse-in-worker.js';
import { checkRowValues } from '../../src/ingest/check-feed.js';

const GP = feedByName('celestrak-gp')!;
const SNAP = GP.bundled.find((b) => b.file === 'celestrak_gp_active_2026-07-10.csv.gz')!;
const text = readSnapshot(SNAP.file);
const lines = text.split('\n');
const header = lines[0]!.split(',');
const EPOCH = header.indexOf('EPOCH');
const NORAD = header.indexOf('NORAD_CAT_ID');
/** Data rows as [1-based line, fields]; the bundled CSV has no quoted field, so a comma splits it. */
const rows = lines.slice(1).map((l, i) => [i + 2, l.split(',')] as const).filter(([, f]) => f.length > 1);
const latestEpoch = rows.map(([, f]) => f[EPOCH]!).sort().at(-1)!;
/** Received after every epoch: the snapshot's own download (its latest epoch is 2026-07-12). */
const RECEIVED = '2026-07-13T00:00:00.000Z';
const source = (body: string) => ({ text: body, file: 'gp-download.csv', sourceId: SNAP.sourceId, asOf: SNAP.asOf });

/** The file with the EPOCH of the given data rows (indexes into `rows`) replaced. */
function withEpochs(changed: ReadonlyMap<number, string>): string {
  const out = [...lines];
  for (const [k, epoch] of changed) {
    const [line, fields] = rows[k]!;
    const f = [...fields];
    f[EPOCH] = epoch;
    out[line - 1] = f.join(',');
  }
  return out.join('\n');
}

describe.each(STORE_KINDS)('GP epochs after the file was received, on %s', (kind) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await storeWithSources(kind);
  }, 120_000);
  afterAll(async () => {
    await store?.dispose();
  });

  const setOf = async (norad: number) => (await sql<{ element_set_id: string; epoch: string }>`
    select o.element_set_id, e.epoch from gp_snapshot_objects o join element_sets e on e.id = o.element_set_id
    where o.norad_id = ${norad}::integer`.execute(store.db)).rows;

  it('accepts every row of the bundled snapshot received after its latest epoch', async () => {
    expect(latestEpoch.startsWith('2026-07-12')).toBe(true);
    const report = await ingestFeed(store.db, GP, source(text), { now: RECEIVED });
    expect(report.rejectedCount).toBe(0);
    expect(report.accepted).toBe(rows.length);
  }, 120_000);

  it('rejects a same-day download row whose epoch is after its receipt, and keeps the stored element set', async () => {
    const k = 100;
    const norad = Number(rows[k]![1][NORAD]);
    const stored = await setOf(norad);
    expect(stored).toHaveLength(1);
    const report = await ingestFeed(store.db, GP, source(withEpochs(new Map([[k, '2099-01-01T00:00:00.000000']]))), { now: '2026-07-13T06:00:00.000Z' });
    expect(report.rejectedCount).toBe(1);
    expect(report.rejected[0]).toEqual({
      file: 'gp-download.csv', line: rows[k]![0], field: 'EPOCH',
      reason: expect.stringMatching(/^2099-01-01T00:00:00\.000000Z is more than 24 h after the file was received \(2026-07-13T06:00:00\.000Z\)/) as unknown,
    });
    expect(await setOf(norad)).toEqual(stored);
    const future = await sql<{ n: number }>`select count(*)::int as n from element_sets where epoch > '2027'`.execute(store.db);
    expect(future.rows[0]!.n).toBe(0);
  }, 120_000);

  it('refuses a download whose rows are mostly after its receipt, changing nothing', async () => {
    const before = await tableCounts(store);
    const many = new Map(rows.map((_, k) => [k, '2027-01-01T00:00:00.000000'] as const).filter(([k]) => k % 10 === 0));
    const err = await ingestFeed(store.db, GP, source(withEpochs(many)), { now: '2026-07-13T07:00:00.000Z' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).check).toBe('values');
    expect((err as Error).message).toContain(`${many.size} of ${rows.length} rows rejected`);
    expect(await tableCounts(store)).toEqual(before);
  }, 120_000);

  it('counts against the time given: received on the as-of day, the rows more than a day later are rejected', async () => {
    const now = '2026-07-10T12:00:00.000Z';
    const late = rows.filter(([, f]) => Date.parse(`${f[EPOCH]!}Z`) > Date.parse(now) + 24 * 3_600_000).map(([line]) => line);
    expect(late.length).toBeGreaterThan(0);
    const out = GP.read({ ...source(text), receivedAt: now });
    expect(out.parsed.rejected.map((r) => [r.line, r.field])).toEqual(late.map((line) => [line, 'EPOCH']));
    // A download is read in a worker thread (the fetch path): the receipt time goes with it.
    const inWorker = await parseInWorker(GP, { ...source(text), receivedAt: now });
    expect(inWorker.parsed.rejected.map((r) => r.line)).toEqual(late);
    // Without a receipt time (a pure read), nothing is checked against it.
    expect(GP.read(source(text)).parsed.rejected).toEqual([]);
  }, 60_000);

  it('compares date-times written in other forms by their time', () => {
    const epochs = ['2026-07-11T12:00:00Z', '2026-07-11T12:00:01Z', '2026-07-11T13:00:00.5+01:00', '2026-07-11T12:00:00.000001Z', '2026-07-11T12:00:00.000000Z'];
    const parsed = { rows: epochs.map((epoch) => ({ epoch })), rejected: [], total: epochs.length, lines: epochs.map((_, i) => i + 2) };
    const checked = checkRowValues(parsed, GP.invariants, 'forms.csv', '2026-07-10T12:00:00.000Z');
    expect(checked.rejected.map((r) => [r.line, r.field])).toEqual([[3, 'EPOCH'], [4, 'EPOCH'], [5, 'EPOCH']]);
    expect(() => checkRowValues(parsed, GP.invariants, 'forms.csv', 'yesterday')).toThrow('forms.csv: receivedAt "yesterday" is not a date-time');
  });
});
