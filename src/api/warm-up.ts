/**
 * After the start-up precomputation, and after each ingest, the server makes the web app's first reads
 * once itself, so the first visitors do not pay what a route's first request costs (compiling its code
 * paths, the store's first queries of that shape, a table view's first computation). The responses are
 * kept in the response cache (response-cache.ts) like a visitor's, for the same data version: the first
 * visitors are served from them instead of each computing a response while other requests wait.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { STATION_NORAD } from '../services/safety-changes.js';

/** The reads the pages start with (web/src/pages, web/src/views, web/src/safety): home, launches chart, entity, table, search, sources, status, change feed, Space safety. */
export const FIRST_READS = [
  '/api/v1/indicators', '/api/v1/analytics/launches?from=2015', '/api/v1/analytics/launches?from=2010', '/api/v1/analytics/constellations', '/api/v1/analytics/spacecraft',
  '/api/v1/entities?limit=50', '/api/v1/entities/country.cn', '/api/v1/search?q=long%20march', '/api/v1/sources', '/api/v1/series',
  '/api/v1/status', '/api/v1/tables/Organization', '/api/v1/changes',
  `/api/v1/safety/conjunctions?primary=${STATION_NORAD}&days=7&thresholdKm=5`, '/api/v1/safety/reentries?days=90',
  '/api/v1/safety/maneuvers?country=CN', '/api/v1/safety/geo-belt?country=CN',
] as const;

export interface WarmUp { seconds: number; /** Reads that did not answer 200, with their status. */ failed: string[] }

/** Makes each first read once, one at a time, yielding between them. */
export async function warmFirstReads(app: FastifyInstance, urls: readonly string[] = FIRST_READS): Promise<WarmUp> {
  const started = performance.now();
  const failed: string[] = [];
  for (const url of urls) {
    await yieldToLoop();
    const res = await app.inject({ method: 'GET', url });
    if (res.statusCode !== 200) failed.push(`${url} (${res.statusCode})`);
  }
  return { seconds: (performance.now() - started) / 1000, failed };
}
