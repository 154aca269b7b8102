/**
 * Conditional requests for every GET: a strong ETag from the response body and a
 * Last-Modified from the store's last successful load or ingest; a matching
 * If-None-Match (or, without it, an If-Modified-Since not older than the data) gets 304.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { lastSuccessfulRun } from '../store/runs.js';

export async function storeLastModified(db: Kysely<Database>): Promise<Date | null> {
  const { finishedAt } = await lastSuccessfulRun(db);
  return finishedAt ? new Date(finishedAt) : null;
}

export function registerHttpCache(app: FastifyInstance, db: Kysely<Database>): void {
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.method !== 'GET' || reply.statusCode !== 200 || !req.url.startsWith('/api/')) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const etag = `"${createHash('sha1').update(payload).digest('base64url')}"`;
    reply.header('etag', etag);
    const modified = await storeLastModified(db);
    if (modified) reply.header('last-modified', modified.toUTCString());
    reply.header('cache-control', 'no-cache');
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    const notModified = inm !== undefined
      ? inm.split(',').map((t) => t.trim()).includes(etag)
      : ims !== undefined && modified !== null && Math.floor(modified.getTime() / 1000) <= Math.floor(Date.parse(ims) / 1000);
    if (notModified) {
      reply.code(304);
      return '';
    }
    return payload;
  });
}
