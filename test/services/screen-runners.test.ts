import { beforeAll, describe, expect, it } from 'vitest';
import { screenConjunctions } from '../../src/analytics/conjunctions/screen.js';
import type { ScreenElements, ScreenResult } from '../../src/analytics/conjunctions/types.js';
import { epochMicros } from '../../src/orbit/epoch-micros.js';
import { bundledGpRows, GP_SNAPSHOT_2026_07_10 } from '../../src/services/bundled-elements.js';
import { poolRunner, workerRunner } from '../../src/services/screen-runners.js';
import { rawChinesePayloadIds } from '../support/raw-files.js';

/** The runners the API (a screening worker that starts scan workers) and the CLI (scan workers, pool) use. */
describe('screening runners on the spatial-index scan', () => {
  let rows: ScreenElements[];
  let primaries: number[];
  let inThread: ScreenResult;
  const opts = { startMicros: epochMicros('2026-07-10T00:00:00Z'), days: 0.25, thresholdKm: 5 };
  const sig = (r: ScreenResult): string[] => r.events.map((e) => `${e.primary.noradId}-${e.secondary.noradId}@${e.tca}:${e.missDistanceKm}`);

  beforeAll(async () => {
    rows = bundledGpRows(GP_SNAPSHOT_2026_07_10.file).map((r) => ({ ...r, elementSourceId: GP_SNAPSHOT_2026_07_10.sourceId }));
    primaries = rawChinesePayloadIds(GP_SNAPSHOT_2026_07_10.file).filter((_, i) => i % 6 === 0);
    inThread = await screenConjunctions(rows, primaries, opts);
  }, 120_000);

  it('chooses the spatial index for many primaries and finds events', () => {
    expect(inThread.counts.scan).toBe('spatial-index');
    expect(inThread.events.length).toBeGreaterThan(5);
  });

  it('the API runner (off the event loop, scan workers by interval range) gives the in-thread result', async () => {
    const r = await workerRunner()(rows, primaries, opts);
    expect(sig(r)).toEqual(sig(inThread));
    expect(r.groups).toEqual(inThread.groups);
  }, 180_000);

  it('the CLI runner gives the in-thread result', async () => {
    const r = await poolRunner(2)(rows, primaries, opts);
    expect(sig(r)).toEqual(sig(inThread));
  }, 180_000);
});
