/** Live downloads against a local HTTP server serving fixtures: nothing here touches the internet. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeWithSources, tableCounts } from '../support/catalog-store.js';
import type { TestStore } from '../support/stores.js';
import { feedByName } from '../../src/services/feeds.js';
import { fetchFeed, USER_AGENT } from '../../src/services/fetch-feed.js';
import { IngestError } from '../../src/services/ingest-feed.js';
import { storeStatus } from '../../src/store/queries/status.js';

const GP_CSV = readFileSync('test/fixtures/celestrak-gp/gp-sample.csv', 'utf8');
const gp = feedByName('celestrak-gp')!;

interface Reply { status: number; body?: string | Buffer; headers?: Record<string, string>; send?: (res: ServerResponse) => void }
let replies: Reply[] = [];
let seen: IncomingHttpHeaders[] = [];
let server: Server;
let base: string;
let store: TestStore;
const quarantineDir = mkdtempSync(join(tmpdir(), 'redshift-fetch-quarantine-'));

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.headers);
    const r = replies.shift() ?? { status: 500 };
    if (r.send) return r.send(res);
    res.writeHead(r.status, r.headers ?? {});
    res.end(r.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  store = await storeWithSources('pglite');
});
afterAll(async () => {
  await store?.dispose();
  await new Promise((r) => server.close(r));
  rmSync(quarantineDir, { recursive: true, force: true });
});
beforeEach(() => { replies = []; seen = []; });

const fast = { retries: 2, backoffMs: 5, timeoutMs: 2_000 };

describe('fetching a live feed', () => {
  it('downloads, identifies itself, ingests, then asks conditionally and accepts 304', async () => {
    replies = [{ status: 200, body: GP_CSV, headers: { etag: '"v1"', 'last-modified': 'Fri, 20 Nov 2026 10:00:00 GMT' } }];
    const first = await fetchFeed(store.db, gp, { url: `${base}/gp.csv`, ...fast });
    expect(first.kind).toBe('ingested');
    expect(first.kind === 'ingested' && first.report.accepted).toBe(12);
    expect(seen[0]!['user-agent']).toBe(USER_AGENT);
    expect(seen[0]!['if-none-match']).toBeUndefined();

    const tooSoon = await fetchFeed(store.db, gp, { url: `${base}/gp.csv`, ...fast });
    expect(tooSoon.kind).toBe('too-soon');
    expect(seen).toHaveLength(1);

    replies = [{ status: 304 }];
    const before = await tableCounts(store);
    const again = await fetchFeed(store.db, gp, { url: `${base}/gp.csv`, force: true, ...fast });
    expect(again.kind).toBe('not-modified');
    expect(seen[1]!['if-none-match']).toBe('"v1"');
    expect(seen[1]!['if-modified-since']).toBe('Fri, 20 Nov 2026 10:00:00 GMT');
    expect(await tableCounts(store)).toEqual(before);
  });

  it('respects the publisher\'s interval for the same URL unless forced', async () => {
    const later = () => new Date(Date.now() + 3 * 3600_000);
    replies = [{ status: 304 }];
    const outcome = await fetchFeed(store.db, gp, { url: `${base}/gp.csv`, now: later, ...fast });
    expect(outcome.kind).toBe('not-modified');
  });

  it('retries server errors with backoff, then records the failure and changes nothing', async () => {
    replies = [{ status: 503 }, { status: 503 }, { status: 503 }];
    const before = await tableCounts(store);
    const err = await fetchFeed(store.db, gp, { url: `${base}/down.csv`, force: true, ...fast }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect((err as Error).message).toMatch(/HTTP 503/);
    expect(seen).toHaveLength(3);
    expect(await tableCounts(store)).toEqual(before);
    const run = await store.db.selectFrom('runs').select(['status', 'error']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(run).toEqual({ status: 'failed', error: expect.stringContaining('HTTP 503') });
  });

  it('does not retry a 404, and a malformed body changes nothing', async () => {
    replies = [{ status: 404 }];
    await expect(fetchFeed(store.db, gp, { url: `${base}/missing.csv`, force: true, ...fast })).rejects.toThrow(/HTTP 404/);
    expect(seen).toHaveLength(1);
    replies = [{ status: 200, body: '<html>maintenance</html>' }];
    const before = await tableCounts(store);
    await expect(fetchFeed(store.db, gp, { url: `${base}/maintenance.csv`, force: true, ...fast })).rejects.toThrow(IngestError);
    expect(await tableCounts(store)).toEqual(before);
  });

  it('times out a server that does not answer', async () => {
    const slow = createServer(() => { /* never answers */ });
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/slow.csv`;
    try {
      await expect(fetchFeed(store.db, gp, { url, force: true, retries: 0, backoffMs: 1, timeoutMs: 200 })).rejects.toThrow(/timed out after 200 ms/);
    } finally {
      slow.closeAllConnections();
      await new Promise((r) => slow.close(r));
    }
  });

  const lastRun = () => store.db.selectFrom('runs').select(['status', 'error', 'detail']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();

  it('records a body cut off before its Content-Length as a failed run, keeps what arrived, and changes nothing', async () => {
    const half = GP_CSV.slice(0, Math.floor(GP_CSV.length / 2));
    replies = [{ status: 200, send: (res) => {
      res.writeHead(200, { 'content-length': String(Buffer.byteLength(GP_CSV)) });
      res.write(half, () => res.destroy());
    } }];
    const before = await tableCounts(store);
    const err = await fetchFeed(store.db, gp, { url: `${base}/cut.csv`, force: true, quarantineDir, ...fast }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect((err as Error).message).toMatch(new RegExp(`download cut off after \\d+ bytes of ${Buffer.byteLength(GP_CSV)}`));
    expect(await tableCounts(store)).toEqual(before);
    const run = await lastRun();
    expect(run).toMatchObject({ status: 'failed', error: (err as Error).message, detail: { check: 'download' } });
    const kept = readFileSync((run.detail as { quarantined: string }).quarantined, 'utf8');
    expect(half.startsWith(kept)).toBe(true);
  });

  it('records a body that stalls as a failed run', async () => {
    replies = [{ status: 200, send: (res) => {
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.write(GP_CSV.slice(0, 200)); // then nothing more
    } }];
    const err = await fetchFeed(store.db, gp, { url: `${base}/stall.csv`, force: true, quarantineDir, retries: 0, backoffMs: 1, timeoutMs: 300 }).catch((e: unknown) => e);
    server.closeAllConnections();
    expect(err).toBeInstanceOf(IngestError);
    expect((err as Error).message).toMatch(/download cut off after 200 bytes: the body stalled/);
    expect(await lastRun()).toMatchObject({ status: 'failed', detail: { check: 'download' } });
  });

  it('refuses a body that is not UTF-8, and a complete body shorter than its table, and status shows it', async () => {
    const bad = Buffer.concat([Buffer.from(GP_CSV.slice(0, 300)), Buffer.from([0xff, 0xfe]), Buffer.from(GP_CSV.slice(300))]);
    replies = [{ status: 200, body: bad }];
    await expect(fetchFeed(store.db, gp, { url: `${base}/latin.csv`, force: true, quarantineDir, ...fast })).rejects.toThrow(/latin\.csv:\d+: not valid UTF-8/);
    const lines = GP_CSV.trimEnd().split('\n');
    replies = [{ status: 200, body: `${lines.slice(0, 2).join('\n')}\n` }];
    const err = await fetchFeed(store.db, gp, { url: `${base}/short.csv`, force: true, quarantineDir, ...fast }).catch((e: unknown) => e);
    expect((err as IngestError).check).toBe('shrink');
    expect((err as Error).message).toMatch(/1 rows, 8.3% of the previous ingest's 12/);
    const gpStatus = (await storeStatus(store.db)).origins.find((o) => o.origin === 'ingest:celestrak-gp')!;
    expect(gpStatus.lastFailure).toMatchObject({ check: 'shrink', reason: (err as Error).message, quarantined: expect.stringContaining(quarantineDir) });
  });
});
