/**
 * GET /api/v1/entities/{id}/safety on a loaded store (both bundled GP snapshots): the station
 * modules' close approaches equal the Space safety page's screening, reentry-watch candidates of
 * curated objects equal the watch's, every event names its element sets, epochs, ages and snapshot.
 */
import { expect, it } from 'vitest';
import { describeLoadedApi } from '../support/loaded-api.js';
import type { ConjunctionsResponse, EntitySafetyResponse, ManeuversResponse, ReentriesResponse } from '../../src/api/response-types.js';
import { bundledGpRows, GP_SNAPSHOT_2026_07_10 } from '../../src/services/bundled-elements.js';

describeLoadedApi('entities/{id}/safety', (api) => {
  const get = async <T>(url: string) => { const r = await api.app.inject({ method: 'GET', url }); expect(r.statusCode, `${url}: ${r.body.slice(0, 300)}`).toBe(200); return r.json<T>(); };

  it('gives a station module the station\'s close approaches, screened once for the docked stack, with element sets and ages', async () => {
    const station = await get<ConjunctionsResponse>('/api/v1/safety/conjunctions?primary=48274&days=7&thresholdKm=5');
    const rows = new Map(bundledGpRows(GP_SNAPSHOT_2026_07_10.file).map((r) => [r.noradId, r]));
    for (const id of ['obj.tianhe', 'obj.wentian', 'obj.mengtian']) {
      const body = await get<EntitySafetyResponse>(`/api/v1/entities/${id}/safety`);
      expect(body.entityId).toBe(id);
      expect(body.snapshot.asOf).toBe('2026-07-10');
      expect(body.kinds).toEqual(['close-approach', 'reentry-watch', 'maneuver']);
      for (const k of body.kinds) expect(body.definitions[k].length).toBeGreaterThan(50);
      expect(body.objects).toHaveLength(1);
      expect(body.objects[0]!.mappedBy).toBe('norad-statement');
      // Wentian and Mengtian share Tianhe's element set in the snapshot: screened as 48274.
      expect(body.objects[0]!.screenedAs).toBe(48274);
      expect(body.screening.screened).toEqual([48274]);
      expect([body.screening.start, body.screening.days, body.screening.thresholdKm]).toEqual(['2026-07-10T00:00:00Z', 7, 5]);
      const approaches = body.events.filter((e) => e.kind === 'close-approach');
      expect(approaches.map((e) => [e.date, e.other.noradId, e.missDistanceKm])).toEqual(station.events.map((e) => [e.tca, e.secondary.noradId, e.missDistanceKm]));
      for (const e of approaches) {
        expect(e.section).toBe('close-approaches');
        expect(e.elementSets.map((s) => s.noradId)).toEqual([48274, e.other.noradId]);
        for (const s of e.elementSets) {
          expect(s.epoch).toBe(rows.get(s.noradId)!.epoch);
          expect(s.sourceId).toBe(body.snapshot.sourceId);
          expect(s.ageDays).toBeCloseTo((Date.parse(e.date) - Date.parse(s.epoch)) / 864e5, 5);
        }
      }
    }
    expect(station.events.length).toBeGreaterThan(0);
  });

  it('lists the maneuvers detected in an entity\'s element-set histories, as /safety/maneuvers gives them, with both element sets', async () => {
    let seen = 0;
    for (const id of ['obj.tianhe', 'program.tiangong', 'program.beidou', 'program.tianlian', 'program.shijian']) {
      const r = await api.app.inject({ method: 'GET', url: `/api/v1/entities/${id}/safety` });
      if (r.statusCode === 404) continue;
      const body = r.json<EntitySafetyResponse>();
      const ids = body.objects.map((o) => o.noradId);
      if (!ids.length) continue;
      expect(body.maneuvers.notChecked).toBeNull();
      const man = await get<ManeuversResponse>(`/api/v1/safety/maneuvers?norad=${ids.join(',')}`);
      const events = body.events.filter((e) => e.kind === 'maneuver');
      const expected = [...man.detections].sort((a, b) => (a.interval.end < b.interval.end ? -1 : a.interval.end > b.interval.end ? 1 : a.noradId - b.noradId));
      expect(events.map((e) => [e.noradId, e.date, e.interval.start, e.rules, e.relocation]), id).toEqual(expected.map((d) => [d.noradId, d.interval.end, d.interval.start, d.rules, d.relocation]));
      events.forEach((e, i) => {
        const d = expected[i]!;
        expect(e.elementSets.map((x) => [x.epoch, x.sourceId, x.ageDays])).toEqual([[d.before.epoch, d.before.sourceId, d.before.ageDays], [d.after.epoch, d.after.sourceId, d.after.ageDays]]);
        expect(e.section).toBe('maneuvers');
      });
      seen += events.length;
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('lists the reentry-watch candidates among every program\'s objects (kinds=reentry-watch: nothing else computed)', async () => {
    const watch = await get<ReentriesResponse>('/api/v1/safety/reentries');
    const programs = await get<{ items: { id: string }[] }>('/api/v1/entities?kind=Program&limit=200');
    let found = 0;
    for (const p of programs.items) {
      const body = await get<EntitySafetyResponse>(`/api/v1/entities/${p.id}/safety?kinds=reentry-watch`);
      expect(body.kinds).toEqual(['reentry-watch']);
      const mine = new Set(body.objects.map((o) => o.noradId));
      const expected = watch.candidates.filter((c) => mine.has(c.noradId));
      const events = body.events.filter((e) => e.kind === 'reentry-watch');
      expect(events).toHaveLength(body.events.length);
      expect(events.map((e) => [e.noradId, e.date, e.reentry.earliest, e.reentry.latest]), p.id)
        .toEqual(expected.map((c) => [c.noradId, c.reentry.central, c.reentry.earliest, c.reentry.latest]).sort((a, b) => String(a[1]).localeCompare(String(b[1])) || Number(a[0]) - Number(b[0])));
      for (const e of events) {
        const c = expected.find((x) => x.noradId === e.noradId)!;
        expect(e.elementSets).toEqual([{ noradId: c.noradId, objectName: c.objectName, epoch: c.elementSet.epoch, sourceId: c.elementSet.sourceId, ageDays: c.elementSet.ageDays }]);
        expect(e.section).toBe('reentries');
      }
      found += events.length;
      if (mine.size) expect([body.screening.screened, body.screening.notScreened]).toEqual([[], 'close-approach events were not asked for (kinds=reentry-watch)']);
    }
    expect(found).toBeGreaterThan(0);
  }, 600_000);

  it('computes only the kinds asked for, and does not screen a large constellation', async () => {
    const all = await get<EntitySafetyResponse>('/api/v1/entities/obj.tianhe/safety');
    const some = await get<EntitySafetyResponse>('/api/v1/entities/obj.tianhe/safety?kinds=maneuver,reentry-watch');
    expect(some.kinds).toEqual(['reentry-watch', 'maneuver']);
    expect(some.events).toEqual(all.events.filter((e) => e.kind !== 'close-approach'));
    expect(some.screening.screened).toEqual([]);
    expect(all.screening.screened).toEqual([48274]);
    const approaches = await get<EntitySafetyResponse>('/api/v1/entities/obj.tianhe/safety?kinds=close-approach');
    expect(approaches.events).toEqual(all.events.filter((e) => e.kind === 'close-approach'));
    expect(approaches.maneuvers.notChecked).toBe('maneuver events were not asked for (kinds=close-approach)');
    expect((await api.app.inject('/api/v1/entities/obj.tianhe/safety?kinds=launch')).statusCode).toBe(400);
    // The reentry watch's horizon, definition and limits are the Space safety page's, whichever kinds were asked for.
    const watch = await get<ReentriesResponse>('/api/v1/safety/reentries');
    for (const b of [all, some, approaches]) expect(b.reentryWatch).toEqual({ horizonDays: watch.horizonDays, definition: watch.definition, limits: watch.limits });
    // BeiDou: more distinct element sets than an entity page screens.
    const beidou = await get<EntitySafetyResponse>('/api/v1/entities/program.beidou/safety');
    expect(new Set(beidou.objects.map((o) => o.noradId)).size).toBeGreaterThan(10);
    expect(beidou.screening.screened).toEqual([]);
    expect(beidou.screening.notScreened).toMatch(/^\d+ distinct element sets: more than 10 are not screened/);
  });

  it('answers 404 for an unknown entity, and an entity without NORAD number with no events', async () => {
    expect((await api.app.inject({ method: 'GET', url: '/api/v1/entities/obj.no-such-thing/safety' })).statusCode).toBe(404);
    const body = await get<EntitySafetyResponse>('/api/v1/entities/org.cnsa/safety');
    expect([body.objects, body.events, body.screening.notScreened]).toEqual([[], [], 'the entity maps to no catalog object']);
  });
});
