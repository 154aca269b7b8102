/**
 * The GEO belt view of a set of objects: for each, the mean geographic longitude and drift rate at every element
 * set's epoch (geo-longitude.ts), and the maneuvers detected between consecutive element sets (detect.ts), with the
 * relocations among them.
 */
import { epochMicros, MICROS_PER_DAY } from '../../orbit/epoch-micros.js';
import type { OrbitRegime } from '../../orbit/regime.js';
import { detectManeuvers, historiesOf, regimeOf } from './detect.js';
import { geoLongitude } from './geo-longitude.js';
import type { ManeuverDetection, ManeuverElements } from './types.js';

export interface GeoBeltPoint {
  elementSetId: string;
  epoch: string;
  sourceId: string;
  /** Days from the epoch to the reference instant (the end of the snapshot's as-of date, UTC). */
  ageDays: number;
  regime: OrbitRegime;
  /** Mean geographic longitude at the epoch, degrees east in (−180, 180]. */
  longitudeDeg: number;
  /** Mean-longitude drift rate, deg/day, positive eastward. */
  driftDegPerDay: number;
}

export interface GeoBeltObject {
  noradId: number;
  objectName: string;
  /** The classification's program id (data/rules/classification.yaml), or null. */
  program: string | null;
  points: GeoBeltPoint[];
  /** Maneuvers between consecutive element sets (any rule). */
  maneuvers: ManeuverDetection[];
  /** How many of them are relocations (moved to another longitude or set drifting; thresholds.ts RELOCATION). */
  relocations: number;
}

export const isRelocation = (d: ManeuverDetection): boolean => d.relocation;

/**
 * Objects with at least one element set in the GEO regime, each with every element set it has (so a relocation
 * out of or into the belt shows), in NORAD order. `programOf` names each object's program.
 */
export function geoBelt(sets: readonly ManeuverElements[], programOf: (noradId: number) => string | null, referenceMicros: number): GeoBeltObject[] {
  const out: GeoBeltObject[] = [];
  // Element sets without a bound orbit have no longitude (detect.ts skips them too).
  for (const history of historiesOf(sets.filter((s) => s.meanMotion > 0 && s.eccentricity < 1))) {
    const regimes = history.map(regimeOf);
    if (!regimes.includes('GEO')) continue;
    const { detections } = detectManeuvers(history, { referenceMicros });
    const last = history[history.length - 1]!;
    out.push({
      noradId: last.noradId, objectName: last.objectName, program: programOf(last.noradId),
      points: history.map((e, k) => {
        const g = geoLongitude(e);
        return { elementSetId: e.id, epoch: e.epoch, sourceId: e.sourceId, ageDays: (referenceMicros - epochMicros(e.epoch)) / MICROS_PER_DAY,
          regime: regimes[k]!, longitudeDeg: g.longitudeDeg, driftDegPerDay: g.driftDegPerDay };
      }),
      maneuvers: detections,
      relocations: detections.filter(isRelocation).length,
    });
  }
  return out;
}
