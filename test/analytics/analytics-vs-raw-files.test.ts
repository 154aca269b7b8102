/**
 * The analytics, through the services and the API, on every store, checked against
 * counts computed here independently from the raw snapshot files (plain string
 * splitting, not the product's parsers or attribution code).
 */
import { readSnapshot } from '../../src/services/bundled-snapshots.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { STORE_KINDS, type TestStore } from '../support/stores.js';
import { readOnlyLoadedStore } from '../support/loaded-store.js';
import { constellationsAnalytic, launchesAnalytic, loadRules, spacecraftAnalytic, tiangongAnalytic } from '../../src/services/analytics.js';
import { buildServer } from '../../src/api/server.js';
import { csvFields, rawChinesePayloadIds, rawLines } from '../support/raw-files.js';


/** Launches per year for a launching state, deduplicated on the tag, ascents from other bodies (X…) excluded. */
function rawLaunches(state: string) {
  const seen = new Set<string>();
  const perYear = new Map<number, { total: number; failed: number }>();
  for (const l of rawLines('gcat_launchlog_2024-12-08.tsv.gz')) {
    if (l.startsWith('#')) continue;
    const f = l.split('\t').map((x) => x.trim());
    const [tag, date, code, lvState] = [f[0]!, f[1]!, f[18]!, f[17]!];
    if (seen.has(tag)) continue;
    seen.add(tag);
    if (lvState !== state || code.startsWith('X')) continue;
    const y = Number(date.slice(0, 4));
    const c = perYear.get(y) ?? { total: 0, failed: 0 };
    c.total++;
    if (code[1] === 'F' || code[1] === 'E') c.failed++;
    perYear.set(y, c);
  }
  return perYear;
}


const rawNamed = (file: string, prefix: string) => rawLines(file).filter((l) => l.startsWith(prefix)).length;

