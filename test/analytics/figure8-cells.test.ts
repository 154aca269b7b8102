/**
 * Figure 8's counts are read in one pass over a snapshot's objects; the reference here counts each
 * mission type and orbit regime with its own filter, as the figure was first written. On generated
 * objects (countries, kinds, missions, regimes and rules drawn at random) both give the same cells,
 * in the same order, and the same totals.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { figure8, type ClassifiedObject } from '../../src/analytics/spacecraft.js';
import { MISSION_TYPES, ORBIT_REGIMES } from '../../src/model/kinds.js';

const snapshot = { id: 's', sourceId: 'celestrak-gp-active-2026-07-10', asOf: '2026-07-10', objectCount: 0 };

const object = fc.record({
  country: fc.constantFrom('CN', 'US', null),
  kind: fc.constantFrom('payload', 'rocket-body', 'debris'),
  missionType: fc.constantFrom(...MISSION_TYPES),
  regime: fc.constantFrom(...ORBIT_REGIMES),
  countryRule: fc.constantFrom('name-rule:guowang', 'satcat', 'gcat'),
  missionRule: fc.constantFrom('none', 'ucs-purpose', 'name-rule:x'),
  countryCode: fc.constantFrom('PRC', null),
}).map((o) => o as unknown as ClassifiedObject);

describe('Figure 8 cells', () => {
  it('equal a filter per mission type and orbit regime', () => {
    fc.assert(fc.property(fc.array(object, { maxLength: 300 }), fc.constantFrom('CN', 'US'), (objects, country) => {
      const f = figure8(objects, snapshot, [], { country });
      const mine = objects.filter((o) => o.country === country && o.kind === 'payload');
      const cells = MISSION_TYPES.flatMap((missionType) => ORBIT_REGIMES.map((regime) => ({
        missionType, regime, count: mine.filter((o) => o.missionType === missionType && o.regime === regime).length,
      }))).filter((c) => c.count > 0);
      expect(f.cells).toEqual(cells);
      expect(f.total).toBe(mine.length);
      expect(f.unattributedPayloads).toBe(objects.filter((o) => o.country === null && o.kind === 'payload').length);
      expect(f.nameRuleCountries).toEqual([...new Set(objects.filter((o) => o.countryRule.startsWith('name-rule:') && o.country !== null).map((o) => o.country!))].sort());
      expect(f.missionUnclassified).toBe(mine.filter((o) => o.missionRule === 'none').length);
    }), { seed: 20_261_207, numRuns: 300 });
  });
});
