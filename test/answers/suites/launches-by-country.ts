/**
 * "How many orbital launches did Japan (France, India, Russia, the USSR, ESA …) fly each year,
 * and how many failed?" Figure 7 through the public API with a `country` filter in ISO 3166-1
 * alpha-2 (or a named group), against an independent count from the raw GCAT launch log:
 * plain tab splitting, one launch per tag (first row), ascents from other bodies (X…) left out,
 * failures = 2nd letter of the launch code F or E. GCAT's state codes are turned into ISO
 * codes by reading data/rules/country-codes.yaml here directly, not through the product.
 * Also: the country filters reject a dataset code (GCAT "J") or a non-code with a 400 in the
 * one error shape, and accept ISO codes and groups.
 */
import { expect, it } from 'vitest';
import { readSnapshot } from '../../../src/services/bundled-snapshots.js';
import type { AnswerSuite } from '../harness.js';
import { rawYaml } from '../../support/raw-files.js';

interface Counts { success: number; partial: number; failure: number; unknown: number; total: number }
interface Figure7 {
  years: { year: number; complete: boolean; countries: Record<string, Counts> }[];
  countries: Record<string, { name: string; gcatStates: string[] }>;
  unmappedStates: Record<string, number>;
  convention: string;
}
interface CodeEntry { code: string; iso?: string; group?: string; noCountry?: boolean }

const mapping = rawYaml('data/rules/country-codes.yaml') as { countryGroups: { id: string }[]; gcatStateCodes: CodeEntry[] };
const keyOfGcat = new Map(mapping.gcatStateCodes.map((e) => [e.code, e.iso ?? e.group ?? null]));

/** Launches per year and answer key, from the raw launch log. */
function rawLaunches(): Map<string, Map<number, { total: number; failed: number }>> {
  const out = new Map<string, Map<number, { total: number; failed: number }>>();
  const seen = new Set<string>();
  for (const line of readSnapshot('gcat_launchlog_2024-12-08.tsv.gz').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const f = line.split('\t').map((x) => x.trim());
    // Columns: 0 Launch_Tag, 1 Launch_Date ("2021 Apr 29 0323:16"), 17 LVState, 18 Launch_Code.
    const [tag, date, lvState, code] = [f[0]!, f[1]!, f[17]!, f[18]!];
    if (seen.has(tag)) continue;
    seen.add(tag);
    if (code.startsWith('X')) continue;
    const key = keyOfGcat.get(lvState) ?? 'unknown';
    const perYear = out.get(key) ?? out.set(key, new Map()).get(key)!;
    const y = Number(date.slice(0, 4));
    const c = perYear.get(y) ?? { total: 0, failed: 0 };
    c.total++;
    if (code[1] === 'F' || code[1] === 'E') c.failed++;
    perYear.set(y, c);
  }
  return out;
}

/** Six countries besides China and the groups beside them: GCAT writes these as US, RU, SU, J, F, I-ESA, IN, UK, IL, IR. */
const ASKED = ['US', 'RU', 'soviet-union', 'JP', 'FR', 'esa', 'IN', 'GB', 'IL', 'IR'];

