/** GET /api/v1/safety/reentries on a loaded store (both bundled GP snapshots): the watch, its provenance, the backtest, CSV. */
import { expect, it } from 'vitest';
import { csvRows } from '../web/support/csv.js';
import { describeLoadedApi } from '../support/loaded-api.js';
import type { ReentriesResponse } from '../../src/api/response-types.js';
import { reentryBacktest } from '../../src/analytics/reentry/backtest.js';
import { bundledGpRows, GP_SNAPSHOT_2026_07_10, TLE_SNAPSHOT_2026_05_04 } from '../../src/services/bundled-elements.js';

describeLoadedApi('safety/reentries', (api) => {
  it('lists decaying objects of the newest snapshot naming the element sets used, with the backtest on the snapshot before', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/api/v1/safety/reentries' });
    expect(res.statusCode).toBe(200);
    const body = res.json<ReentriesResponse>();
    expect(body.snapshot.asOf).toBe('2026-07-10');
    expect(body.horizonDays).toBe(90);
    expect(body.definition).toContain('mean-motion derivative');
    expect(body.method).toContain('Vallado');
    expect(body.limits).toContain('solar');
    expect(body.candidates.length).toBe(body.counts.candidates);
    expect(body.candidates.length).toBeGreaterThan(0);
    const julRows = new Map(bundledGpRows(GP_SNAPSHOT_2026_07_10.file).map((r) => [r.noradId, r]));
    const mayRows = new Map(bundledGpRows(TLE_SNAPSHOT_2026_05_04.file).map((r) => [r.noradId, r]));
    for (const c of body.candidates) {
      const r = julRows.get(c.noradId)!;
      expect(c.elementSet.epoch).toBe(r.epoch);
      expect(c.elementSet.sourceId).toBe(body.snapshot.sourceId);
      expect(c.elementSet.ageDays).toBeCloseTo((Date.parse('2026-07-11T00:00:00Z') - Date.parse(r.epoch)) / 864e5, 6);
      const p = mayRows.get(c.noradId);
      if (p) expect([c.previousElementSet?.epoch, c.previousElementSet?.sourceId]).toEqual([p.epoch, TLE_SNAPSHOT_2026_05_04.sourceId]);
      else expect(c.previousElementSet).toBeNull();
      expect(c.chineseRocketBody).toBe(c.country === 'CN' && c.kind === 'rocket-body');
      if (c.rcsM2 === null) expect(c.sizeClass).toBe('unknown');
    }
    // A Chinese launcher's stage named only by the GP file (launched after the catalogs end) is a Chinese rocket body.
    const stages = [...julRows.values()].filter((r) => /^ZHUQUE-\S+ R\/B$/.test(r.objectName)).map((r) => r.noradId);
    expect(stages.length).toBeGreaterThan(0);
    const onWatch = body.candidates.filter((x) => stages.includes(x.noradId));
    expect(onWatch.length).toBeGreaterThan(0);
    for (const c of onWatch) expect([c.country, c.kind, c.chineseRocketBody]).toEqual(['CN', 'rocket-body', true]);
    expect(body.counts.chineseRocketBodies).toBe(body.candidates.filter((x) => x.chineseRocketBody).length);
    expect(body.counts.chineseRocketBodies).toBeGreaterThanOrEqual(onWatch.length);
    // The backtest over the stored snapshots is the one over the bundled files.
    const b = body.backtest!;
    expect([b.earlier.asOf, b.later.asOf, b.cutoff]).toEqual(['2026-05-04', '2026-07-10', '2026-07-10']);
    const files = reentryBacktest([...mayRows.values()].map((r) => ({ ...r, kind: 'payload' as const })), new Set(julRows.keys()), '2026-07-10');
    expect(b.central).toEqual(files.central);
    expect([b.objects, b.absent, b.absentAboveLeo]).toEqual([files.objects, files.absent, files.absentAboveLeo]);

    const cn = (await api.app.inject({ method: 'GET', url: '/api/v1/safety/reentries?country=CN' })).json<ReentriesResponse>();
    expect(cn.country).toBe('CN');
    expect(cn.candidates.every((c) => c.country === 'CN')).toBe(true);
    expect(cn.candidates.length).toBe(body.candidates.filter((c) => c.country === 'CN').length);

    const csv = await api.app.inject({ method: 'GET', url: '/api/v1/safety/reentries?format=csv' });
    expect(csv.statusCode).toBe(200);
    const rows = csvRows(csv.body);
    expect(rows[0]).toContain('reentry_central_utc');
    expect(rows[0]).toContain('element_age_days');
    expect(rows.length - 1).toBe(body.candidates.length);
  }, 300_000);

  it('refuses bad parameters with 400 and a snapshot-less date with 409', async () => {
    for (const url of ['days=0', 'days=731', 'country=XX', 'asOf=yesterday', 'bogus=1']) {
      const res = await api.app.inject({ method: 'GET', url: `/api/v1/safety/reentries?${url}` });
      expect(res.statusCode, url).toBe(400);
    }
    const old = await api.app.inject({ method: 'GET', url: '/api/v1/safety/reentries?asOf=2020-01-01' });
    expect(old.statusCode).toBe(409);
    const earlier = (await api.app.inject({ method: 'GET', url: '/api/v1/safety/reentries?asOf=2026-05-31' })).json<ReentriesResponse>();
    expect(earlier.snapshot.asOf).toBe('2026-05-04');
    expect(earlier.backtest).toBeNull();
  });
});
