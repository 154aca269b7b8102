/** GET /api/v1/safety/conjunctions on a loaded store: the screening in a worker, memoised, bounded. */
import { expect, it } from 'vitest';
import { csvRows } from '../web/support/csv.js';
import { describeLoadedApi } from '../support/loaded-api.js';
import type { ConjunctionsResponse } from '../../src/api/response-types.js';
import { csvFields, rawLines } from '../support/raw-files.js';

describeLoadedApi('safety/conjunctions', (api) => {
  it('screens the station against the newest snapshot without blocking other requests', async () => {
    // A first screening reads the snapshot's element sets from the store (memoised).
    expect((await api.app.inject({ method: 'GET', url: '/api/v1/safety/conjunctions?primary=48274&days=1' })).statusCode).toBe(200);
    const pending = api.app.inject({ method: 'GET', url: '/api/v1/safety/conjunctions?primary=48274&days=2' });
    let ticks = 0;
    const timer = setInterval(() => { ticks++; }, 10);
    const started = Date.now();
    const health = await api.app.inject({ method: 'GET', url: '/api/health' });
    const healthMs = Date.now() - started;
    const res = await pending;
    const screenMs = Date.now() - started;
    clearInterval(timer);
    expect(res.statusCode).toBe(200);
    expect(health.statusCode).toBe(200);
    const body = res.json<ConjunctionsResponse>();
    expect(body.snapshot.asOf).toBe('2026-07-10');
    expect(body.start).toBe('2026-07-10T00:00:00.000000Z');
    expect(body.primarySelection).toBe('NORAD 48274');
    // A window from the snapshot's own date needs no warning.
    expect(body.staleness).toBeNull();
    expect(body.groups.map((g) => g.secondary.noradId).sort()).toEqual([53239, 54216, 69049, 69180]);
    expect(body.events.length).toBeGreaterThan(0);
    for (const e of body.events) {
      expect(e.missDistanceKm).toBeLessThan(5);
      expect(e.primary.elementSourceId).toBe(body.snapshot.sourceId);
    }
    // The health check did not wait for the screening (which runs in a worker), and the event
    // loop kept turning while it ran (a blocked loop gets no timer ticks).
    expect(healthMs).toBeLessThan(screenMs);
    expect(ticks).toBeGreaterThan(screenMs / 10 / 20);
    // Memoised: the same question is answered from the cache.
    const t = Date.now();
    const again = await api.app.inject({ method: 'GET', url: '/api/v1/safety/conjunctions?primary=48274&days=2' });
    expect(again.json()).toEqual(body);
    expect(Date.now() - t).toBeLessThan(2_000);
    const csv = await api.app.inject({ method: 'GET', url: '/api/v1/safety/conjunctions?primary=48274&days=2&format=csv' });
    const rows = csvRows(csv.body);
    expect(rows[0]).toContain('miss_distance_km');
    expect(rows.length - 1).toBe(body.events.length);
  }, 300_000);

  it('warns when the window starts long after the snapshot: element sets that old are no basis for a prediction', async () => {
    const late = (await api.app.inject({ method: 'GET', url: '/api/v1/safety/conjunctions?primary=48274&days=1&start=2026-12-07T00:00:00Z' })).json<ConjunctionsResponse>();
    const days = Math.floor((Date.parse('2026-12-07T00:00:00Z') - Date.parse(`${late.snapshot.asOf}T00:00:00Z`)) / 86_400_000);
    expect(late.staleness).toContain(`starts ${days} days after the snapshot's data date (${late.snapshot.asOf})`);
    expect(late.staleness).toContain('not predictions to rely on');
    // Within seven days of the snapshot, none.
    const soon = (await api.app.inject({ method: 'GET', url: `/api/v1/safety/conjunctions?primary=48274&days=1&start=${late.snapshot.asOf}T12:00:00Z` })).json<ConjunctionsResponse>();
    expect(soon.staleness).toBeNull();
  }, 300_000);

  it('refuses bad parameters with 400 and a snapshot-less date with 409', async () => {
    for (const url of ['primary=48274&days=8', 'primary=48274&thresholdKm=0', 'primary=abc', 'country=CN&primary=48274', '', 'country=XX', 'primary=48274&start=yesterday']) {
      const res = await api.app.inject({ method: 'GET', url: `/api/v1/safety/conjunctions?${url}` });
      expect(res.statusCode, url).toBe(400);
    }
    const none = await api.app.inject({ method: 'GET', url: '/api/v1/safety/conjunctions' });
    expect(none.json().error.details).toEqual([{ field: 'querystring.primary', reason: 'give primaries (NORAD IDs) or a country' }]);
    const old = await api.app.inject({ method: 'GET', url: '/api/v1/safety/conjunctions?primary=48274&asOf=2020-01-01' });
    expect(old.statusCode).toBe(409);
    const absent = await api.app.inject({ method: 'GET', url: '/api/v1/safety/conjunctions?primary=1&days=1' });
    expect(absent.statusCode).toBe(409);
  });

  it('says what it screened: every object of the snapshot, and how few are rocket bodies or debris (counted here from the raw GP file)', async () => {
    const r = (await api.app.inject({ method: 'GET', url: '/api/v1/safety/conjunctions?primary=48274&days=7&thresholdKm=5' })).json<ConjunctionsResponse>();
    expect(r.snapshot.asOf).toBe('2026-07-10');
    // One object per NORAD number (the product screens each object's newest element set).
    const objects = new Map(rawLines('celestrak_gp_active_2026-07-10.csv.gz').slice(1).map((l) => csvFields(l)).map((f) => [f[11]!, f[0]!]));
    const bodies = [...objects.values()].filter((n) => / R\/B\b|\bDEB\b/.test(n)).length;
    expect(r.counts.catalogObjects).toBe(objects.size);
    expect(r.population).toContain(`(${objects.size.toLocaleString('en-US')}) was screened; ${bodies.toLocaleString('en-US')} of them are named as rocket bodies (R/B) or debris (DEB)`);
    expect(bodies).toBeLessThan(objects.size / 100);
  });
});
