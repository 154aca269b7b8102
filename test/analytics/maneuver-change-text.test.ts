/** The change feed's text of a detected maneuver: each quantity with its unit, and none for eccentricity (dimensionless). */
import { describe, expect, it } from 'vitest';
import { maneuverChange } from '../../src/analytics/safety-changes.js';
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
});
