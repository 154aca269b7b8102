/**
 * A rejected row is not a removal (src/ingest/kept-rows.ts): re-ingesting a bundled file with one bad value
 * keeps the stored row of that key as it was and changes nothing else; a row absent from the file is still
 * removed; a rejected row whose key cannot be read withholds the table's removals. UCS ids do not move when
 * a row above is rejected, and migration 009 renumbers ids written by the old mapper in place.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { STORE_KINDS, type TestStore } from '../support/stores.js';
import { olderStore } from '../support/older-store.js';
import { loadCurated } from '../../src/services/load-curated.js';
import { writeCatalog } from '../../src/store/write-catalog.js';
import { migrate } from '../../src/store/migrate.js';
import type { UcsRow } from '../../src/ingest/ucs/parse.js';
import { storeWithSources } from '../support/catalog-store.js';
import { ingestBundled, readBundled, readSnapshot } from '../../src/services/bundled-snapshots.js';
import { feedByName, type FeedDef } from '../../src/services/feeds.js';
import { ingestFeed, type IngestReport } from '../../src/services/ingest-feed.js';
import type { Database } from '../../src/store/schema.js';

const orgs = feedByName('gcat-orgs')!;
const ucs = feedByName('ucs')!;
const launchLog = feedByName('gcat-launchlog')!;
const satcat = feedByName('celestrak-satcat')!;

const bundledText = (feed: FeedDef) => readBundled(feed, feed.bundled[0]!)!.input.text;

/** The text with one cell replaced: `line` is 1-based, the column found by name in the header line. */
function withCell(text: string, headerLine: number, line: number, column: string, value: string): string {
  const lines = text.split('\n');
  const header = lines[headerLine - 1]!.replace(/^#/, '').split('\t').map((c) => c.trim());
  const at = header.indexOf(column);
  if (at < 0) throw new Error(`no column ${column}`);
  const cells = lines[line - 1]!.split('\t');
  cells[at] = value;
  lines[line - 1] = cells.join('\t');
  return lines.join('\n');
}

const withoutLine = (text: string, line: number) => text.split('\n').filter((_, i) => i !== line - 1).join('\n');

/** Every stored row of the table for the origin, by id, without last_seen (a re-ingest stamps it). */
async function storedRows(db: Kysely<Database>, table: string, origin: string): Promise<Map<string, Record<string, unknown>>> {
  const { rows } = await sql<Record<string, unknown> & { id: string }>`select * from ${sql.table(table)} where origin = ${origin} order by id`.execute(db);
  return new Map(rows.map(({ last_seen: _, ...r }) => [r.id as string, r]));
}

const changeCount = async (db: Kysely<Database>) => (await sql<{ n: number }>`select count(*)::int as n from changes`.execute(db)).rows[0]!.n;

describe.each(STORE_KINDS)('re-ingest with rejected rows on %s', (kind) => {
  let store: TestStore;
  let day = 0;
  const ingest = (feed: FeedDef, text: string): Promise<IngestReport> => {
    const snap = feed.bundled[0]!;
    day++;
    return ingestFeed(store.db, feed, { text, file: `edited-${feed.name}.tsv`, sourceId: snap.sourceId, asOf: snap.asOf }, { now: `2030-01-${String(day).padStart(2, '0')}T00:00:00.000Z` });
  };
  beforeAll(async () => {
    store = await storeWithSources(kind);
    for (const feed of [orgs, ucs, launchLog]) await ingestBundled(store.db, feed, feed.bundled[0]!);
  }, 300_000);
  afterAll(() => store?.dispose());

  it('GCAT orgs: a latitude of 95 rejects ZZWYZ, whose stored record stays as it was; nothing else changes', async () => {
    const before = await storedRows(store.db, 'catalog_records', 'ingest:gcat-orgs');
    const changes = await changeCount(store.db);
    expect(before.get('gcat-orgs:ZZWYZ')).toBeDefined();
    const report = await ingest(orgs, withCell(bundledText(orgs), 1, 4030, 'Latitude', '95.0000'));
    expect(report.rejected).toContainEqual({
      file: 'edited-gcat-orgs.tsv', line: 4030, field: 'Latitude', reason: expect.stringContaining('95.0000 is outside -90 to 90'), key: { Code: 'ZZWYZ' },
    });
    expect(report.tables.catalog_records).toEqual({ added: 0, updated: 0, removed: 0, unchanged: before.size - 1, kept: 1 });
    expect(report.removalsWithheld).toEqual([]);
    expect(await storedRows(store.db, 'catalog_records', 'ingest:gcat-orgs')).toEqual(before);
    expect(await changeCount(store.db)).toBe(changes);
  }, 60_000);

  it('GCAT orgs: a row absent from the file is still removed beside a kept rejected row, and the good file restores it', async () => {
    const before = await storedRows(store.db, 'catalog_records', 'ingest:gcat-orgs');
    // Line 3 is EARTH; without it, ZZWYZ moves up to line 4029.
    const edited = withoutLine(withCell(bundledText(orgs), 1, 4030, 'Latitude', '95.0000'), 3);
    const report = await ingest(orgs, edited);
    expect(report.tables.catalog_records).toMatchObject({ added: 0, updated: 0, removed: 1, kept: 1 });
    const after = await storedRows(store.db, 'catalog_records', 'ingest:gcat-orgs');
    expect(after.has('gcat-orgs:EARTH')).toBe(false);
    expect(after.get('gcat-orgs:ZZWYZ')).toEqual(before.get('gcat-orgs:ZZWYZ'));

    const restored = await ingest(orgs, bundledText(orgs));
    expect(restored.tables.catalog_records).toMatchObject({ added: 1, updated: 0, removed: 0 });
    const again = await ingest(orgs, bundledText(orgs));
    expect(again.tables.catalog_records).toEqual({ added: 0, updated: 0, removed: 0, unchanged: before.size, kept: 0 });
    const final = await storedRows(store.db, 'catalog_records', 'ingest:gcat-orgs');
    expect(final.get('gcat-orgs:ZZWYZ')).toEqual(before.get('gcat-orgs:ZZWYZ'));
    expect(final.get('gcat-orgs:EARTH')).toMatchObject({ data: before.get('gcat-orgs:EARTH')!.data });
  }, 60_000);

  it('GCAT orgs: a rejected row whose key cannot be read withholds every removal of the table, and the report says so', async () => {
    const before = await storedRows(store.db, 'catalog_records', 'ingest:gcat-orgs');
    const lines = bundledText(orgs).split('\n');
    lines[4029] = `\t${lines[4029]!}`; // ZZWYZ's row gains a cell: its key is not readable
    const report = await ingest(orgs, withoutLine(lines.join('\n'), 3));
    const rejection = report.rejected.find((e) => e.line === 4029);
    expect(rejection).toMatchObject({ field: null, reason: expect.stringContaining('fields') });
    expect(rejection).not.toHaveProperty('key');
    expect(report.removalsWithheld).toEqual(['catalog_records']);
    expect(report.tables.catalog_records).toMatchObject({ added: 0, updated: 0, removed: 0, kept: 2 });
    expect(await storedRows(store.db, 'catalog_records', 'ingest:gcat-orgs')).toEqual(before);
  }, 60_000);

  it('UCS: the date 2/30/19 rejects ABS-2 near the top; its row stays, and no other row moves', async () => {
    const before = await storedRows(store.db, 'ucs_satellites', 'ingest:ucs');
    const abs2 = [...before.values()].filter((r) => r.name === 'ABS-2');
    expect(abs2.map((r) => r.id)).toEqual(['39508#0']);
    const report = await ingest(ucs, withCell(bundledText(ucs), 1, 6, 'Date of Launch', '2/30/19'));
    expect(report.rejected).toContainEqual({
      file: 'edited-ucs.tsv', line: 6, field: 'Date of Launch', reason: '"2/30/19" is not a valid date', key: { 'NORAD Number': '39508' },
    });
    expect(report.tables.ucs_satellites).toEqual({ added: 0, updated: 0, removed: 0, unchanged: before.size - 1, kept: 1 });
    expect(await storedRows(store.db, 'ucs_satellites', 'ingest:ucs')).toEqual(before);

    const again = await ingest(ucs, bundledText(ucs));
    expect(again.tables.ucs_satellites).toEqual({ added: 0, updated: 0, removed: 0, unchanged: before.size, kept: 0 });
  }, 120_000);

  it('GCAT launch log: a bad date rejects one object of a two-object launch; the object and the launch stay as stored', async () => {
    const text = bundledText(launchLog);
    const lines = text.split('\n');
    const tags = lines.map((l) => (l.startsWith('#') || l.trim() === '' ? null : l.split('\t')[0]!.trim()));
    const counts = new Map<string, number>();
    for (const t of tags) if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
    const at = tags.findIndex((t) => t !== null && counts.get(t) === 2);
    const tag = tags[at]!;
    const launches = await storedRows(store.db, 'launches', 'ingest:gcat-launchlog');
    const objects = await storedRows(store.db, 'launch_objects', 'ingest:gcat-launchlog');
    expect(launches.get(tag)).toMatchObject({ object_count: 2 });
    const header = lines.findIndex((l) => l.startsWith('#Launch_Tag')) + 1;
    const report = await ingest(launchLog, withCell(text, header, at + 1, 'Launch_Date', 'not-a-date'));
    expect(report.rejected).toEqual([expect.objectContaining({ line: at + 1, field: 'Launch_Date', key: expect.objectContaining({ Launch_Tag: tag }) })]);
    // Not updated to the one object the file's accepted rows give it: the launch is left as stored.
    expect(report.tables.launches).toEqual({ added: 0, updated: 0, removed: 0, unchanged: launches.size - 1, kept: 1 });
    expect(report.tables.launch_objects).toEqual({ added: 0, updated: 0, removed: 0, unchanged: objects.size - 1, kept: 1 });
    expect(await storedRows(store.db, 'launches', 'ingest:gcat-launchlog')).toEqual(launches);
    expect(await storedRows(store.db, 'launch_objects', 'ingest:gcat-launchlog')).toEqual(objects);
  }, 180_000);
});

describe.each(STORE_KINDS)('SATCAT re-ingest with a rejected row on %s', (kind) => {
  it('an inclination of 200 rejects one object, whose stored row stays as it was', async () => {
    const store = await storeWithSources(kind);
    try {
      const text = readSnapshot('celestrak_satcat_excerpt_2025-12.csv.gz');
      const input = (t: string, now: string) => ingestFeed(store.db, satcat, { text: t, file: 'satcat.csv', sourceId: 'celestrak-satcat-live', asOf: '2025-12-31' }, { now });
      await input(text, '2030-01-01T00:00:00.000Z');
      const before = await storedRows(store.db, 'satcat', 'ingest:celestrak-satcat');
      const lines = text.split('\n');
      const cells = lines[1]!.split(',');
      cells[10] = '200.00'; // INCLINATION of 66827
      lines[1] = cells.join(',');
      const report = await input(lines.join('\n'), '2030-01-02T00:00:00.000Z');
      expect(report.rejected).toEqual([expect.objectContaining({ line: 2, field: 'INCLINATION', key: { NORAD_CAT_ID: '66827' } })]);
      expect(report.tables.satcat).toEqual({ added: 0, updated: 0, removed: 0, unchanged: before.size - 1, kept: 1 });
      expect(await storedRows(store.db, 'satcat', 'ingest:celestrak-satcat')).toEqual(before);
    } finally {
      await store.dispose();
    }
  }, 120_000);
});

describe.each(STORE_KINDS)('migration 009 on %s', (kind) => {
  it('renumbers the UCS ids the old mapper wrote (NORAD#index) so the same file re-ingests with nothing added or removed', async () => {
    const old = await olderStore(kind, '008-derived-results.sql');
    try {
      const db = old.db;
      expect((await loadCurated(db, 'data/kb/sources')).ok).toBe(true);
      // The old mapper's rows: the new rows with id NORAD#i, i the index among the accepted rows.
      const read = readBundled(ucs, ucs.bundled[0]!)!;
      const output = 'output' in read ? read.output : null;
      const rows = output!.mapped.tables.ucs_satellites!;
      const oldIds = (output!.parsed.rows as UcsRow[]).map((r, i) => `${r.noradId}#${i}`);
      const at = '2029-01-01T00:00:00.000Z';
      await db.transaction().execute((trx) =>
        writeCatalog(trx, 'ingest:ucs', { tables: { ucs_satellites: rows.map((r, i) => ({ ...r, id: oldIds[i]! })) } }, at, 1));
      expect(await migrate(db)).toEqual(['009-ucs-row-ids.sql']);
      const stored = await storedRows(db, 'ucs_satellites', 'ingest:ucs');
      expect([...stored.keys()].sort()).toEqual(rows.map((r) => r.id).sort());
      const report = await ingestFeed(db, ucs, read.input, { now: '2030-01-01T00:00:00.000Z' });
      expect(report.tables.ucs_satellites).toEqual({ added: 0, updated: 0, removed: 0, unchanged: rows.length, kept: 0 });
      expect(await storedRows(db, 'ucs_satellites', 'ingest:ucs')).toEqual(stored);
      expect([...stored.values()].every((r) => r.first_seen === at)).toBe(true);
    } finally {
      await old.dispose();
    }
  }, 180_000);
});
