/**
 * Backtest of the reentry model on two catalog snapshots: every object of the earlier one is
 * predicted to reenter before the later snapshot's date (00:00 UTC) or not, from its element set
 * alone, and compared with whether it is absent from the later snapshot.
 *
 * Both bundled snapshots are CelesTrak's "active" group, so absence also means an object left the
 * list (retired, lost, renamed as debris) without reentering. Absent objects whose last perigee was
 * above LEO_LIMIT_KM cannot have reentered by drag in weeks; they are counted apart
 * (absentAboveLeo) and recall is also given over the absences in LEO only.
 */
import type { ObjectKind } from '../attribution.js';
import { modelledReentryMs, WINDOW_HIGH, WINDOW_LOW } from './watch.js';
import { EARTH_EQUATORIAL_RADIUS_KM, semiMajorAxisFromMeanMotion } from '../../orbit/elements.js';

/** Upper altitude of the LEO region, km (the IADC space debris mitigation guidelines' LEO protected region). */
export const LEO_LIMIT_KM = 2000;

export interface BacktestObject { noradId: number; epoch: string; meanMotion: number; eccentricity: number; meanMotionDot: number; kind: ObjectKind }

export interface Confusion { predictedAndAbsent: number; predictedButPresent: number; absentNotPredicted: number; presentNotPredicted: number; precision: number | null; recall: number | null }

export interface ReentryBacktest {
  /** The later snapshot's date: predictions are "reenters before this date, 00:00 UTC". */
  cutoff: string;
  objects: number;
  absent: number;
  /** Absent objects whose perigee in the earlier element set was above LEO_LIMIT_KM (left the list, not reentered). */
  absentAboveLeo: number;
  /** Central estimate before the cutoff. */
  central: Confusion;
  /** Recall over absent objects in LEO only (absentAboveLeo left out). */
  recallLeo: number | null;
  /** The window's early and late ends used as the prediction instead of the central estimate. */
  windowEarly: Confusion;
  windowLate: Confusion;
  /** Central estimate, per object kind of the earlier snapshot's objects. */
  byKind: { kind: ObjectKind; confusion: Confusion }[];
  definition: string;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

function confusion(pairs: readonly { predicted: boolean; absent: boolean }[]): Confusion {
  let tp = 0; let fp = 0; let fn = 0; let tn = 0;
  for (const p of pairs) {
    if (p.predicted && p.absent) tp++;
    else if (p.predicted) fp++;
    else if (p.absent) fn++;
    else tn++;
  }
  return { predictedAndAbsent: tp, predictedButPresent: fp, absentNotPredicted: fn, presentNotPredicted: tn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) };
}

export function reentryBacktest(earlier: readonly BacktestObject[], laterIds: ReadonlySet<number>, cutoff: string): ReentryBacktest {
  const cutoffMs = Date.parse(`${cutoff}T00:00:00Z`);
  const rows = earlier.map((o) => {
    const epochMs = Date.parse(o.epoch);
    // Only whether the central estimate or a window end comes before the cutoff matters: the model runs as far as the widest of the three tests needs.
    const central = modelledReentryMs(o, epochMs + (cutoffMs - epochMs) / Math.min(1, WINDOW_LOW, WINDOW_HIGH));
    const at = (f: number): boolean => central !== null && epochMs + (central - epochMs) * f < cutoffMs;
    const perigeeKm = semiMajorAxisFromMeanMotion(o.meanMotion) * (1 - o.eccentricity) - EARTH_EQUATORIAL_RADIUS_KM;
    return { kind: o.kind, absent: !laterIds.has(o.noradId), aboveLeo: perigeeKm > LEO_LIMIT_KM, central: at(1), early: at(WINDOW_LOW), late: at(WINDOW_HIGH) };
  });
  const central = confusion(rows.map((r) => ({ predicted: r.central, absent: r.absent })));
  const leo = rows.filter((r) => !r.aboveLeo);
  const leoConfusion = confusion(leo.map((r) => ({ predicted: r.central, absent: r.absent })));
  const kinds = [...new Set(rows.map((r) => r.kind))].sort();
  return {
    cutoff, objects: rows.length, absent: rows.filter((r) => r.absent).length, absentAboveLeo: rows.filter((r) => r.absent && r.aboveLeo).length,
    central, recallLeo: leoConfusion.recall,
    windowEarly: confusion(rows.map((r) => ({ predicted: r.early, absent: r.absent }))),
    windowLate: confusion(rows.map((r) => ({ predicted: r.late, absent: r.absent }))),
    byKind: kinds.map((kind) => ({ kind, confusion: confusion(rows.filter((r) => r.kind === kind).map((r) => ({ predicted: r.central, absent: r.absent }))) })),
    definition: `Each object of the earlier snapshot is predicted to reenter if its modelled reentry (central estimate, or the window's early or late end) is before ${cutoff} 00:00 UTC; `
      + 'the outcome is its absence from the later snapshot. Precision = predicted and absent / predicted; recall = predicted and absent / absent. '
      + 'Both snapshots are CelesTrak\'s "active" group, so an absence can also mean the object left the list without reentering; '
      + `absences with the earlier perigee above ${LEO_LIMIT_KM} km (the LEO region of the IADC debris mitigation guidelines) cannot be drag reentries and are counted apart, and recall is also given over LEO absences only. `
      + 'A payload that manoeuvres (keeps its altitude) counts as a false prediction: the drag model does not know it will.',
  };
}
