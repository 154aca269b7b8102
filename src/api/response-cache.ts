/**
 * A bounded cache of the public read routes' responses. An entry answers a GET with the same URL,
 * representation (JSON or CSV, as the Accept header negotiates it: accept-csv.ts) and UTC day (answers
 * judged against "today" change with it), and the same host on the routes that write absolute links
 * (HOST_PATHS), while the store's runs are unchanged (no load, ingest or failure since: runsVersion,
 * read at most once a second). Entries of the routes that read the clock beyond the day (CLOCK_PATHS:
 * the status's staleness hours) also expire after MAX_AGE_MS. Only the routes listed here are cached,
 * and only requests without credentials (Authorization, Cookie). The server's own warm-up reads
 * (warm-up.ts) are kept like a visitor's, so the first visitors are served from them. A hit skips the handler; the ETag, 304,
 * and CORS apply to a hit as to any response; its body is compressed once per coding (br, gzip) and kept,
 * so a repeated read costs no compression. The X-Response-Cache header says hit or miss.
 *
 * Concurrent misses on one key are coalesced: the first request computes the response, and the
 * requests that arrive while it runs wait for it (at most MAX_WAIT_MS) and are then served from its
 * entry (X-Response-Cache: shared). If it ends without an entry (an error, not a 200), the next
 * waiter computes instead. So a burst of requests on a cold URL costs one computation, not one each.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Database } from '../store/schema.js';
import { cachedRunsVersion } from '../store/runs.js';
import { prefersCsv } from './accept-csv.js';

/** Path prefixes under /api/v1 whose GET responses depend only on the store, the URL and the day. */
export const CACHED_PATHS = /^\/api\/v1\/(entities|search|sources|series|analytics\/(launches|spacecraft|constellations)|indicators|status|tables|goals|risks|recommendations|timeline|geo|changes|catalog|cite|export)(\/|\?|$)/;
/** Cached routes whose responses hold absolute links built from the request's host (cite, the change feed's `Link` and feed URLs, exports). */
export const HOST_PATHS = /^\/api\/v1\/(cite|changes|export)(\/|\?|$)/;
/** Cached routes whose responses change with the clock within a day: their entries expire after MAX_AGE_MS. */
const CLOCK_PATHS = /^\/api\/v1\/status(\/|\?|$)/;
/** The handler's headers an entry keeps (the rest are set per request by the hooks). */
const KEPT_HEADERS = ['content-type', 'link', 'content-disposition'] as const;
/** Says whether a response came from the cache (hit), from another request's computation it waited for (shared), or from its handler (miss). */
export const CACHE_HEADER = 'x-response-cache';
/** How long an entry of a CLOCK_PATHS route is kept (the others are kept until the data or the day change). */
export const MAX_AGE_MS = 60_000;
export const MAX_BYTES = 64 * 1024 * 1024;
/** How long a request waits for another request's computation of the same key before computing itself. */
export const MAX_WAIT_MS = 30_000;

interface Entry {
  version: string; at: number; body: string | Buffer; headers: Record<string, string>;
  /** The weak ETag of the body (as http-cache.ts computes it), the same for every content coding. */
  etag: string;
  /** The body compressed once per coding, on the first hit that asks for it. */
  encoded: Map<Coding, Buffer>;
}
type Coding = 'br' | 'gzip';

/** Bodies under this size go uncompressed (as @fastify/compress's threshold). */
const COMPRESS_FROM_BYTES = 1024;

/** The coding to send: br, else gzip, when the request accepts it (a q of 0 refuses); null for none. */
export function acceptedCoding(header: string | undefined): Coding | null {
  const accepted = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name) accepted.set(name, q ? Number(q.slice(2)) : 1);
  }
  const ok = (c: string) => (accepted.get(c) ?? (accepted.has('*') ? accepted.get('*')! : 0)) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : null;
}

function encode(body: string | Buffer, coding: Coding): Buffer {
  return coding === 'br'
    ? brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4, [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT } })
    : gzipSync(body);
}
interface Pending { key: string; version: string; hit: boolean; done?: () => void }
interface Key { key: string; expires: boolean }

/** The computation under way for a key: settled when its request ends, with or without an entry. */
interface Flight { version: string; settled: Promise<void> }

function waitAtMost(p: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => { timer = setTimeout(resolve, ms); });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

