/**
 * "Which crews and cargo ships flew to China's space station?" The API's list against the
 * raw GCAT launch log (plain tab splitting): Shenzhou and Tianzhou payloads launched on or
 * after Tianhe, the core module. Shenzhou-9/10/11 and Tianzhou-1 went to Tiangong-1/2.
 */
import { expect, it } from 'vitest';
import { readSnapshot } from '../../../src/services/bundled-snapshots.js';
import type { AnswerSuite } from '../harness.js';

interface Visits { definition: string; coreModuleLaunch: string | null; visits: { name: string; role: string; launchTag: string }[] }

function rawVisits(): { core: string; names: string[] } {
  const rows = readSnapshot('gcat_launchlog_2024-12-08.tsv.gz').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t').map((f) => f.trim()));
  // Columns: 0 Launch_Tag, 1 Launch_Date ("2021 Apr 29 0323:16"), 3 Type, 4 Name.
  const day = (d: string) => new Date(`${d.slice(0, 11)} UTC`).toISOString().slice(0, 10);
  const core = rows.find((f) => f[4] === 'Tianhe')!;
  const seen = new Set<string>();
  const names: string[] = [];
  for (const f of rows) {
    const m = /^(Shenzhou|Tianzhou)[ -](\d+)$/.exec(f[4]!);
    if (!m || !f[3]!.startsWith('P') || day(f[1]!) < day(core[1]!) || seen.has(f[0]!)) continue;
    seen.add(f[0]!);
    names.push(`${m[1]}-${m[2]}`);
  }
  return { core: day(core[1]!), names };
}

export const answers: AnswerSuite = (ctx) => {
  it('crew and cargo launches to the station are those after Tianhe in the raw launch log, none to Tiangong-1/2', async () => {
    const res = await ctx().get<{ crewAndCargo: Visits }>('/api/v1/analytics/tiangong');
    const raw = rawVisits();
    expect(res.crewAndCargo.coreModuleLaunch?.slice(0, 10)).toBe(raw.core);
    expect(res.crewAndCargo.visits.map((v) => v.name)).toEqual(raw.names);
    expect(raw.names.length).toBeGreaterThan(10);
    for (const old of ['Shenzhou-9', 'Shenzhou-10', 'Shenzhou-11', 'Tianzhou-1']) expect(res.crewAndCargo.visits.map((v) => v.name)).not.toContain(old);
    expect(res.crewAndCargo.visits.filter((v) => v.role === 'crew').every((v) => v.name.startsWith('Shenzhou'))).toBe(true);
    expect(res.crewAndCargo.definition).toMatch(/on or after the launch of the core module Tianhe/);
  });
};
