/**
 * Maneuver detection from consecutive element sets of each object. For each pair (earlier, later) by epoch:
 *
 *  - semi-major axis a (from the Kozai mean motion, two-body): the change minus the drag decay the two sets'
 *    published mean-motion derivatives predict, against the regime's allowance (thresholds.ts);
 *  - inclination and eccentricity: the change against a floor plus a natural rate times the interval;
 *  - GEO (the earlier set in the GEO regime): the mean longitude against the trapezoid of the two drift rates,
 *    allowed to differ by a floor plus the triaxiality bound λ̈max·Δt²/4 (the largest deviation any longitude
 *    acceleration bounded by λ̈max can make from the trapezoid), and the drift-rate change against a floor plus
 *    λ̈max·Δt.
 *
 * A pair is a detection when any rule fires; the maneuver is dated to the interval between the two epochs. A GEO
 * detection is a relocation when the object moved or set off drifting (thresholds.ts RELOCATION).
 */
import { classifyOrbit, type OrbitRegime } from '../../orbit/regime.js';
import { semiMajorAxisFromMeanMotion } from '../../orbit/elements.js';
import { epochMicros, isoFromMicros, MICROS_PER_DAY } from '../../orbit/epoch-micros.js';
import { GEO_LONGITUDE_THRESHOLDS, GEO_MAX_LONGITUDE_ACCELERATION_DEG_PER_DAY2, MANEUVER_THRESHOLDS, RELOCATION } from './thresholds.js';
import { geoLongitude, singleBurnMicros, wrapDeg } from './geo-longitude.js';
import type { ElementSetRef, ManeuverChange, ManeuverCounts, ManeuverDetection, ManeuverElements, ManeuverRule } from './types.js';

const RULE_OF: Record<ManeuverChange['quantity'], ManeuverRule> = {
  semiMajorAxis: 'semi-major-axis', inclination: 'inclination', eccentricity: 'eccentricity', geoLongitude: 'geo-longitude', geoDriftRate: 'geo-drift-rate',
};

export interface DetectOptions {
  /** Reference instant for element-set ages, µs since 1970 (the end of the snapshot's as-of date). */
  referenceMicros: number;
}

function change(quantity: ManeuverChange['quantity'], unit: ManeuverChange['unit'], before: number, after: number, delta: number, expectedChange: number, allowance: number): ManeuverChange {
  return { quantity, unit, before, after, change: delta, expectedChange, allowance, exceeded: Math.abs(delta - expectedChange) > allowance };
}

export function regimeOf(e: ManeuverElements): OrbitRegime {
  return classifyOrbit({ meanMotion: e.meanMotion, eccentricity: e.eccentricity, inclinationDeg: e.inclination });
}