describe.each(STORE_KINDS)('analytics on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  const rules = loadRules('data/rules');
  beforeAll(async () => {
    store = await readOnlyLoadedStore(kind);
    app = await buildServer({ store, webDir: 'test/fixtures/no-web-app' });
  }, 300_000);
  afterAll(async () => { await app?.close(); await store?.dispose(); });

  it('Figure 7: China and US launches and failures per year equal the raw launch log', async () => {
    const f = await launchesAnalytic(store.db, rules, { fromYear: 2010 });
    for (const [state, raw] of [['CN', rawLaunches('CN')], ['US', rawLaunches('US')]] as const) {
      for (const y of f.chinaVsUnitedStates) {
        const r = raw.get(y.year) ?? { total: 0, failed: 0 };
        expect([y.year, y[state].total, y[state].failure], `${state} ${y.year}`).toEqual([y.year, r.total, r.failed]);
      }
    }
    expect(f.chinaVsUnitedStates.find((y) => y.year === 2024)!.complete).toBe(false);
    expect(f.chinaVsUnitedStates.find((y) => y.year === 2023)!.complete).toBe(true);
    expect(f.coverage.to).toBe('2024-12-08');
    for (const c of f.china) expect(c.state.total + c.commercial.total + c.unattributed.total).toBe(f.years.find((y) => y.year === c.year)!.countries.CN!.total);
  });

  it('Figure 7: failures after the log\'s end come from the failed-to-orbit extract, labelled', async () => {
    const f = await launchesAnalytic(store.db, rules, { country: 'CN' });
    expect(f.afterCoverage.filter((a) => a.country === 'CN').flatMap((a) => a.launches).sort())
      .toEqual(['2024-F05', '2025-E01', '2025-F07', '2025-U05', '2026-F02', '2026-F03', '2026-F05', '2026-F06']);
    expect(f.afterCoverage[0]!.source).toBe('gcat-ftocat-extract-2026-08-10');
    // The failures are a lower bound, and a year's note names the failure tags the raw extract skips between its lowest and highest.
    const tags = readSnapshot('gcat_ftocat_extract_2024-12-18_to_2026-08-10.tsv.gz').split('\n').slice(1).filter(Boolean)
      .map((l) => l.split('\t')[2]!.trim()).filter((t) => /^\d{4}-F\d+$/.test(t));
    const skipped = (year: number) => {
      const n = tags.filter((t) => t.startsWith(`${year}-F`)).map((t) => Number(t.slice(6)));
      return Array.from({ length: Math.max(...n) - Math.min(...n) + 1 }, (_, i) => Math.min(...n) + i)
        .filter((k) => !n.includes(k)).map((k) => `${year}-F${String(k).padStart(2, '0')}`);
    };
    expect(skipped(2025)).toEqual(['2025-F02']);
    for (const row of f.afterCoverage) {
      expect(row.note, `${row.year}`).toContain('these failures are a lower bound');
      const gaps = skipped(row.year);
      if (gaps.length) expect(row.note).toContain(`skip ${gaps.join(', ')}.`);
      else expect(row.note).not.toContain('skip');
    }
  });

  it('Figure 8: the Chinese payload total equals an independent count from the raw files', async () => {
    const f = await spacecraftAnalytic(store.db, rules, { objects: true });
    expect(f.snapshot.asOf).toBe('2026-07-10');
    expect(f.total).toBe(rawChinesePayloadIds('celestrak_gp_active_2026-07-10.csv.gz').length);
    expect(f.cells.reduce((n, c) => n + c.count, 0)).toBe(f.total);
    expect(f.byMission.navigation).toBeGreaterThanOrEqual(rawNamed('celestrak_gp_active_2026-07-10.csv.gz', 'BEIDOU'));
    expect(f.objects!.every((o) => o.countryRule !== 'unattributed')).toBe(true);
  });

  it('Figure 8 as of an earlier date uses the snapshot of that date', async () => {
    const f = await spacecraftAnalytic(store.db, rules, { asOf: '2026-06-01' });
    expect(f.snapshot.asOf).toBe('2026-05-04');
  });

  it('constellations: Qianfan grows from 126 to 200 between the bundled snapshots, as in the raw files', async () => {
    const c = await constellationsAnalytic(store.db, rules);
    const qianfan = c.constellations.find((x) => x.id === 'program.qianfan')!;
    expect(qianfan.deployed.map((d) => [d.asOf, d.count])).toEqual([
      ['2026-05-04', rawNamed('celestrak_active_tle_2026-05-04.txt.gz', 'QIANFAN')],
      ['2026-07-10', rawNamed('celestrak_gp_active_2026-07-10.csv.gz', 'QIANFAN')],
    ]);
    expect(qianfan.deployed.map((d) => d.count)).toEqual([126, 200]);
    expect(qianfan.rate!.perDay).toBeCloseTo(74 / 67, 5);
    expect(qianfan.planned!.sourceId).toBe('redshift-2025');
    expect(qianfan.milestones.map((m) => m.status)).toEqual(['no-filing-date', 'no-filing-date']);
  });

  it('Tiangong: the station\'s orbit is the raw element set\'s, with its visiting vehicles', async () => {
    const t = await tiangongAnalytic(store.db, { at: new Date('2026-07-11T00:00:00Z') });
    const raw = csvFields(rawLines('celestrak_gp_active_2026-07-10.csv.gz').find((l) => l.startsWith('CSS (TIANHE)'))!);
    expect(t.station!.noradId).toBe(Number(raw[11]));
    expect(t.station!.inclinationDeg).toBe(Number(raw[5]));
    expect(t.station!.altitudeKm).toBeGreaterThan(300);
    expect(t.station!.altitudeKm).toBeLessThan(450);
    expect(t.coOrbiting.map((o) => o.objectName)).toEqual(expect.arrayContaining(['CSS (MENGTIAN)', 'CSS (WENTIAN)']));
    // A time long before the element set: not "-46,000 days old", but before its epoch.
    const early = await tiangongAnalytic(store.db, { at: new Date('1900-01-01T00:00:00Z') });
    expect(early.station!.altitudeKm).toBeNull();
    expect(early.station!.propagationError).toMatch(/^the requested time 1900-01-01T00:00:00\.000Z is \d+ days before the element set's epoch/);
  });

  it('the API serves the same analytics', async () => {
    const direct = await launchesAnalytic(store.db, rules, { fromYear: 2020 });
    const res = await app.inject('/api/v1/analytics/launches?from=2020');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(JSON.parse(JSON.stringify(direct)));
    const sc = await app.inject('/api/v1/analytics/spacecraft');
    expect(sc.json().total).toBe((await spacecraftAnalytic(store.db, rules)).total);
    expect((await app.inject('/api/v1/analytics/constellations')).json().constellations.length).toBeGreaterThan(0);
    expect((await app.inject('/api/v1/analytics/tiangong?at=2026-07-11T00:00:00Z')).json().station.objectName).toBe('CSS (TIANHE)');
    const bad = await app.inject('/api/v1/analytics/spacecraft?asOf=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('querystring.asOf');
  });
});
