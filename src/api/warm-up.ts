/**
 * After the start-up precomputation, the server makes the web app's first reads once itself, so the
 * first visitors do not pay what a route's first request costs (compiling its code paths, the
 * store's first queries of that shape, a table view's first computation). The responses are thrown
 * away: a warm-up request carries WARM_UP_HEADER, which keeps it out of the response cache
 * (response-cache.ts), so every cached response still comes from a visitor's own request.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { STATION_NORAD } from '../services/safety-changes.js';

export const WARM_UP_HEADER = 'x-redshift-warm-up';

/** The reads the pages start with (web/src/pages, web/src/safety): home, entity, table, search, sources, status, change feed, Space safety. */
export const FIRST_READS = [
  '/api/v1/indicators', '/api/v1/analytics/launches?from=2015', '/api/v1/analytics/constellations', '/api/v1/analytics/spacecraft',
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
    const res = await app.inject({ method: 'GET', url, headers: { [WARM_UP_HEADER]: '1' } });
    if (res.statusCode !== 200) failed.push(`${url} (${res.statusCode})`);
  }
  return { seconds: (performance.now() - started) / 1000, failed };
}
