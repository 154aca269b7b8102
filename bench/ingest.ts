/**
 * Benchmark: parse throughput (rows per second) of the bundled GP, launch-log and UCS snapshots, and
 * the time to ingest the GP snapshot on each store (first load into a fresh store, then the same file
 * again), next to a plain COPY of the same CSV into an empty table on the same PostgreSQL: the floor
 * a bulk load can reach; the same COPY into a table with the columns typed and a primary key, the floor
 * of any store that keeps the rows typed and keyed; and PGlite's first load once more with PostgreSQL's default settings instead of
 * the store's (src/store/pglite-options.ts), the baseline of that choice. Figures are medians of BENCH_RUNS runs (default 3; the machine may be shared).
 * Run: npm run bench:ingest  (BENCH_STORES=pglite to skip PostgreSQL)
 */
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Kysely } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { emptyStoreTarball } from '../test/support/stores.js';
import { storeWithSources } from '../test/support/catalog-store.js';
import { PGliteDialect } from '../src/store/pglite-dialect.js';
import { PGLITE_OPTIONS } from '../src/store/pglite-options.js';
import { TarballBlob } from '../src/store/tarball-blob.js';
import type { Database } from '../src/store/schema.js';
import { loadCurated } from '../src/services/load-curated.js';
import { feedByName } from '../src/services/feeds.js';
import { readSnapshot } from '../src/services/bundled-snapshots.js';
import { ingestFeed } from '../src/services/ingest-feed.js';
import { GP_CSV_COLUMNS } from '../src/ingest/celestrak-gp/gp-row.js';
import type { StoreKind } from '../src/store/open-store.js';
import { CATALOG_WRITES } from '../src/store/write-catalog.js';
import { copyRows } from '../src/store/copy-rows.js';
import { startRun } from '../src/store/runs.js';

const GP = { feed: 'celestrak-gp', file: 'celestrak_gp_active_2026-07-10.csv.gz', sourceId: 'celestrak-gp-active-2026-07-10', asOf: '2026-07-10' };
const PARSED = [
  GP,
  { feed: 'celestrak-gp', file: 'celestrak_active_tle_2026-05-04.txt.gz', sourceId: 'celestrak-tle-active-2026-05-04', asOf: '2026-05-04' },
  { feed: 'gcat-launchlog', file: 'gcat_launchlog_2024-12-08.tsv.gz', sourceId: 'gcat-launchlog-2024-12-08', asOf: '2024-12-08' },
  { feed: 'ucs', file: 'ucs_satellite_database_2023-05-01.tsv.gz', sourceId: 'ucs-satdb-2023-05-01', asOf: '2023-05-01' },
];
const kinds = (process.env.BENCH_STORES ?? 'pglite,postgres').split(',') as StoreKind[];
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const PARSE_TARGET = 300_000;
const PGLITE_TARGET_MS = 500;
const COPY_RATIO_TARGET = 2;
let gpParseRate = 0;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => x.toFixed(0).padStart(8);
async function timed(run: () => Promise<unknown> | unknown): Promise<number> {
  const t = performance.now();
  await run();
  return performance.now() - t;
}

/** Parse runs: throughput is measured once the JIT has compiled the reader (PARSE_WARMUP runs first). */
const PARSE_WARMUP = 3;
const PARSE_RUNS = Math.max(RUNS, 11);
console.log(`parse: the parser alone, and the feed's read (parse, value checks, mapping); after ${PARSE_WARMUP} warm-up runs, median of ${PARSE_RUNS} runs`);
console.log('snapshot                                   rows  parse ms   rows/s   read ms   rows/s');
for (const c of PARSED) {
  const text = readSnapshot(c.file);
  const feed = feedByName(c.feed)!;
  const input = { text, file: c.file, sourceId: c.sourceId, asOf: c.asOf };
  const rows = feed.read(input).parsed.total;
  for (let i = 1; i < PARSE_WARMUP; i++) feed.read(input);
  const parse: number[] = [];
  const read: number[] = [];
  for (let i = 0; i < PARSE_RUNS; i++) {
    parse.push(await timed(() => feed.parse(input)));
    read.push(await timed(() => feed.read(input)));
  }
  const perSecond = (t: number) => String(Math.round(rows / (t / 1000))).padStart(8);
  console.log(`${c.file.padEnd(40)} ${String(rows).padStart(6)} ${ms(median(parse))} ${perSecond(median(parse))} ${ms(median(read))} ${perSecond(median(read))}`);
  if (c === GP) gpParseRate = rows / (median(parse) / 1000);
}
console.log(`target: GP CSV parse ≥ ${PARSE_TARGET.toLocaleString('en')} rows/s; measured ${Math.round(gpParseRate).toLocaleString('en')} rows/s (${gpParseRate >= PARSE_TARGET ? 'met' : 'not met'})`);