export const answers: AnswerSuite = (ctx) => {
  const raw = rawLaunches();

  it('launches and failures per year, for each country asked by its ISO code (or group), equal the raw launch log', async () => {
    for (const key of ASKED) {
      const f = await ctx().get<Figure7>(`/api/v1/analytics/launches?country=${key}`);
      const expected = raw.get(key)!;
      expect(expected.size, key).toBeGreaterThan(0);
      const fromApi = new Map(f.years.filter((y) => y.countries[key]).map((y) => [y.year, { total: y.countries[key]!.total, failed: y.countries[key]!.failure }]));
      expect([key, [...fromApi.entries()].sort(([a], [b]) => a - b)]).toEqual([key, [...expected.entries()].sort(([a], [b]) => a - b)]);
      expect(f.years.every((y) => Object.keys(y.countries).every((k) => k === key))).toBe(true);
    }
  });

  it('the launching country is the launching agency\'s state, and the examples the convention gives hold in the raw log', async () => {
    // LV_Type (9), Agency (16), LVState (17), Launch_Site (12) of each launch tag's first row.
    const rows = new Map<string, string[]>();
    for (const line of readSnapshot('gcat_launchlog_2024-12-08.tsv.gz').split('\n')) {
      if (!line.trim() || line.startsWith('#')) continue;
      const f = line.split('\t').map((x) => x.trim());
      if (!rows.has(f[0]!)) rows.set(f[0]!, f);
    }
    const states = (vehicle: string, site?: string) => new Set([...rows.values()]
      .filter((f) => f[9]!.startsWith(vehicle) && (!site || f[12] === site)).map((f) => f[17]));
    expect(states('Electron', 'MAHIA')).toEqual(new Set(['NZ']));
    expect(states('Electron').has('US')).toBe(true);
    expect(states('Soyuz-ST', 'CSG')).toEqual(new Set(['F']));
    const f = await ctx().get<Figure7>('/api/v1/analytics/launches?country=NZ');
    const nz = f.years.reduce((n, y) => n + (y.countries.NZ?.total ?? 0), 0);
    expect(nz).toBe([...rows.values()].filter((x) => x[17] === 'NZ' && !x[18]!.startsWith('X')).length);
    expect(f.convention).toMatch(/state of the agency that conducted the launch/);
    expect(f.convention).toMatch(/Electron counts under NZ .* Mahia .* under US/);
  });

  it('China\'s commercial launches by subsidiaries of state-owned groups are counted per year, from the rules that name the group, and the sector definition says commercial is not private', async () => {
    type Rule = { lvTypePattern: string; sector: string; stateGroup?: { parent: string; cite: { source: string; locator: string } } };
    const rules = (rawYaml('data/rules/classification.yaml') as { launchProviderRules: Rule[] }).launchProviderRules;
    const grouped = rules.filter((r) => r.stateGroup);
    expect(grouped.length).toBeGreaterThan(0);
    // Each named group is the provider's Parent in the raw GCAT organizations file.
    const orgs = new Map(readSnapshot('gcat_orgs_2026-03-26.tsv.gz').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t').map((x) => x.trim())).map((f) => [f[0]!, f[13]!]));
    for (const r of grouped) {
      const [, code, parent] = /Code (\S+), Parent (\S+)/.exec(r.stateGroup!.cite.locator)!;
      expect(orgs.get(code!), code).toBe(parent);
    }
    const perYear = new Map<number, number>();
    const seen = new Set<string>();
    for (const line of readSnapshot('gcat_launchlog_2024-12-08.tsv.gz').split('\n')) {
      if (!line.trim() || line.startsWith('#')) continue;
      const f = line.split('\t').map((x) => x.trim());
      if (seen.has(f[0]!)) continue;
      seen.add(f[0]!);
      if (f[17] !== 'CN' || f[18]!.startsWith('X')) continue;
      const rule = rules.find((r) => new RegExp(r.lvTypePattern).test(f[9]!));
      if (rule?.stateGroup) perYear.set(Number(f[1]!.slice(0, 4)), (perYear.get(Number(f[1]!.slice(0, 4))) ?? 0) + 1);
    }
    const f = await ctx().get<Figure7 & { china: { year: number; commercial: Counts; commercialStateGroup: Counts }[]; sectorDefinition: string }>('/api/v1/analytics/launches');
    const fromApi = new Map(f.china.filter((y) => y.commercialStateGroup.total > 0).map((y) => [y.year, y.commercialStateGroup.total]));
    expect([...fromApi.entries()].sort(([a], [b]) => a - b)).toEqual([...perYear.entries()].sort(([a], [b]) => a - b));
    for (const y of f.china) expect(y.commercialStateGroup.total).toBeLessThanOrEqual(y.commercial.total);
    expect(f.sectorDefinition).toMatch(/commercial is not the same as private/);
    expect(f.sectorDefinition).toMatch(/ExPace .*\(of .*\)/);
  });

  it('Japan is asked as JP and answered as JP, with GCAT\'s own code J kept visible', async () => {
    const f = await ctx().get<Figure7>('/api/v1/analytics/launches?country=JP&from=2010');
    const total = f.years.reduce((n, y) => n + (y.countries.JP?.total ?? 0), 0);
    const rawTotal = [...raw.get('JP')!.entries()].filter(([y]) => y >= 2010).reduce((n, [, c]) => n + c.total, 0);
    expect(total).toBe(rawTotal);
    expect(total).toBeGreaterThan(30);
    expect(f.countries.JP).toEqual({ name: 'Japan', gcatStates: ['J'] });
  });

  it('every key of the unfiltered answer is an ISO code or a named group of the mapping, and no launch is lost', async () => {
    const f = await ctx().get<Figure7>('/api/v1/analytics/launches');
    const isoCodes = new Set(mapping.gcatStateCodes.flatMap((e) => (e.iso ? [e.iso] : [])));
    const groups = new Set(mapping.countryGroups.map((g) => g.id));
    const keys = new Set(f.years.flatMap((y) => Object.keys(y.countries)));
    for (const k of keys) expect(isoCodes.has(k) || groups.has(k), k).toBe(true);
    for (const gcatOnly of ['J', 'F', 'UK', 'I-ESA', 'SU', 'CYM']) expect(keys.has(gcatOnly), gcatOnly).toBe(false);
    expect(f.unmappedStates).toEqual({});
    const apiTotal = f.years.reduce((n, y) => n + Object.values(y.countries).reduce((m, c) => m + c.total, 0), 0);
    const rawTotal = [...raw.values()].reduce((n, perYear) => n + [...perYear.values()].reduce((m, c) => m + c.total, 0), 0);
    expect(apiTotal).toBe(rawTotal);
    expect(f.countries.GB!.gcatStates).toEqual(['UK']);
    expect(f.countries['soviet-union']!.gcatStates).toEqual(['SU']);
    expect(f.countries.RU!.gcatStates).toEqual(['RU']);
  });

  it('a country filter rejects a dataset code or a non-code with a 400 in the one error shape, naming the parameter', async () => {
    for (const path of ['/api/v1/analytics/launches?country=J', '/api/v1/analytics/launches?country=ZZ', '/api/v1/analytics/launches?country=jp',
      '/api/v1/analytics/spacecraft?country=J', '/api/v1/catalog/objects?country=I-ESA']) {
      const res = await ctx().app.inject(path);
      expect(res.statusCode, path).toBe(400);
      const body = res.json() as { error: Record<string, unknown> };
      expect(Object.keys(body)).toEqual(['error']);
      expect(body.error).toMatchObject({ status: 400, code: 'invalid_request', details: [{ field: 'querystring.country', reason: expect.any(String) }] });
    }
    const j = (await ctx().app.inject('/api/v1/analytics/launches?country=J')).json() as { error: { details: { reason: string }[] } };
    expect(j.error.details[0]!.reason).toContain('stands for JP');
  });

  it('the country filters accept ISO codes and groups, including a valid code with no launches', async () => {
    for (const path of ['/api/v1/analytics/launches?country=GB', '/api/v1/analytics/launches?country=esa', '/api/v1/analytics/launches?country=AQ',
      '/api/v1/analytics/spacecraft?country=JP', '/api/v1/catalog/objects?country=FR&limit=5']) {
      expect((await ctx().app.inject(path)).statusCode, path).toBe(200);
    }
    const aq = await ctx().get<Figure7>('/api/v1/analytics/launches?country=AQ');
    expect(aq.years.every((y) => !y.countries.AQ)).toBe(true);
  });
};
