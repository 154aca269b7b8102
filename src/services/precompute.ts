/**
 * Fills the analytics cache after the server starts listening, so the first visitor does not wait for
 * the heavy analytics. It runs one memoised piece at a time and yields to the event loop between
 * pieces (the store's reads run in its worker thread), so requests arriving meanwhile are answered
 * between the pieces instead of after all of them. Only the newest GP snapshot is classified: the pages
 * read it, the per-snapshot series (payload counts per program) and the constellations are kept in the
 * store (data-cache.ts, `persist`), and an older snapshot is classified when a request asks for it; so a
 * start costs the same with two snapshots or a year of them.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { Rules } from '../ingest/rules/read-rules.js';
import { listSnapshots } from '../store/queries/catalog.js';
import { KIND_NAMES } from '../model/kinds.js';
import { tableInputs } from './entity-tables.js';
import { cachedClassified, cachedLaunches, cachedPayloadsOn, launchesAnalytic, spacecraftAnalytic } from './analytics.js';
import { indicators } from './indicators.js';

/** Computes the cached analytics piece by piece; resolves with the seconds taken. */
export async function precomputeAnalytics(db: Kysely<Database>, rules: Rules): Promise<number> {
  const started = performance.now();
  await yieldToLoop();
  const steps: (() => Promise<unknown>)[] = [
    () => cachedLaunches(db),
    () => cachedPayloadsOn(db, 'CN'),
    ...(await listSnapshots(db)).slice(-1).map((s) => () => cachedClassified(db, rules, s.id)),
    () => launchesAnalytic(db, rules),
    () => spacecraftAnalytic(db, rules),
    () => indicators(db, rules),
    // Each kind's table rows (the tables' views are computed per request over them).
    ...KIND_NAMES.map((kind) => () => tableInputs(db, kind)),
  ];
  for (const step of steps) {
    await yieldToLoop();
    await step();
  }
  return (performance.now() - started) / 1000;
}
