/** GET /api/v1/safety/maneuvers and /safety/geo-belt on a loaded store (both bundled snapshots), against the raw files. */
import { expect, it } from 'vitest';
import { csvRows } from '../web/support/csv.js';
import { describeLoadedApi } from '../support/loaded-api.js';
import type { GeoBeltResponse, ManeuversResponse } from '../../src/api/response-types.js';
import { bundledGpRows, GP_SNAPSHOT_2026_07_10, TLE_SNAPSHOT_2026_05_04 } from '../../src/services/bundled-elements.js';
import { detectManeuvers } from '../../src/analytics/maneuvers/detect.js';
import { epochMicros } from '../../src/orbit/epoch-micros.js';

/** The bundled element sets as the store keeps them (id NORAD@epoch, source id of the download). */
function rawSets() {
  return [TLE_SNAPSHOT_2026_05_04, GP_SNAPSHOT_2026_07_10].flatMap((s) => bundledGpRows(s.file).map((r) => ({ ...r, id: `${r.noradId}@${r.epoch}`, sourceId: s.sourceId })));
}

describeLoadedApi('safety/maneuvers and geo-belt', (api) => {
  it('detects the same maneuvers from the store as from the raw files, naming the element sets', async () => {
    // TJS-3, Shijian-21, Tianhe, TJS-5, TJS-9, Zhongxing-6D, BeiDou-3 G3, Fengyun 4B; and Shijian-23.
    const ids = [43874, 49330, 48274, 44978, 50574, 52255, 45807, 48808, 55131];
    const res = await api.app.inject({ method: 'GET', url: `/api/v1/safety/maneuvers?norad=${ids.join(',')}` });
    expect(res.statusCode).toBe(200);
    const body = res.json<ManeuversResponse>();
    expect(body.snapshot.asOf).toBe('2026-07-10');
    expect(body.snapshots.map((s) => s.asOf)).toEqual(['2026-05-04', '2026-07-10']);
    expect(body.referenceInstant).toBe('2026-07-11T00:00:00.000000Z');
    const raw = rawSets().filter((r) => ids.includes(r.noradId));
    const expected = detectManeuvers(raw, { referenceMicros: epochMicros('2026-07-11T00:00:00Z') });
    expect(body.counts).toEqual(expected.counts);
    const key = (d: { noradId: number; before: { id: string }; after: { id: string }; rules: string[] }) => `${d.noradId} ${d.before.id} ${d.after.id} ${d.rules.join('+')}`;
    expect(body.detections.map(key).sort()).toEqual(expected.detections.map(key).sort());
    // TJS-3 and Shijian-23 relocated between the two snapshots (drift-rate changes of −1.75 and −1.38 °/day).
    expect(body.detections.filter((d) => d.relocation).map((d) => d.noradId).sort()).toEqual([43874, 55131]);
    for (const d of body.detections) {
      expect(d.interval.start).toBe(d.before.epoch);
      expect(d.interval.end).toBe(d.after.epoch);
      expect(d.before.sourceId).toBe(TLE_SNAPSHOT_2026_05_04.sourceId);
      expect(d.after.sourceId).toBe(GP_SNAPSHOT_2026_07_10.sourceId);
      expect(d.after.ageDays).toBeCloseTo((epochMicros('2026-07-11T00:00:00Z') - epochMicros(d.after.epoch)) / 86_400e6, 9);
    }
    const csv = await api.app.inject({ method: 'GET', url: `/api/v1/safety/maneuvers?norad=${ids.join(',')}&format=csv` });
    const rows = csvRows(csv.body);
    expect(rows[0]).toContain('allowance');
    expect(rows.length - 1).toBe(body.detections.reduce((n, d) => n + d.changes.length, 0));
    // The default selection: objects attributed to China.
    const cn = await api.app.inject({ method: 'GET', url: '/api/v1/safety/maneuvers' });
    expect(cn.statusCode).toBe(200);
    const all = cn.json<ManeuversResponse>();
    expect(all.selection).toMatch(/^objects attributed to CN in snapshot /);
    expect(all.counts.pairs).toBeGreaterThan(500);
    console.info(`CN maneuvers: ${all.counts.objects} objects, ${all.counts.pairs} pairs, ${all.counts.detections} detections (${all.detections.filter((d) => d.relocation).length} relocations)`);
  }, 300_000);

  it('gives the Chinese GEO belt: longitude per element set, as in the raw files', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/api/v1/safety/geo-belt' });
    expect(res.statusCode).toBe(200);
    const body = res.json<GeoBeltResponse>();
    expect(body.objects.length).toBeGreaterThan(40);
    const names = body.objects.map((o) => o.objectName).join('|');
    for (const family of ['TJS-', 'SHIJIAN', 'TIANLIAN', 'BEIDOU', 'FENGYUN', 'ZHONGXING']) expect(names).toContain(family);
    const raw = new Map(rawSets().map((r) => [r.id, r]));
    for (const o of body.objects) {
      expect(o.points.some((p) => p.regime === 'GEO')).toBe(true);
      for (const p of o.points) {
        const r = raw.get(p.elementSetId)!;
        expect(r.epoch).toBe(p.epoch);
        expect(r.sourceId).toBe(p.sourceId);
        expect(p.longitudeDeg).toBeGreaterThan(-180);
        expect(p.longitudeDeg).toBeLessThanOrEqual(180);
      }
    }
    expect(body.counts.points).toBe(body.objects.reduce((n, o) => n + o.points.length, 0));
    console.info(`CN GEO belt: ${body.counts.objects} objects, ${body.counts.points} points, ${body.counts.maneuvers} maneuvers, ${body.counts.relocations} relocations: `
      + body.objects.filter((o) => o.relocations > 0).map((o) => o.objectName).join(', '));
    const csv = await api.app.inject({ method: 'GET', url: '/api/v1/safety/geo-belt?format=csv' });
    expect(csvRows(csv.body).length - 1).toBe(body.counts.points);
  }, 300_000);

  it('refuses bad parameters with 400 and a snapshot-less date with 409', async () => {
    const tooMany = `maneuvers?norad=${Array.from({ length: 201 }, (_, i) => i + 1).join(',')}`;
    for (const url of ['maneuvers?norad=abc', 'maneuvers?country=XX', 'geo-belt?country=XX', 'maneuvers?foo=1', tooMany]) {
      const res = await api.app.inject({ method: 'GET', url: `/api/v1/safety/${url}` });
      expect(res.statusCode, url).toBe(400);
    }
    for (const url of ['maneuvers?asOf=2020-01-01', 'geo-belt?asOf=2020-01-01']) {
      expect((await api.app.inject({ method: 'GET', url: `/api/v1/safety/${url}` })).statusCode, url).toBe(409);
    }
  });
});
