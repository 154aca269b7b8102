/**
 * A bounded cache of the public read routes' responses. An entry answers a GET with the same URL,
 * host, Accept header and UTC day (answers judged against "today" change with it) while the store's
 * runs are unchanged (no load, ingest or failure since: runsVersion, read at most once a second) and for at most MAX_AGE_MS (the
 * status's staleness hours move with the clock). Only the routes listed here are cached, and only
 * requests without credentials (Authorization, Cookie). A hit skips the handler; the ETag, 304,
 * CORS and compression are still applied to it as to any response. The X-Response-Cache header says
 * hit or miss.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Database } from '../store/schema.js';
import { cachedRunsVersion } from '../store/runs.js';

/** Path prefixes under /api/v1 whose GET responses depend only on the store, the URL and the day. */
const CACHED_PATHS = /^\/api\/v1\/(entities|search|sources|series|analytics\/(launches|spacecraft|constellations)|indicators|status|tables|goals|risks|recommendations|timeline|geo|changes|catalog|cite|export)(\/|\?|$)/;
/** The handler's headers an entry keeps (the rest are set per request by the hooks). */
const KEPT_HEADERS = ['content-type', 'link', 'content-disposition'] as const;
/** Says whether a response came from the cache (hit) or from its handler (miss). */
export const CACHE_HEADER = 'x-response-cache';
export const MAX_AGE_MS = 60_000;
export const MAX_BYTES = 64 * 1024 * 1024;

interface Entry { version: string; at: number; body: string | Buffer; headers: Record<string, string> }
interface Pending { key: string; version: string; hit: boolean }

function keyOf(req: FastifyRequest): string | null {
  if (req.method !== 'GET' || !CACHED_PATHS.test(req.url)) return null;
  if (req.headers.authorization !== undefined || req.headers.cookie !== undefined) return null;
  return [req.url, req.host, req.protocol, req.headers.accept ?? '', new Date().toISOString().slice(0, 10)].join('\n');
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
  app.addHook('onSend', async (req, reply, payload) => {
    const p = pending.get(req);
    if (!p || p.hit || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const headers: Record<string, string> = {};
    for (const h of KEPT_HEADERS) {
      const v = reply.getHeader(h);
      if (v !== undefined) headers[h] = String(v);
    }
    entries.set(p.key, { version: p.version, at: Date.now(), body: payload, headers });
    return payload;
  });
  const serve = () => {
    app.addHook('onRequest', async (req, reply) => {
      const key = keyOf(req);
      if (key === null) return;
      const version = await cachedRunsVersion(db);
      const hit = entries.get(key);
      const fresh = hit !== undefined && hit.version === version && Date.now() - hit.at < MAX_AGE_MS;
      pending.set(req, { key, version, hit: fresh });
      reply.header(CACHE_HEADER, fresh ? 'hit' : 'miss');
      if (!fresh) return;
      reply.headers(hit.headers);
      return reply.code(200).send(hit.body);
    });
  };
  return { serve, cache: { size: () => entries.size, clear: () => entries.clear() } };
}