/**
 * The machine's floor in the same run: splitting the GP CSV on newlines and commas (no quoting, no
 * numbers, no checks), the least any CSV parser does. The parser's share of it says how close the parser
 * is to the floor whatever the machine's speed today (the target above is absolute).
 */
function splitFloor(text: string): number {
  let fields = 0;
  for (const line of text.split('\n')) if (line) fields += line.split(',').length;
  return fields;
}
{
  const text = readSnapshot(GP.file);
  const rows = text.split('\n').filter(Boolean).length - 1;
  for (let i = 0; i < PARSE_WARMUP; i++) splitFloor(text);
  const times: number[] = [];
  for (let i = 0; i < PARSE_RUNS; i++) times.push(await timed(() => splitFloor(text)));
  const floor = rows / (median(times) / 1000);
  console.log(`baseline: split on newlines and commas only, same file, same run: ${Math.round(floor).toLocaleString('en')} rows/s; the parser runs at ${(gpParseRate / floor * 100).toFixed(0)}% of it`);
}

/** An in-memory PGlite store opened with PostgreSQL's default settings (only the extensions of the store's options). */
async function pgliteWithDefaults(): Promise<{ db: Kysely<Database>; dispose: () => Promise<void> }> {
  const pglite = await PGlite.create({ extensions: PGLITE_OPTIONS.extensions, loadDataDir: new TarballBlob(await emptyStoreTarball()) });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return { db, dispose: () => db.destroy() };
}

const gpText = readSnapshot(GP.file);
const gpInput = { text: gpText, file: GP.file, sourceId: GP.sourceId, asOf: GP.asOf };
const results: Record<string, { first: number; reload: number }> = {};
for (const kind of kinds) {
  const first: number[] = [];
  const reload: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const store = await storeWithSources(kind);
    try {
      first.push(await timed(() => ingestFeed(store.db, feedByName(GP.feed)!, gpInput)));
      reload.push(await timed(() => ingestFeed(store.db, feedByName(GP.feed)!, gpInput)));
    } finally {
      await store.dispose();
    }
  }
  results[kind] = { first: median(first), reload: median(reload) };
}
let pgliteDefaults: number | null = null;
if (kinds.includes('pglite')) {
  const first: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const store = await pgliteWithDefaults();
    try {
      const kb = await loadCurated(store.db, 'data/kb/sources');
      if (!kb.ok) throw new Error('sources do not validate');
      first.push(await timed(() => ingestFeed(store.db, feedByName(GP.feed)!, gpInput)));
    } finally {
      await store.dispose();
    }
  }
  pgliteDefaults = median(first);
}

/** How a table that keeps the GP rows typed (as the parser types them) declares each CSV column. */
const GP_COLUMN_TYPES: Record<(typeof GP_CSV_COLUMNS)[number], string> = {
  OBJECT_NAME: 'text', OBJECT_ID: 'text', EPOCH: 'timestamp', MEAN_MOTION: 'float8', ECCENTRICITY: 'float8',
  INCLINATION: 'float8', RA_OF_ASC_NODE: 'float8', ARG_OF_PERICENTER: 'float8', MEAN_ANOMALY: 'float8',
  EPHEMERIS_TYPE: 'integer', CLASSIFICATION_TYPE: 'text', NORAD_CAT_ID: 'integer primary key',
  ELEMENT_SET_NO: 'integer', REV_AT_EPOCH: 'integer', BSTAR: 'float8', MEAN_MOTION_DOT: 'float8',
  MEAN_MOTION_DDOT: 'float8',
};

/**
 * Plain COPYs of the CSV (header skipped), in a fresh database, alternating in each run: into an empty
 * table of text columns (the issue's baseline), and into an empty table with the same columns typed as
 * the parser types them and NORAD_CAT_ID as its primary key: the least a store that keeps the rows typed
 * and can find an object by its number writes, before any history, provenance or change log.
 */
