/** The catalog-vs-reported review: qualifier reading, latest reported count, near misses and causes, on rows copied from the bundled GP file. */
import { describe, expect, it } from 'vitest';
import { agrees, catalogReview, constellationWords, latestReported, type ReportedCount } from '../../src/analytics/constellation-catalog.js';
import type { ClassifiedObject } from '../../src/analytics/spacecraft.js';
import type { ObjectNameRule } from '../../src/model/rules.js';

const rule = (id: string, pattern: string, program: string, status: 'reported' | 'unverified' = 'reported'): ObjectNameRule =>
  ({ id, pattern, program, country: 'CN', missionType: 'earth-observation', cite: { source: 'gcat-launchlog-2024-12-08' }, status });
const RULES = [rule('beijing-3c', '^2024-094[A-D]$', 'program.beijing-3c'), rule('qianfan', '^QIANFAN\\b', 'program.qianfan')];

/** Objects as the classifier leaves them; names, designators and NORAD ids from celestrak_gp_active_2026-07-10.csv. */
function obj(noradId: number, objectName: string, objectId: string, ruleId: string | null, program: string | null = null): ClassifiedObject {
  return {
    noradId, objectName, objectId, program, missionRule: ruleId ? `name-rule:${ruleId}` : 'none', kind: 'payload',
    country: 'CN', countryCode: 'CN', unmappedCodes: [], countryRule: 'gcat-launchlog-state', inferred: false, operator: null, missionType: 'earth-observation',
    epoch: '2026-07-10T00:00:00', regime: 'SSO', perigeeKm: 500, apogeeKm: 510, inclination: 97.4,
  };
}
const SNAP = { id: 'celestrak-gp:2026-07-10', asOf: '2026-07-10', sourceId: 'celestrak-gp-active-2026-07-10' };
const reported = (value: number, asOf: string | null, extra: Partial<ReportedCount> = {}): ReportedCount =>
  ({ value, qualifier: null, sourceId: 'redshift-2025', locator: '§3.3.3', asOf, status: 'reported', original: null, note: null, ...extra });

describe('constellation catalog review', () => {
  it('reads the reported qualifier: "at least 18" agrees with 20, "approximately 130" does not with 72', () => {
    expect(agrees(20, { value: 18, qualifier: 'at least' })).toBe(true);
    expect(agrees(17, { value: 18, qualifier: 'at least' })).toBe(false);
    expect(agrees(72, { value: 130, qualifier: 'approximately' })).toBe(false);
    expect(agrees(4, { value: 4, qualifier: null })).toBe(true);
    expect(agrees(13001, { value: 13000, qualifier: 'up to' })).toBe(false);
  });

  it('takes the newest reported count, the first (preferred) on a tie', () => {
    expect(latestReported([reported(117, '2025-04'), reported(130, '2025-09')])!.value).toBe(130);
    expect(latestReported([reported(4, '2024-05'), reported(5, '2024-05')])!.value).toBe(4);
    expect(latestReported([])).toBeNull();
  });

  it('collects words from names, aliases and rule patterns, without general words', () => {
    expect(constellationWords(['Three-Body Computing Constellation', 'ADA Space in-space computing constellation'], [rule('scs', '^SCS-01 [A-Z]$', 'program.three-body')]))
      .toEqual(['ADA', 'BODY', 'COMPUTING', 'SCS', 'THREE']);
  });

  it('Beijing-3C: matched by designator, with Beijing-1 and Beijing-3B as near misses, and agreeing with the reported four', () => {
    const objects = [
      ...['A', 'B', 'C', 'D'].map((p, i) => obj(59805 + i, `2024-094${p}`, `2024-094${p}`, 'beijing-3c', 'program.beijing-3c')),
      obj(28890, 'BEIJING 1', '2005-043A', null), obj(53587, 'BEIJING-3B', '2022-103A', null), obj(60379, 'QIANFAN-1', '2024-140A', 'qianfan', 'program.qianfan'),
    ];
    const r = catalogReview({ id: 'program.beijing-3c', names: ['Beijing-3C'] }, RULES, objects, SNAP, [reported(4, '2024-05-20')]);
    expect(r.catalog).toMatchObject({ count: 4, inferred: 0, asOf: '2026-07-10' });
    expect(r.catalog.definition).toContain('beijing-3c');
    expect(r.matched.map((m) => m.ruleId)).toEqual(['beijing-3c', 'beijing-3c', 'beijing-3c', 'beijing-3c']);
    expect(r.nearMisses.map((n) => [n.objectName, n.reason])).toEqual([['BEIJING 1', 'shared-name-word'], ['BEIJING-3B', 'shared-name-word']]);
    expect(r.discrepancy).toBeNull();
  });

  it('a shortfall names its causes: unmatched names, a reported figure that counts launches, an unverified report', () => {
    const objects = [obj(59805, '2024-094A', '2024-094A', 'beijing-3c', 'program.beijing-3c'), obj(59806, '2024-094B', '2024-094B', null)];
    const r = catalogReview({ id: 'program.beijing-3c', names: ['Beijing-3C'] }, RULES, objects, SNAP,
      [reported(4, '2025-09', { status: 'unverified', original: 'launched in May 2024', note: 'undated' })]);
    expect(r.nearMisses).toMatchObject([{ objectName: '2024-094B', reason: 'same-launch-designator-name' }]);
    expect(r.discrepancy).toMatchObject({ difference: -3, catalog: 1, reported: 4 });
    expect(r.discrepancy!.causes.map((c) => c.code)).toEqual(['unmatched-names', 'reported-counts-launched', 'reported-unverified']);
  });

  it('a surplus over an older reported figure is put down to launches since; no rule means 0 by construction', () => {
    const qf = catalogReview({ id: 'program.qianfan', names: ['Qianfan'] }, RULES,
      [obj(60379, 'QIANFAN-1', '2024-140A', 'qianfan', 'program.qianfan'), obj(60380, 'QIANFAN-2', '2024-140B', 'qianfan', 'program.qianfan')], SNAP, [reported(1, '2024-12-08')]);
    expect(qf.discrepancy!.causes.map((c) => c.code)).toEqual(['launched-after-report']);
    const none = catalogReview({ id: 'program.vleo', names: ['Future VLEO constellation'] }, RULES, [], SNAP, [reported(3, '2025-09')]);
    expect(none.discrepancy!.causes.map((c) => c.code)).toEqual(['no-counting-rule', 'catalog-counts-active-only']);
  });
});
