/**
 * The space-safety entries of the world change feed on a loaded store (the 2026-05-04 and 2026-07-10
 * GP snapshots): objects that left the catalog while on the reentry watch, computed independently
 * from the raw files; the station's computed close approaches, equal to the screening of each
 * snapshot, dated by TCA; their definitions in JSON and CSV metadata.
 */
import { expect, it } from 'vitest';
import { describeLoadedApi } from '../support/loaded-api.js';
import { csvIds, readTle, reentryMs } from '../support/raw-reentry.js';
import { GP_SNAPSHOT_2026_07_10, TLE_SNAPSHOT_2026_05_04 } from '../../src/services/bundled-elements.js';
import type { ConjunctionsResponse, ManeuversResponse } from '../../src/api/response-types.js';
import { WORLD_CHANGE_DEFINITIONS } from '../../src/analytics/world-change-types.js';

interface Change { id: string; type: string; date: string; day: string; earliest: string | null; title: string; country: string | null; value: string | null; previous: { value: string; date: string | null; sourceId: string; locator: string | null } | null; sourceId: string; locator: string | null }
interface Page { items: Change[]; next: string | null; types: Record<string, string>; definition: string }

const DAY = 864e5;

describeLoadedApi('safety changes in the world feed', (api) => {
  const get = async <T>(url: string) => { const r = await api.app.inject({ method: 'GET', url }); expect(r.statusCode, `${url}: ${r.body.slice(0, 300)}`).toBe(200); return r.json<T>(); };

  it('lists the objects on the 2026-05-04 reentry watch absent on 2026-07-10, dated by the first snapshot without them', async () => {
    const body = await get<Page>('/api/v1/changes?type=left-catalog-on-reentry-watch&limit=1000');
    expect(body.types['left-catalog-on-reentry-watch']).toBe(WORLD_CHANGE_DEFINITIONS['left-catalog-on-reentry-watch']);
    expect(body.next).toBeNull();
    // Independently: the raw 2026-05-04 TLEs whose modelled reentry is within 90 days of 2026-05-04, absent from the raw 2026-07-10 CSV.
    const horizon = Date.parse('2026-05-04T00:00:00Z') + 90 * DAY;
    const jul = csvIds(GP_SNAPSHOT_2026_07_10.file);
    const raw = readTle(TLE_SNAPSHOT_2026_05_04.file).filter((o) => !jul.has(o.norad)).map((o) => ({ norad: o.norad, t: reentryMs(o) })).filter((o) => o.t !== null);
    const clear = (t: number) => Math.abs(t - horizon) > DAY; // the two models may differ by hours at the horizon
    const expected = raw.filter((o) => o.t! <= horizon && clear(o.t!)).map((o) => o.norad).sort((a, b) => a - b);
    const got = body.items.map((c) => Number(/NORAD (\d+)/.exec(c.title)![1]));
    const nearEdge = new Set(raw.filter((o) => !clear(o.t!)).map((o) => o.norad));
    expect(got.filter((n) => !nearEdge.has(n)).sort((a, b) => a - b)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(100);
    for (const c of body.items) {
      // Left between the two snapshots: known only within that window.
      expect([c.earliest, c.date, c.day, c.sourceId]).toEqual(['2026-05-04', '2026-07-10', '2026-07-10', GP_SNAPSHOT_2026_07_10.sourceId]);
      expect([c.previous?.value, c.previous?.date, c.previous?.sourceId]).toEqual(['listed', '2026-05-04', TLE_SNAPSHOT_2026_05_04.sourceId]);
      expect(c.previous?.locator).toMatch(/element set epoch 20\d\d-\d\d-\d\dT[\d:.]+Z? \(.+; age -?\d+\.\d d at the end of 2026-05-04 UTC, the end of the snapshot date minus the epoch\)/);
      expect(c.value).toMatch(/^modelled on 2026-05-04 from the element set of epoch 20\d\d-[\d-]+T[\d:.]+Z? \(age -?\d+\.\d d\): \d{4}-\d\d-\d\d \(window /);
    }
    const cn = await get<Page>('/api/v1/changes?type=left-catalog-on-reentry-watch&country=CN&limit=1000');
    expect(cn.items.length).toBe(body.items.filter((c) => c.country === 'CN').length);
    expect(cn.items.length).toBeGreaterThan(0);
    // A window before the date leaves them out.
    expect((await get<Page>('/api/v1/changes?type=left-catalog-on-reentry-watch&until=2026-07-10')).items).toEqual([]);
  });

  it('lists the station\'s computed close approaches by TCA, from the newest snapshot before each, with element sets and ages', async () => {
    const body = await get<Page>('/api/v1/changes?type=close-approach&order=oldest&limit=1000');
    expect(body.types['close-approach']).toContain('computed, not observed');
    const expected: string[] = [];
    for (const asOf of ['2026-05-04', '2026-07-10']) {
      const s = await get<ConjunctionsResponse>(`/api/v1/safety/conjunctions?primary=48274&days=7&thresholdKm=5&asOf=${asOf}`);
      for (const e of s.events.filter((x) => x.relativeSpeedKmS >= 0.05)) {
        expected.push(`close-approach:${String(e.primary.noradId).padStart(9, '0')}:${String(e.secondary.noradId).padStart(9, '0')}:${e.tca}`);
        const c = body.items.find((x) => x.id === expected.at(-1));
        expect(c, expected.at(-1)).toBeDefined();
        expect([c!.day, c!.earliest, c!.sourceId, c!.country]).toEqual([e.tca.slice(0, 10), null, s.snapshot.sourceId, 'CN']);
        expect(c!.locator).toContain(`snapshot ${s.snapshot.id}`);
        for (const o of [e.primary, e.secondary]) expect(c!.locator).toContain(`NORAD ${o.noradId} epoch ${o.elementEpoch} (${o.elementSourceId}, ${o.elementAgeDays.toFixed(1)} d at TCA)`);
        expect(c!.value).toContain(`${e.missDistanceKm.toFixed(3)} km`);
        expect(c!.value).toContain(`NORAD ${e.secondary.noradId} epoch ${e.secondary.elementEpoch}`);
      }
    }
    expect(body.items.map((c) => c.id)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    expect(body.items.every((c) => !c.title.includes('WENTIAN'))).toBe(true);
    // Catalog entries carry no curated entity: an entity filter leaves them out.
    expect((await get<Page>('/api/v1/changes?type=close-approach&entity=obj.tianhe')).items).toEqual([]);
  });

  it('lists the maneuvers of China\'s objects dated by the later element set\'s epoch, bracketed by the earlier one', async () => {
    const body = await get<Page>('/api/v1/changes?type=maneuver&order=oldest&limit=1000');
    const man = await get<ManeuversResponse>('/api/v1/safety/maneuvers?country=CN');
    expect(man.detections.length).toBeGreaterThan(0);
    // Docked modules share one element set: their detections are one entry, led by the lowest NORAD number.
    const stackOf = (d: ManeuversResponse['detections'][number]) => `${d.after.epoch} ${d.changes.map((c) => c.after).join(' ')}`;
    const stacks = new Map<string, ManeuversResponse['detections']>();
    for (const d of man.detections) stacks.set(stackOf(d), [...(stacks.get(stackOf(d)) ?? []), d].sort((a, b) => a.noradId - b.noradId));
    const leads = [...stacks.values()].map((g) => g[0]!);
    const docked = [...stacks.values()].find((g) => g.some((d) => d.noradId === 48274))!;
    expect(docked.map((d) => d.objectName).sort()).toEqual(['CSS (MENGTIAN)', 'CSS (TIANHE)', 'CSS (WENTIAN)']);
    const expected = [...leads].sort((a, b) => a.after.epoch.slice(0, 10).localeCompare(b.after.epoch.slice(0, 10))
      || `maneuver:${String(a.noradId).padStart(9, '0')}:${a.after.epoch}`.localeCompare(`maneuver:${String(b.noradId).padStart(9, '0')}:${b.after.epoch}`));
    // The window between the two element sets: its first day when it is not the last.
    const earliest = (d: (typeof expected)[number]) => (d.before.epoch.slice(0, 10) < d.after.epoch.slice(0, 10) ? d.before.epoch.slice(0, 10) : null);
    expect(body.items.map((c) => [c.id, c.day, c.earliest, c.previous?.date, c.sourceId, c.country])).toEqual(expected.map((d) => [
      `maneuver:${String(d.noradId).padStart(9, '0')}:${d.after.epoch}`, d.after.epoch.slice(0, 10), earliest(d), d.before.epoch.slice(0, 10), d.after.sourceId, 'CN']));
    expect(body.items.filter((c) => c.earliest !== null).length).toBeGreaterThan(0);
    for (const [i, c] of body.items.entries()) {
      const d = expected[i]!;
      expect(c.value).toContain(`element sets epoch ${d.before.epoch} (${d.before.sourceId}, age ${d.before.ageDays.toFixed(1)} d)`);
      expect(c.locator).toBe(`element sets ${d.before.id} and ${d.after.id}`);
      for (const ch of d.changes.filter((x) => x.exceeded)) expect(c.value).toContain(ch.quantity);
      for (const other of stacks.get(stackOf(d))!.slice(1)) expect(c.title).toContain(`${other.objectName} (NORAD ${other.noradId})`);
    }
    expect(body.items.filter((c) => c.title.includes('CSS ('))).toHaveLength(1);
    expect((await get<Page>('/api/v1/changes?type=maneuver&country=US')).items).toEqual([]);
  });

  it('states the definitions in the CSV metadata, and a window\'s first day in a column of its own', async () => {
    const csv = await api.app.inject({ method: 'GET', url: '/api/v1/changes?type=close-approach&format=csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\n')[0]).toContain('world_date');
    // A window's first day has its own column; the CSV's rows give the JSON's.
    const left = await api.app.inject({ method: 'GET', url: '/api/v1/changes?type=left-catalog-on-reentry-watch&format=csv&limit=3' });
    const [head, first] = left.body.split('\n');
    expect(head!.split(',').slice(0, 3)).toEqual(['world_date', 'precision', 'earliest_date']);
    expect(first!.split(',').slice(0, 3)).toEqual(['2026-07-10', 'day', '2026-05-04']);
    // Events dated by their source carry no window.
    const launches = await get<Page>('/api/v1/changes?type=launch&limit=50');
    expect(launches.items.length).toBeGreaterThan(0);
    expect(launches.items.every((c) => c.earliest === null)).toBe(true);
    const notes = (await api.app.inject({ method: 'GET', url: '/api/v1/changes?type=close-approach&format=csv-metadata' })).body;
    for (const t of ['left-catalog-on-reentry-watch', 'close-approach', 'maneuver']) expect(notes).toContain(`${t}: ${WORLD_CHANGE_DEFINITIONS[t as 'close-approach'].slice(0, 60)}`);
  });
});
