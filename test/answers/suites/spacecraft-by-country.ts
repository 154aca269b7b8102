/**
 * "How many operational spacecraft does Japan (the UK, France, ESA …) have, and by what?"
 * Figure 8 through the public API with a `country` filter in ISO 3166-1 alpha-2 (or a named
 * group), against an independent count from the raw files: payloads of the 2026-07-10 GP file
 * attributed by the GCAT launch log's SatState, else UCS "Country of Operator/Owner", else the
 * curated name rules, each dataset code turned into an ISO code or group by reading
 * data/rules/country-codes.yaml here directly (plain string splitting, not the product's parsers).
 */
import { readdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import { readSnapshot } from '../../../src/services/bundled-snapshots.js';
import type { AnswerSuite } from '../harness.js';
import { csvFields, rawGcatByNorad, rawUcsCountryByNorad, rawYaml } from '../../support/raw-files.js';

interface CodeEntry { code: string; iso?: string; group?: string; noCountry?: boolean }

const mapping = rawYaml('data/rules/country-codes.yaml') as { gcatStateCodes: CodeEntry[]; ucsCountryNames: CodeEntry[] };
const keyOfGcat = new Map(mapping.gcatStateCodes.map((e) => [e.code, e.iso ?? e.group ?? null]));
const keyOfUcs = new Map(mapping.ucsCountryNames.map((e) => [e.code, e.iso ?? e.group ?? null]));


/**
 * UCS records with a Purpose, by NORAD number. A record whose COSPAR number is malformed (e.g. "2020--019BK") is
 * refused by the ingest, with its line and reason recorded, so it classifies nothing.
 */
function rawUcsWithPurpose(): Set<number> {
  const lines = readSnapshot('ucs_satellite_database_2023-05-01.tsv.gz').split('\n');
  const header = lines[0]!.split('\t').map((h) => h.trim());
  const [iPurpose, iNorad, iCospar] = [header.indexOf('Purpose'), header.indexOf('NORAD Number'), header.indexOf('COSPAR Number')];
  const out = new Set<number>();
  for (const l of lines.slice(1)) {
    const f = l.split('\t');
    const cospar = f[iCospar]?.trim() ?? '';
    if (cospar !== '' && !/^\d{4}-\d{3}[A-Z]{1,3}$/.test(cospar)) continue;
    if (f[iPurpose]?.trim()) out.add(Number(f[iNorad]));
  }
  return out;
}

/**
 * Payloads per country key in the 2026-07-10 GP file: GCAT SatState, else UCS operator country, else the curated name rules.
 * Under the key "": payloads no source attributes. Under "unclassified:<key>": a country's payloads that neither a name
 * rule nor a UCS purpose classifies.
 */
function rawPayloadsByCountry(names?: Map<string, string[]>): Map<string, number> {
  const gcat = rawGcatByNorad();
  const ucs = rawUcsCountryByNorad();
  const rules = (rawYaml('data/rules/classification.yaml') as { objectNameRules: { pattern: string; country: string }[] })
    .objectNameRules.map((r) => ({ re: new RegExp(r.pattern), country: r.country }));
  const purposes = rawUcsWithPurpose();
  const out = new Map<string, number>();
  for (const l of readSnapshot('celestrak_gp_active_2026-07-10.csv.gz').split('\n').slice(1)) {
    if (!l.trim()) continue;
    const f = csvFields(l);
    const [name, norad] = [f[0]!, Number(f[11])];
    const g = gcat.get(norad);
    const rule = rules.find((r) => r.re.test(name.toUpperCase()));
    const key = (g && keyOfGcat.get(g.state)) ?? keyOfUcs.get(ucs.get(norad) ?? '') ?? rule?.country ?? null;
    const payload = g ? g.type === 'P' : !/\bR\/B\b|\bDEB\b/.test(name);
    const add = (k: string) => out.set(k, (out.get(k) ?? 0) + 1);
    if (payload) add(key ?? '');
    if (payload && key && names) names.set(key, [...(names.get(key) ?? []), name]);
    if (payload && key && !rule && !purposes.has(norad)) add(`unclassified:${key}`);
  }
  return out;
}

export const answers: AnswerSuite = (ctx) => {
  it('operational spacecraft per owner country (Figure 8), asked by ISO code or group, equal an independent count from the raw files', async () => {
    const raw = rawPayloadsByCountry();
    for (const key of ['CN', 'US', 'JP', 'GB', 'FR', 'IN', 'RU', 'esa', 'multinational']) {
      const f = await ctx().get<{ country: string; total: number; countryCodes: Record<string, number> }>(`/api/v1/analytics/spacecraft?country=${key}&asOf=2026-07-10`);
      expect([key, f.total]).toEqual([key, raw.get(key) ?? 0]);
      expect(f.country).toBe(key);
    }
    expect(raw.get('JP')).toBeGreaterThan(50);
    const jp = await ctx().get<{ countryCodes: Record<string, number> }>('/api/v1/analytics/spacecraft?country=JP&asOf=2026-07-10');
    expect(Object.keys(jp.countryCodes).sort()).toEqual(expect.arrayContaining(['gcat-launchlog-state J']));
  });

  it('says what the count cannot see: payloads attributed to no country, which countries name rules cover, and "other" that is unclassified', async () => {
    const raw = rawPayloadsByCountry();
    type F = { coverage: string; unattributedPayloads: number; nameRuleCountries: string[]; missionUnclassified: number };
    const us = await ctx().get<F>('/api/v1/analytics/spacecraft?country=US&asOf=2026-07-10');
    const cn = await ctx().get<F>('/api/v1/analytics/spacecraft?country=CN&asOf=2026-07-10');
    expect(us.unattributedPayloads).toBe(raw.get(''));
    expect(cn.unattributedPayloads).toBe(raw.get(''));
    // Starlink satellites launched after the launch log's end are among them: no name rule covers the US.
    expect(raw.get('')).toBeGreaterThan(4000);
    expect(us.nameRuleCountries).toEqual(['CN']);
    expect(us.coverage).toContain(`${raw.get('')!.toLocaleString('en-US')} payloads in this snapshot are attributed to no country`);
    expect(us.coverage).toMatch(/not comparable/);
    expect(cn.coverage).not.toMatch(/not comparable/);
    expect(us.missionUnclassified).toBe(raw.get('unclassified:US') ?? 0);
    expect(cn.missionUnclassified).toBe(raw.get('unclassified:CN') ?? 0);
    expect(us.coverage).toContain(`"Other" includes ${us.missionUnclassified.toLocaleString('en-US')} payloads`);
  });

  it('names the payloads of Hong Kong and Macao, which keep their own codes, as not in China\'s count', async () => {
    const names = new Map<string, string[]>();
    const raw = rawPayloadsByCountry(names);
    expect(raw.get('HK')).toBeGreaterThan(5);
    const cn = await ctx().get<{ coverage: string; objects: { objectName: string }[] }>('/api/v1/analytics/spacecraft?country=CN&asOf=2026-07-10&objects=true');
    const listed = (n: string[]) => [...n].sort().join(', ');
    expect(cn.coverage).toContain(`Hong Kong (HK): ${raw.get('HK')} (${listed(names.get('HK')!)})`);
    expect(cn.coverage).toContain(`Macao (MO): ${raw.get('MO') ?? 0}`);
    const inChina = new Set(cn.objects.map((o) => o.objectName));
    for (const n of names.get('HK')!) expect(inChina.has(n), n).toBe(false);
    // The raw launch log gives APT Satellite's APSTAR-6D and 6E to its Shenzhen company (SatState CN): they are China's.
    expect(names.get('CN')).toEqual(expect.arrayContaining(['APSTAR-6D', 'APSTAR-6E']));
    expect(names.get('HK')).toEqual(expect.arrayContaining(['APSTAR-7', 'APSTAR-9', 'APSTAR-6C']));
    expect(inChina.has('APSTAR-6D') && inChina.has('APSTAR-6E')).toBe(true);
    // Another country's coverage has no such sentence.
    expect((await ctx().get<{ coverage: string }>('/api/v1/analytics/spacecraft?country=US&asOf=2026-07-10')).coverage).not.toContain('keep their own ISO');
  });

  it('cites the owner catalogs whose rows attributed the objects, and dates their end by those catalogs, not by a fixed list', async () => {
    const db = ctx().store.db;
    const launchLog = await db.selectFrom('launch_objects').select('source_id').distinct().execute();
    const ucs = await db.selectFrom('ucs_satellites').select('source_id').distinct().execute();
    expect([launchLog.length, ucs.length]).toEqual([1, 1]);
    const f = await ctx().get<{ coverage: string; sources: string[]; snapshot: { sourceId: string } }>('/api/v1/analytics/spacecraft?country=FR&asOf=2026-07-10');
    expect(f.sources).toEqual([f.snapshot.sourceId, launchLog[0]!.source_id, ucs[0]!.source_id]);
    // The catalogs' own dates, as the bundled files name them (data/snapshots/NOTES.md).
    const fileDate = (prefix: string) => readdirSync('data/snapshots').find((n) => n.startsWith(prefix))!.match(/\d{4}-\d{2}-\d{2}/)![0];
    expect(f.coverage).toContain(`(GCAT launch log ${fileDate('gcat_launchlog_')}, UCS Satellite Database ${fileDate('ucs_satellite_database_')})`);
  });

};
