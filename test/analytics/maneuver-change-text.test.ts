/**
 * The change feed's text of a detected maneuver: each quantity with its unit, and none for eccentricity (dimensionless);
 * docked modules that share one element set are one entry.
 */
import { describe, expect, it } from 'vitest';
import { groupSharedElementSets, maneuverChange } from '../../src/analytics/safety-changes.js';
import type { ManeuverChange, ManeuverDetection } from '../../src/analytics/maneuvers/types.js';

const change = (quantity: ManeuverChange['quantity'], unit: ManeuverChange['unit'], value: number): ManeuverChange => ({
  quantity, unit, before: 0, after: value, change: value, expectedChange: 0, allowance: Math.abs(value) / 10, exceeded: true,
});

const detection: ManeuverDetection = {
  noradId: 48274, objectName: 'CSS (TIANHE)', regime: 'LEO',
  before: { id: '48274@2026-07-01T00:00:00.000000Z', epoch: '2026-07-01T00:00:00.000000Z', sourceId: 'celestrak-gp-live', ageDays: 9 },
  after: { id: '48274@2026-07-02T00:00:00.000000Z', epoch: '2026-07-02T00:00:00.000000Z', sourceId: 'celestrak-gp-live', ageDays: 8 },
  interval: { start: '2026-07-01T00:00:00Z', end: '2026-07-02T00:00:00Z', days: 1 },
  singleBurnEstimate: null,
  changes: [change('semiMajorAxis', 'km', 15.2), change('eccentricity', '1', -0.00411)],
  rules: ['semi-major-axis', 'eccentricity'], relocation: false,
};

describe('maneuver change text', () => {
  it('writes kilometres for the semi-major axis and no unit after the eccentricity', () => {
    const { value } = maneuverChange(detection, '2026-07-10T23:59:59Z', '2026-07-11T00:00:00Z', 'CN');
    expect(value).toContain('semiMajorAxis +15.2 km (expected');
    expect(value).toContain('eccentricity -0.00411 (expected');
    expect(value).not.toMatch(/-0\.00411 1\b/);
  });

  it('makes one entry of modules that share the later element set, led by the lowest NORAD number and naming the others', () => {
    const module = (noradId: number, objectName: string, beforeEpoch: string): ManeuverDetection => ({
      ...detection, noradId, objectName, before: { ...detection.before, id: `${noradId}@${beforeEpoch}`, epoch: beforeEpoch },
      after: { ...detection.after, id: `${noradId}@${detection.after.epoch}` },
    });
    const stack = [module(54216, 'CSS (MENGTIAN)', detection.before.epoch), module(48274, 'CSS (TIANHE)', detection.before.epoch), module(53239, 'CSS (WENTIAN)', '2026-06-30T18:00:00.000000Z')];
    // Another object with a change at the same epoch but its own element set stays apart.
    const other: ManeuverDetection = { ...module(60000, 'OTHER', detection.before.epoch), changes: [change('semiMajorAxis', 'km', 3.1)] };
    const groups = groupSharedElementSets([...stack, other]);
    expect(groups.map((g) => [g.lead.noradId, g.with.map((d) => d.noradId)])).toEqual([[48274, [53239, 54216]], [60000, []]]);
    const { title } = maneuverChange(groups[0]!.lead, '2026-07-10T23:59:59Z', '2026-07-11T00:00:00Z', 'CN', groups[0]!.with);
    expect(title).toContain('CSS (TIANHE), NORAD 48274 with CSS (WENTIAN) (NORAD 53239) and CSS (MENGTIAN) (NORAD 54216), which share its element set (one stack)');
  });
});
