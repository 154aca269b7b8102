/**
 * "How many operational spacecraft does Japan (the UK, France, ESA …) have, and by what?"
 * Figure 8 through the public API with a `country` filter in ISO 3166-1 alpha-2 (or a named
 * group), against an independent count from the raw files: payloads of the 2026-07-10 GP file
 * attributed by the GCAT launch log's SatState, else UCS "Country of Operator/Owner", else the
 * curated name rules, each dataset code turned into an ISO code or group by reading
 * data/rules/country-codes.yaml here directly (plain string splitting, not the product's parsers).
 */
import { expect, it } from 'vitest';
import { readSnapshot } from '../../../src/services/bundled-snapshots.js';
import type { AnswerSuite } from '../harness.js';
import { csvFields, rawGcatByNorad, rawUcsCountryByNorad, rawYaml } from '../../support/raw-files.js';

interface CodeEntry { code: string; iso?: string; group?: string; noCountry?: boolean }

const mapping = rawYaml('data/rules/country-codes.yaml') as { gcatStateCodes: CodeEntry[]; ucsCountryNames: CodeEntry[] };
const keyOfGcat = new Map(mapping.gcatStateCodes.map((e) => [e.code, e.iso ?? e.group ?? null]));
const keyOfUcs = new Map(mapping.ucsCountryNames.map((e) => [e.code, e.iso ?? e.group ?? null]));


/** Payloads per country key in the 2026-07-10 GP file: GCAT SatState, else UCS operator country, else the curated name rules. */
function rawPayloadsByCountry(): Map<string, number> {
  const gcat = rawGcatByNorad();
  const ucs = rawUcsCountryByNorad();
  const rules = (rawYaml('data/rules/classification.yaml') as { objectNameRules: { pattern: string; country: string }[] })
    .objectNameRules.map((r) => ({ re: new RegExp(r.pattern), country: r.country }));
  const out = new Map<string, number>();
  for (const l of readSnapshot('celestrak_gp_active_2026-07-10.csv.gz').split('\n').slice(1)) {
    if (!l.trim()) continue;
    const f = csvFields(l);
    const [name, norad] = [f[0]!, Number(f[11])];
    const g = gcat.get(norad);
    const key = (g && keyOfGcat.get(g.state)) ?? keyOfUcs.get(ucs.get(norad) ?? '') ?? rules.find((r) => r.re.test(name.toUpperCase()))?.country ?? null;
    const payload = g ? g.type === 'P' : !/\bR\/B\b|\bDEB\b/.test(name);
    if (key && payload) out.set(key, (out.get(key) ?? 0) + 1);
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

};