function keyOf(req: FastifyRequest): Key | null {
  if (req.method !== 'GET' || !CACHED_PATHS.test(req.url)) return null;
  if (req.headers.authorization !== undefined || req.headers.cookie !== undefined) return null;
  // respond.ts chooses CSV or JSON by prefersCsv alone: the key holds that choice, not the header's spelling.
  const representation = prefersCsv(req.headers.accept) ? 'csv' : 'json';
  const origin = HOST_PATHS.test(req.url) ? `${req.protocol}://${req.host}` : '';
  const day = new Date().toISOString().slice(0, 10);
  return { key: [req.url, origin, representation, day].join('\n'), expires: CLOCK_PATHS.test(req.url) };
}

export interface ResponseCache { size(): number; clear(): void }

/**
 * Registers the two halves: `capture` (an onSend hook that must run before the ETag and compression
 * hooks, so it keeps the handler's own body) now, and the returned `serve` (an onRequest hook that must
 * run after CORS's, so a hit still gets its CORS headers) to be called once those are registered.
 */
export function registerResponseCache(app: FastifyInstance, db: Kysely<Database>): { serve: () => void; cache: ResponseCache } {
  const entries = new LRUCache<string, Entry>({ maxSize: MAX_BYTES, sizeCalculation: (e) => Math.max(1, Buffer.byteLength(e.body)) });
  const pending = new WeakMap<FastifyRequest, Pending>();
  const flights = new Map<string, Flight>();
  /** Ends a leader's flight (once): its waiters wake and read the entry, if one was stored. */
  const land = (req: FastifyRequest) => {
    const p = pending.get(req);
    if (p?.done) { p.done(); p.done = undefined; }
  };
  app.addHook('onSend', async (req, reply, payload) => {
    const p = pending.get(req);
    if (!p || p.hit || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const headers: Record<string, string> = {};
    for (const h of KEPT_HEADERS) {
      const v = reply.getHeader(h);
      if (v !== undefined) headers[h] = String(v);
    }
    const etag = `W/"${createHash('sha1').update(payload).digest('base64url')}"`;
    // http-cache.ts reuses this tag instead of hashing the body again.
    reply.header('etag', etag);
    entries.set(p.key, { version: p.version, at: Date.now(), body: payload, headers, etag, encoded: new Map() });
    land(req);
    return payload;
  });
  app.addHook('onResponse', async (req) => land(req));
  app.addHook('onRequestAbort', async (req) => land(req));
  const serve = () => {
    app.addHook('onRequest', async (req, reply) => {
      const keyed = keyOf(req);
      if (keyed === null) return;
      const { key, expires } = keyed;
      const version = await cachedRunsVersion(db);
      const freshEntry = () => {
        const e = entries.get(key);
        return e !== undefined && e.version === version && (!expires || Date.now() - e.at < MAX_AGE_MS) ? e : undefined;
      };
      let hit = freshEntry();
      let shared = false;
      // Another request is computing this key: wait for it, then read its entry.
      for (let flight = flights.get(key); hit === undefined && flight?.version === version; flight = flights.get(key)) {
        await waitAtMost(flight.settled, MAX_WAIT_MS);
        hit = freshEntry();
        shared = hit !== undefined;
        if (flights.get(key) === flight) break; // timed out: compute without waiting again
      }
      if (hit === undefined) {
        let done!: () => void;
        const flight: Flight = { version, settled: new Promise<void>((resolve) => { done = resolve; }) };
        flights.set(key, flight);
        const finish = () => { if (flights.get(key) === flight) flights.delete(key); done(); };
        pending.set(req, { key, version, hit: false, done: finish });
        reply.header(CACHE_HEADER, 'miss');
        return;
      }
      pending.set(req, { key, version, hit: true });
      reply.header(CACHE_HEADER, shared ? 'shared' : 'hit');
      reply.headers(hit.headers).header('etag', hit.etag);
      // A hit is compressed once per coding and kept: the bytes sent are the same every time.
      const coding = Buffer.byteLength(hit.body) >= COMPRESS_FROM_BYTES ? acceptedCoding(req.headers['accept-encoding']) : null;
      if (coding === null) return reply.code(200).send(hit.body);
      let bytes = hit.encoded.get(coding);
      if (!bytes) hit.encoded.set(coding, (bytes = encode(hit.body, coding)));
      const vary = reply.getHeader('vary');
      return reply.code(200).header('content-encoding', coding).header('vary', vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding').send(bytes);
    });
  };
  return { serve, cache: { size: () => entries.size, clear: () => entries.clear() } };
}
