/**
 * A feed's size limit (FeedDef.maxBytes): a download or local file over it is refused while it is read,
 * recorded as a failed run naming the file, the limit and the bytes read, and changes nothing stored.
 * Local HTTP servers on 127.0.0.1 only; the limit is injected small so each case is quick.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { storeWithSources, tableCounts } from '../support/catalog-store.js';
import type { TestStore } from '../support/stores.js';
import { FEEDS, feedByName } from '../../src/services/feeds.js';
import { fetchFeed } from '../../src/services/fetch-feed.js';
import { ingestFeed, IngestError } from '../../src/services/ingest-feed.js';
import { ingestLocalFile, readUpTo } from '../../src/services/ingest-local-file.js';
import { readSnapshotBytes } from '../../src/services/bundled-snapshots.js';

const GP_CSV = readFileSync('test/fixtures/celestrak-gp/gp-sample.csv', 'utf8');
const GP_LINES = GP_CSV.split('\n');
const gp = feedByName('celestrak-gp')!;
const LIMIT = 1024 * 1024;
const fast = { retries: 0, backoffMs: 1, timeoutMs: 5_000, force: true };

/** What a test's server did with one response: the bytes it wrote and when the client hung up. */
interface Served { written: number; closed: Promise<void> }

let handle: (res: ServerResponse) => Served;
let served: Served | null = null;
let server: Server;
let base: string;
let store: TestStore;
const dir = mkdtempSync(join(tmpdir(), 'redshift-size-limit-'));
const quarantineDir = join(dir, 'quarantine');