async function baselineCopies(): Promise<{ text: number; typedKeyed: number }> {
  const name = `redshift_bench_copy_${process.pid}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const copyInto = async (table: string, columns: string) => {
    await client.query(`drop table if exists ${table}`);
    await client.query(`create table ${table} (${columns})`);
    return timed(() => pipeline(Readable.from([gpText]), client.query(copyFrom(`copy ${table} from stdin with (format csv, header true)`))));
  };
  const textColumns = GP_CSV_COLUMNS.map((c) => `${c.toLowerCase()} text`).join(', ');
  const typedColumns = GP_CSV_COLUMNS.map((c) => `${c.toLowerCase()} ${GP_COLUMN_TYPES[c]}`).join(', ');
  try {
    const text: number[] = [];
    const typedKeyed: number[] = [];
    for (let i = 0; i < Math.max(RUNS, 5); i++) {
      if (i % 2 === 0) {
        text.push(await copyInto('gp_copy', textColumns));
        typedKeyed.push(await copyInto('gp_copy_typed', typedColumns));
      } else {
        typedKeyed.push(await copyInto('gp_copy_typed', typedColumns));
        text.push(await copyInto('gp_copy', textColumns));
      }
    }
    return { text: median(text), typedKeyed: median(typedKeyed) };
  } finally {
    await client.end();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/**
 * The writes a first load of the GP snapshot cannot leave out, as bare COPYs of rows already parsed and
 * mapped (no parse, no checks, no diff): every element set into element_sets, one span per member into
 * element_spans and one change-log entry per object seen for the first time into changes (what
 * writeCatalog stores for a first load), into the product's own tables with their keys, indexes and
 * triggers, in one transaction on a fresh store. The floor of the product's first load on that store.
 */
async function writesFloor(kind: StoreKind): Promise<number> {
  const mapped = feedByName(GP.feed)!.read(gpInput).mapped.tables;
  const sets = mapped.element_sets!; // one row per id (mapGp)
  const members = mapped.gp_snapshot_objects!;
  const snapshot = mapped.gp_snapshots![0]!;
  const names = new Map(sets.map((r) => [r.id, r.object_name ?? null]));
  const columns = CATALOG_WRITES.element_sets.kind === 'history' ? CATALOG_WRITES.element_sets.columns : [];
  const now = new Date().toISOString();
  const origin = 'bench:floor';
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const store = await storeWithSources(kind);
    try {
      const runId = await startRun(store.db, origin, now);
      times.push(await timed(() => store.db.transaction().execute(async (trx) => {
        await copyRows(trx, 'element_sets', ['id', ...columns, 'origin', 'first_seen', 'last_seen'], sets,
          (r) => [r.id, ...columns.map((c) => r[c]), origin, now, now]);
        await trx.insertInto('gp_snapshots').values({
          id: snapshot.id, source_id: snapshot.source_id as string, as_of: snapshot.as_of as string,
          object_count: snapshot.object_count as number, origin, first_seen: now, last_seen: now, seq: 1,
        }).execute();
        await copyRows(trx, 'element_spans', ['norad_id', 'first_seq', 'last_seq', 'element_set_id', 'origin', 'first_seen', 'last_seen'], members,
          (m) => [m.norad_id, 1, 1, m.element_set_id, origin, now, now]);
        await copyRows(trx, 'changes', ['run_id', 'at', 'action', 'subject', 'subject_id', 'property', 'value'], members,
          (m) => [runId, now, 'added', 'catalog-object', String(m.norad_id), 'gp', names.get(m.element_set_id as string) ?? null]);
      })));
    } finally {
      await store.dispose();
    }
  }
  return median(times);
}

console.log(`\nGP snapshot ${GP.file} (15,985 rows), ingest time, median of ${RUNS} runs`);
console.log('store     first load ms  reload ms');
for (const [kind, r] of Object.entries(results)) console.log(`${kind.padEnd(9)} ${ms(r.first).padStart(13)} ${ms(r.reload).padStart(10)}`);
if (results.pglite) {
  const met = results.pglite.first < PGLITE_TARGET_MS;
  console.log(`target: PGlite first load under ${PGLITE_TARGET_MS} ms; measured ${results.pglite.first.toFixed(0)} ms (${met ? 'met' : 'not met'})`);
  if (pgliteDefaults !== null) console.log(`baseline: PGlite first load with PostgreSQL's default settings (wal_init_zero on), same run: ${pgliteDefaults.toFixed(0)} ms`);
}
if (kinds.includes('postgres')) {
  const base = await baselineCopies();
  const pgFirst = results.postgres!.first;
  const ratio = pgFirst / base.text;
  const typedRatio = base.typedKeyed / base.text;
  console.log(`\nbaseline: plain COPY of the same CSV into an empty text table on the same PostgreSQL: ${base.text.toFixed(0)} ms`);
  console.log(`product first load / baseline COPY: ${ratio.toFixed(2)}× (target ≤ ${COPY_RATIO_TARGET}×: ${ratio <= COPY_RATIO_TARGET ? 'met' : 'not met'})`);
  console.log(`the same COPY into a table of the CSV's columns typed as the parser types them, NORAD_CAT_ID its primary key (no history, provenance or change log; ${Math.max(RUNS, 5)} runs alternating with the text COPY): ${base.typedKeyed.toFixed(0)} ms, ${typedRatio.toFixed(2)}× the text COPY${typedRatio > COPY_RATIO_TARGET ? `: above ${COPY_RATIO_TARGET}× before the product's own writes` : ''}`);
}
for (const kind of kinds) {
  const floor = await writesFloor(kind);
  const first = results[kind]!.first;
  console.log(`floor (${kind}): the first load's rows alone, already parsed, copied into the product's tables (element sets, spans, change log; keys, indexes, triggers), one transaction: ${floor.toFixed(0)} ms; product first load / floor: ${(first / floor).toFixed(2)}×`);
}
