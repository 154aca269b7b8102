/**
 * Conditional requests for every GET and HEAD: a weak ETag from the response body (weak
 * because the bytes sent differ with the content coding, RFC 9110 §8.8.1) and a
 * Last-Modified from the store's last successful load or ingest. If-None-Match is
 * compared with the weak comparison (§8.8.3.2: W/"x" matches "x"), takes a list of tags
 * or `*`, and wins over If-Modified-Since (§13.1.3); a match gets 304.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { cachedLastSuccessfulRun } from '../store/runs.js';

export async function storeLastModified(db: Kysely<Database>): Promise<Date | null> {
  const { finishedAt } = await cachedLastSuccessfulRun(db);
  return finishedAt ? new Date(finishedAt) : null;
}

/** The opaque part of an entity tag, W/ prefix dropped: what the weak comparison compares. */
function opaqueTag(tag: string): string {
  const t = tag.trim();
  return t.startsWith('W/') ? t.slice(2) : t;
}

/** Whether an If-None-Match header value matches the current ETag under the weak comparison. */
export function noneMatchHits(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  const current = opaqueTag(etag);
  return (header.match(/(?:W\/)?"[^"]*"/g) ?? []).some((tag) => opaqueTag(tag) === current);
}

export function registerHttpCache(app: FastifyInstance, db: Kysely<Database>): void {
  app.addHook('onSend', async (req, reply, payload) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || reply.statusCode !== 200 || !req.url.startsWith('/api/')) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    // A response cache hit brings the tag of its uncompressed body (its payload may be compressed already).
    const given = reply.getHeader('etag');
    const etag = typeof given === 'string' ? given : `W/"${createHash('sha1').update(payload).digest('base64url')}"`;
    reply.header('etag', etag);
    const modified = await storeLastModified(db);
    if (modified) reply.header('last-modified', modified.toUTCString());
    if (!reply.getHeader('cache-control')) reply.header('cache-control', 'no-cache');
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    const notModified = inm !== undefined
      ? noneMatchHits(inm, etag)
      : ims !== undefined && modified !== null && Math.floor(modified.getTime() / 1000) <= Math.floor(Date.parse(ims) / 1000);
    if (notModified) {
      reply.code(304);
      return '';
    }
    return payload;
  });
}
