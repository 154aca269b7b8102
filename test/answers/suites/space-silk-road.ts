/** "Which countries take part in the Space Silk Road?" Partners only: China runs the programme and is not its own partner. */
import { expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AnswerSuite } from '../harness.js';
import { rawYaml } from '../../support/raw-files.js';

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
};