beforeAll(async () => {
  server = createServer((_req, res) => { served = handle(res); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  store = await storeWithSources('pglite');
  await ingestFeed(store.db, gp, { text: GP_CSV, file: 'gp-sample.csv', sourceId: 'celestrak-gp-live', asOf: '2026-07-10' });
});
afterAll(async () => {
  await store?.dispose();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

/** Writes GP lines for ever, as fast as the client takes them (it waits for drain, so only the client can grow memory). */
function endless(res: ServerResponse): Served {
  const s: Served = { written: 0, closed: new Promise((r) => res.on('close', r)) };
  res.writeHead(200, { 'content-type': 'text/csv' });
  const line = Buffer.from(`${GP_LINES[1]!}\n`.repeat(256));
  const pump = () => {
    while (!res.destroyed) {
      s.written += line.byteLength;
      if (!res.write(line)) return void res.once('drain', pump);
    }
  };
  res.write(`${GP_LINES[0]!}\n`);
  pump();
  return s;
}

function reply(headers: Record<string, string>, body: Buffer, end = true): (res: ServerResponse) => Served {
  return (res) => {
    const s: Served = { written: body.byteLength, closed: new Promise((r) => res.on('close', r)) };
    res.writeHead(200, headers);
    if (end) res.end(body);
    else res.write(body);
    return s;
  };
}

const lastRun = () => store.db.selectFrom('runs').select(['status', 'error', 'detail']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();

async function refusal(promise: Promise<unknown>): Promise<IngestError> {
  const err = await promise.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(IngestError);
  expect((err as IngestError).check).toBe('size');
  return err as IngestError;
}

describe('a download over the feed\'s size limit', () => {
  it('an endless chunked body is stopped once past the limit, with memory bounded, a failed run naming the URL, and nothing stored', async () => {
    handle = endless;
    const url = `${base}/stream`;
    const before = await tableCounts(store);
    const rss = process.memoryUsage().rss;
    const err = await refusal(fetchFeed(store.db, gp, { url, maxBytes: LIMIT, quarantineDir, ...fast }));
    const grown = process.memoryUsage().rss - rss;
    await served!.closed; // the client hung up: the server is not still sending
    const read = Number(/\((\d+) bytes read/.exec(err.message)![1]);
    expect(err.message).toBe(`${url}: larger than the feed's limit of ${LIMIT} bytes (${read} bytes read, reading stopped); nothing stored`);
    expect(read).toBeGreaterThan(LIMIT);
    expect(read).toBeLessThan(LIMIT + 1024 * 1024);
    // Loopback socket buffers hold a few MB at most; an unbounded read would have taken everything sent.
    expect(served!.written).toBeLessThan(LIMIT + 32 * 1024 * 1024);
    expect(grown).toBeLessThan(64 * 1024 * 1024);
    expect(await tableCounts(store)).toEqual(before);
    const run = await lastRun();
    expect(run).toMatchObject({ status: 'failed', error: err.message, detail: { check: 'size', file: url, refused: true } });
    const kept = (run.detail as { quarantined: string }).quarantined;
    expect(statSync(kept).size).toBe(64 * 1024);
    expect(readFileSync(kept, 'utf8').startsWith(GP_LINES[0]!)).toBe(true);
  });

  it('a gzip-encoded body is counted after it is unpacked', async () => {
    const unpacked = Buffer.from(`${GP_LINES[0]!}\n${`${GP_LINES[1]!}\n`.repeat(Math.ceil((8 * LIMIT) / GP_LINES[1]!.length))}`);
    const packed = gzipSync(unpacked);
    expect(packed.byteLength).toBeLessThan(LIMIT / 10);
    handle = reply({ 'content-type': 'text/csv', 'content-encoding': 'gzip', 'content-length': String(packed.byteLength) }, packed);
    const url = `${base}/bomb.csv`;
    const before = await tableCounts(store);
    const err = await refusal(fetchFeed(store.db, gp, { url, maxBytes: LIMIT, quarantineDir, ...fast }));
    expect(err.message).toMatch(new RegExp(`^${url}: larger than the feed's limit of ${LIMIT} bytes \\(\\d+ bytes read, reading stopped\\)`));
    expect(await tableCounts(store)).toEqual(before);
    expect(await lastRun()).toMatchObject({ status: 'failed', error: err.message, detail: { check: 'size' } });
  });

  it('a Content-Length over the limit is refused before the body is read', async () => {
    const declared = 10 * LIMIT;
    handle = reply({ 'content-type': 'text/csv', 'content-length': String(declared) }, Buffer.from(GP_CSV), false);
    const url = `${base}/huge.csv`;
    const before = await tableCounts(store);
    const err = await refusal(fetchFeed(store.db, gp, { url, maxBytes: LIMIT, quarantineDir, ...fast }));
    await served!.closed;
    expect(err.message).toBe(`${url}: larger than the feed's limit of ${LIMIT} bytes (Content-Length ${declared}, not read); nothing stored`);
    expect(err.quarantined).toBeNull();
    expect(await tableCounts(store)).toEqual(before);
    expect(await lastRun()).toMatchObject({ status: 'failed', error: err.message, detail: { check: 'size', quarantined: null } });
  });

  it('a body within the limit is ingested', async () => {
    handle = reply({ 'content-type': 'text/csv', 'content-length': String(Buffer.byteLength(GP_CSV)) }, Buffer.from(GP_CSV));
    const outcome = await fetchFeed(store.db, gp, { url: `${base}/ok.csv`, maxBytes: Buffer.byteLength(GP_CSV), ...fast });
    expect(outcome.kind === 'ingested' && outcome.report.accepted).toBe(12);
  });
});

describe('a local file over the feed\'s size limit', () => {
  const source = (file: string) => ({ file, sourceId: 'celestrak-gp-live', asOf: '2026-07-10' });

  it('is refused by its size before it is read, with a failed run naming the file', async () => {
    const file = join(dir, 'big.csv');
    writeFileSync(file, `${GP_CSV}${GP_LINES[1]!}\n`.repeat(4));
    const size = statSync(file).size;
    const before = await tableCounts(store);
    const err = await refusal(ingestLocalFile(store.db, gp, source(file), { maxBytes: size - 1, quarantineDir }));
    expect(err.message).toBe(`${file}: larger than the feed's limit of ${size - 1} bytes (${size} bytes on disk, not read); nothing stored`);
    expect(await tableCounts(store)).toEqual(before);
    expect(await lastRun()).toMatchObject({ status: 'failed', error: err.message, detail: { check: 'size', file, quarantined: null } });
  });

  it('at the limit is ingested', async () => {
    const file = 'test/fixtures/celestrak-gp/gp-sample.csv';
    const report = await ingestLocalFile(store.db, gp, source(file), { maxBytes: statSync(file).size });
    expect(report.accepted).toBe(12);
  });

  it.runIf(existsSync('/dev/zero'))('reads at most one byte past the limit of a file with no size (a device)', async () => {
    expect(statSync('/dev/zero').size).toBe(0);
    expect(await readUpTo('/dev/zero', 1000)).toEqual({ over: 1001, size: null });
  });
});

describe('the limits', () => {
  it('are several times each feed\'s bundled snapshots, unpacked', () => {
    for (const feed of FEEDS) {
      for (const snap of feed.bundled) expect(readSnapshotBytes(snap.file).byteLength * 4, `${feed.name} ${snap.file}`).toBeLessThan(feed.maxBytes);
    }
  });
});
