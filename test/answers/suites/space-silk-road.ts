/** "Which countries take part in the Space Silk Road?" Partners only: China runs the programme and is not its own partner. */
import { expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AnswerSuite } from '../harness.js';
import { rawYaml, seedText } from '../../support/raw-files.js';

const DIR = 'data/kb/entities';

/** Country parties of the agreements of a framework, read from the curated files as plain YAML. */
function rawParties(framework: string): string[] {
  const out = new Set<string>();
  for (const f of (readdirSync(DIR, { recursive: true }) as string[]).filter((x) => x.endsWith('.yaml'))) {
    const doc = rawYaml(join(DIR, f)) as { entities: { framework?: unknown; party?: unknown[] }[] };
    for (const e of doc.entities) {
      const fw = JSON.stringify(e.framework ?? null);
      if (!fw.includes(`"${framework}"`)) continue;
      for (const p of e.party ?? []) {
        const id = typeof p === 'string' ? p : (p as { value: string }).value;
        if (id.startsWith('country.')) out.add(id.slice(8).toUpperCase());
      }
    }
  }
  return [...out].sort();
}

export const answers: AnswerSuite = (ctx) => {
  it.each([['space-silk-road', 'program.space-silk-road'], ['bri', 'program.bri']])('the %s map lists partner countries, never China', async (set, framework) => {
    const res = await ctx().get<{ name: string; features: { properties: { iso2: string } }[] }>(`/api/v1/geo/countries?set=${set}`);
    const isos = res.features.map((f) => f.properties.iso2).sort();
    expect(isos).not.toContain('CN');
    expect(isos).toEqual(rawParties(framework).filter((c) => c !== 'CN'));
    expect(res.name).toMatch(/China excluded/);
  });

  it('the Belt and Road layer says what it holds (the AEI tracker\'s eight investments and Pakistan\'s 2019 agreements, as the seed text gives them), and the Space Silk Road layer names the report\'s participants it cannot shade', async () => {
    const seed = seedText('003_c24ce7c9e2708025.txt');
    const bri = await ctx().get<{ name: string; definition: string }>('/api/v1/geo/countries?set=bri');
    expect(`${bri.name} ${bri.definition}`).not.toMatch(/unverified|undated/);
    // The eight countries of the AEI sentence, as the report writes them.
    const aei = /The countries involved are ([^.]+)\./.exec(seed)![1]!;
    for (const country of ['Argentina', 'Nigeria', 'South Korea', 'France', 'Thailand', 'Luxembourg', 'Bolivia']) {
      expect(aei).toContain(country);
      expect(bri.definition).toContain(country);
    }
    expect(bri.definition).toMatch(/\[062\]/);
    const ssr = await ctx().get<{ definition: string; features: { properties: { iso2: string } }[] }>('/api/v1/geo/countries?set=space-silk-road');
    const named = /scattered partnerships in ([^.]+)\. Brazil/.exec(seed)![1]!;
    const shaded = new Set(ssr.features.map((f) => f.properties.iso2));
    for (const [country, iso] of [['Argentina', 'AR'], ['South Africa', 'ZA'], ['Turkey', 'TR']] as const) {
      expect(named).toContain(country);
      // Named in the definition exactly when the map cannot shade it.
      expect(ssr.definition.includes(country), country).toBe(!shaded.has(iso));
    }
  });
};