/** The changes between two element sets of one object with their allowances, or null when not comparable. */
export function compareElementSets(a: ManeuverElements, b: ManeuverElements): { regime: OrbitRegime; changes: ManeuverChange[]; singleBurnMicros: number | null } | null {
  if (!(a.meanMotion > 0 && b.meanMotion > 0 && a.eccentricity < 1 && b.eccentricity < 1)) return null;
  const t1 = epochMicros(a.epoch), t2 = epochMicros(b.epoch);
  const days = (t2 - t1) / MICROS_PER_DAY;
  if (!(days > 0)) return null;
  const regime = regimeOf(a);
  const th = MANEUVER_THRESHOLDS[regime];
  if (!th) return null;
  const a1 = semiMajorAxisFromMeanMotion(a.meanMotion), a2 = semiMajorAxisFromMeanMotion(b.meanMotion);
  // Published meanMotionDot is ṅ/2 (rev/day²). Δa = −(2/3)·a·Δn/n.
  const ndot1 = 2 * a.meanMotionDot, ndot2 = 2 * b.meanMotionDot;
  const kmPerRevPerDay = (-2 / 3) * (a1 / a.meanMotion);
  const expectedDa = th.drag ? kmPerRevPerDay * ((ndot1 + ndot2) / 2) * days : 0;
  const dragSpread = !th.drag ? 0 : th.dragUncertainty * Math.abs(kmPerRevPerDay) * Math.max(Math.abs(ndot1), Math.abs(ndot2)) * days;
  const changes: ManeuverChange[] = [
    change('semiMajorAxis', 'km', a1, a2, a2 - a1, expectedDa, th.semiMajorAxisKm + th.semiMajorAxisKmPerDay * days + dragSpread),
    change('inclination', 'deg', a.inclination, b.inclination, b.inclination - a.inclination, 0, th.inclinationDeg + th.inclinationDegPerDay * days),
    change('eccentricity', '1', a.eccentricity, b.eccentricity, b.eccentricity - a.eccentricity, 0, th.eccentricity + th.eccentricityPerDay * days),
  ];
  let burn: number | null = null;
  if (regime === 'GEO') {
    const g1 = geoLongitude(a), g2 = geoLongitude(b);
    const meanDrift = ((g1.driftDegPerDay + g2.driftDegPerDay) / 2) * days;
    const residual = wrapDeg(g2.longitudeDeg - g1.longitudeDeg - meanDrift);
    const acc = GEO_MAX_LONGITUDE_ACCELERATION_DEG_PER_DAY2;
    changes.push(change('geoLongitude', 'deg', g1.longitudeDeg, g2.longitudeDeg, meanDrift + residual, meanDrift,
      GEO_LONGITUDE_THRESHOLDS.longitudeDeg + (acc * days * days) / 4));
    const driftAllowance = GEO_LONGITUDE_THRESHOLDS.driftDegPerDay + acc * days;
    changes.push(change('geoDriftRate', 'deg/day', g1.driftDegPerDay, g2.driftDegPerDay, g2.driftDegPerDay - g1.driftDegPerDay, 0, driftAllowance));
    burn = singleBurnMicros(t1, t2, g1.driftDegPerDay, g2.driftDegPerDay, meanDrift + residual, driftAllowance);
  }
  return { regime, changes, singleBurnMicros: burn };
}

function ref(e: ManeuverElements, referenceMicros: number): ElementSetRef {
  return { id: e.id, epoch: e.epoch, sourceId: e.sourceId, ageDays: (referenceMicros - epochMicros(e.epoch)) / MICROS_PER_DAY };
}

/** Element sets grouped per object, each group sorted by epoch (ties by id), objects by NORAD ID. */
export function historiesOf(sets: readonly ManeuverElements[]): ManeuverElements[][] {
  const by = new Map<number, ManeuverElements[]>();
  for (const s of sets) (by.get(s.noradId) ?? by.set(s.noradId, []).get(s.noradId)!).push(s);
  return [...by.entries()].sort((x, y) => x[0] - y[0]).map(([, h]) => h.sort((x, y) => epochMicros(x.epoch) - epochMicros(y.epoch) || (x.id < y.id ? -1 : 1)));
}

export function detectManeuvers(sets: readonly ManeuverElements[], opts: DetectOptions): { detections: ManeuverDetection[]; counts: ManeuverCounts } {
  const detections: ManeuverDetection[] = [];
  const counts: ManeuverCounts = { objects: 0, pairs: 0, detections: 0, skipped: 0 };
  for (const history of historiesOf(sets)) {
    counts.objects++;
    for (let k = 1; k < history.length; k++) {
      const a = history[k - 1]!, b = history[k]!;
      const c = compareElementSets(a, b);
      if (!c) { counts.skipped++; continue; }
      counts.pairs++;
      const rules = c.changes.filter((x) => x.exceeded).map((x) => RULE_OF[x.quantity]);
      if (rules.length === 0) continue;
      const lon = c.changes.find((x) => x.quantity === 'geoLongitude');
      const drift = c.changes.find((x) => x.quantity === 'geoDriftRate');
      const relocation = (drift !== undefined && drift.exceeded && Math.max(Math.abs(drift.before), Math.abs(drift.after)) >= RELOCATION.minDriftDegPerDay)
        || (lon !== undefined && lon.exceeded && Math.abs(lon.change) >= RELOCATION.minLongitudeChangeDeg);
      detections.push({
        noradId: b.noradId, objectName: b.objectName, regime: c.regime,
        before: ref(a, opts.referenceMicros), after: ref(b, opts.referenceMicros),
        interval: { start: a.epoch, end: b.epoch, days: (epochMicros(b.epoch) - epochMicros(a.epoch)) / MICROS_PER_DAY },
        singleBurnEstimate: c.singleBurnMicros === null ? null : isoFromMicros(c.singleBurnMicros),
        changes: c.changes, rules, relocation,
      });
    }
  }
  counts.detections = detections.length;
  return { detections, counts };
}
