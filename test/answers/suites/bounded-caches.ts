/**
 * Bounded caches on the loaded store: every asOf on /analytics/constellations maps to its
 * GP snapshot before anything is cached, so hundreds of distinct dates add no entries, and
 * the per-store memo cache never holds more than MEMO_MAX_ENTRIES entries.
 */
import { expect, it } from 'vitest';
import type { AnswerSuite } from '../harness.js';
import { MEMO_MAX_ENTRIES, memoSize } from '../../../src/services/data-cache.js';

const day = (base: string, plus: number) => new Date(Date.parse(`${base}T00:00:00Z`) + plus * 86_400_000).toISOString().slice(0, 10);

export const answers: AnswerSuite = (ctx) => {
  it('caches constellations per snapshot, not per asOf: 80 distinct dates over three years add no cache entries', async () => {
    const { app, store, get } = ctx();
    const latest = await get<{ asOf: string; snapshots: { asOf: string }[] }>('/api/v1/analytics/constellations');
    const first = latest.snapshots[0]!.asOf.slice(0, 10);
    const last = latest.snapshots.at(-1)!.asOf.slice(0, 10);
    // Each snapshot's own entries (its objects, classification and constellations) once, whatever ran before.
    for (const s of latest.snapshots) await get(`/api/v1/analytics/constellations?asOf=${s.asOf.slice(0, 10)}`);
    const before = memoSize(store.db);
    const bodies = new Map<string, string>();
    for (let i = 0; i < 80; i++) {
      const asOf = day(first, i * 15);
      const res = await app.inject(`/api/v1/analytics/constellations?asOf=${asOf}`);
      expect(res.statusCode, asOf).toBe(200);
      const body = res.json() as { asOf: string };
      // The answer is the snapshot's: the same body for every date that maps to one snapshot.
      const seen = bodies.get(body.asOf);
      if (seen === undefined) bodies.set(body.asOf, res.body);
      else expect(res.body === seen, asOf).toBe(true);
      expect(body.asOf.slice(0, 10) <= asOf, asOf).toBe(true);
    }
    expect(bodies.size).toBe(latest.snapshots.length);
    expect(memoSize(store.db)).toBeLessThanOrEqual(before);
    expect(memoSize(store.db)).toBeLessThanOrEqual(MEMO_MAX_ENTRIES);
    expect(JSON.parse(bodies.get(latest.asOf)!)).toEqual(latest);
    expect(day(first, 79 * 15) >= last).toBe(true);
  }, 300_000);
};
