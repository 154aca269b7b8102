/**
 * Maneuver detection and the GEO belt view over the stored element-set history: every element set of the GP
 * snapshots on or before the chosen one, per object, compared consecutively (src/analytics/maneuvers). Objects
 * are chosen by NORAD ID or by the attribution rules' country in the chosen snapshot (objects absent from it,
 * e.g. decayed, are not attributed and so not listed by country). Results are memoised per snapshot and query.
 */
import { ageReferenceMicros, ELEMENT_SET_AGE_DEFINITION } from '../analytics/element-set-age.js';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { Rules } from '../ingest/rules/read-rules.js';
import type { SnapshotInfo } from '../model/catalog-records.js';
import { elementSetsUpTo, type StoredElementSet } from '../store/queries/element-history.js';
import { detectManeuvers } from '../analytics/maneuvers/detect.js';
import { geoBelt, isRelocation, type GeoBeltObject } from '../analytics/maneuvers/geo-belt.js';
import { GEO_LONGITUDE_THRESHOLDS, GEO_MAX_LONGITUDE_ACCELERATION_DEG_PER_DAY2, MANEUVER_THRESHOLDS, RELOCATION, type RegimeThresholds } from '../analytics/maneuvers/thresholds.js';
import type { ManeuverCounts, ManeuverDetection } from '../analytics/maneuvers/types.js';
import type { OrbitRegime } from '../orbit/regime.js';
import { isoFromMicros } from '../orbit/epoch-micros.js';
import { AnalyticsError, cachedClassified, countryParameterProblem, CountryParameterError, rulesVersion, snapshotAt } from './analytics.js';
import { memo } from './data-cache.js';

export const MAX_MANEUVER_OBJECTS = 200;
export const DEFAULT_MANEUVER_COUNTRY = 'CN';

export interface ManeuverQuery {
  /** NORAD catalog numbers; when given, the country is not used. */
  norad?: readonly number[];
  /** ISO 3166-1 alpha-2 or a named group (default CN). */
  country?: string;
  asOf?: string;
}

export const MANEUVER_METHOD = 'Consecutive element sets (by epoch) of each object among every GP snapshot up to the chosen one. '
  + 'Semi-major axis from the Kozai mean motion (two-body); its change is compared with the drag decay the two sets\' '
  + 'published mean-motion derivatives predict (Δa = −(2/3)·a·ṅ·Δt/n), allowed a noise floor plus the larger predicted decay '
  + '(solar activity) and, for geosynchronous orbits, the triaxiality drift; inclination and eccentricity changes against a '
  + 'floor plus a natural rate times the interval; GEO mean longitude against the trapezoid of the two drift rates, allowed '
  + `${GEO_LONGITUDE_THRESHOLDS.longitudeDeg}° plus λ̈max·Δt²/4, and the drift-rate change allowed ${GEO_LONGITUDE_THRESHOLDS.driftDegPerDay} °/day plus λ̈max·Δt `
  + `(λ̈max = ${GEO_MAX_LONGITUDE_ACCELERATION_DEG_PER_DAY2} °/day², Earth's triaxiality). Thresholds per orbit regime of the earlier set. `
  + 'A detection dates the maneuver to the interval between the two epochs; GP element sets have no covariance, so an '
  + 'allowance is a stated engineering choice, not a probability. ' + ELEMENT_SET_AGE_DEFINITION;

export const GEO_BELT_DEFINITION = 'Mean geographic longitude: Ω + ω + M of the element set minus the Greenwich mean sidereal '
  + 'angle at its epoch (degrees east), i.e. the subsatellite longitude averaged over a day; the actual subsatellite point swings '
  + 'around it daily by up to 2e rad plus i²/4 rad. Drift rate: the secular rate of Ω + ω + M (J2, Brouwer mean motion as SGP4 recovers it) '
  + 'minus Earth\'s rotation, deg/day, eastward positive; lunisolar terms are left out (they shift it by 0.002–0.007 °/day). '
  + `Relocation: a GEO maneuver that changed the drift rate beyond its allowance with the rate before or after at least ${RELOCATION.minDriftDegPerDay} °/day, or that fired the longitude rule with a longitude change of at least ${RELOCATION.minLongitudeChangeDeg}°; other GEO detections are station-keeping or plane changes. ${ELEMENT_SET_AGE_DEFINITION}`;

export interface ManeuverReport {
  snapshot: SnapshotInfo;
  /** The snapshots whose element sets form the histories (as-of on or before the chosen snapshot's). */
  snapshots: SnapshotInfo[];
  /** How the objects were chosen. */
  selection: string;
  /** Element-set ages are counted to this instant: the end of the snapshot's as-of date, UTC. */
  referenceInstant: string;
  method: string;
  thresholds: Record<OrbitRegime, RegimeThresholds | null>;
  geoThresholds: { longitudeDeg: number; driftDegPerDay: number; maxLongitudeAccelerationDegPerDay2: number; relocationMinDriftDegPerDay: number; relocationMinLongitudeChangeDeg: number };
  counts: ManeuverCounts;
  detections: ManeuverDetection[];
}

export interface GeoBeltReport {
  snapshot: SnapshotInfo;
  snapshots: SnapshotInfo[];
  selection: string;
  referenceInstant: string;
  definition: string;
  method: string;
  counts: { objects: number; points: number; maneuvers: number; relocations: number };
  objects: GeoBeltObject[];
}

/**
 * The histories of the chosen objects up to a snapshot, read for those objects only (a year of daily snapshots is
 * about 365 element sets per object: reading the whole catalog's would hold millions of rows).
 */
function histories(db: Kysely<Database>, snapshot: SnapshotInfo, ids: ReadonlySet<number>): Promise<StoredElementSet[]> {
  return elementSetsUpTo(db, snapshot.asOf, [...ids].sort((a, b) => a - b));
}

async function chosenObjects(db: Kysely<Database>, rules: Rules, snapshot: SnapshotInfo, q: ManeuverQuery): Promise<{ ids: Set<number>; selection: string; programOf: (id: number) => string | null }> {
  const classified = await cachedClassified(db, rules, snapshot.id);
  const program = new Map(classified.map((o) => [o.noradId, o.program]));
  const programOf = (id: number): string | null => program.get(id) ?? null;
  if (q.norad?.length) {
    if (q.norad.length > MAX_MANEUVER_OBJECTS) throw new AnalyticsError(`at most ${MAX_MANEUVER_OBJECTS} objects`);
    const ids = [...new Set(q.norad)].sort((a, b) => a - b);
    return { ids: new Set(ids), selection: `NORAD ${ids.join(', ')}`, programOf };
  }
  const country = q.country ?? DEFAULT_MANEUVER_COUNTRY;
  const problem = countryParameterProblem(rules, country);
  if (problem) throw new CountryParameterError(problem);
  const ids = new Set(classified.filter((o) => o.country === country).map((o) => o.noradId));
  return { ids, selection: `objects attributed to ${country} in snapshot ${snapshot.id} (${ids.size} objects; attribution rules of data/rules)`, programOf };
}

export async function maneuverReport(db: Kysely<Database>, rules: Rules, q: ManeuverQuery = {}): Promise<ManeuverReport> {
  const { snapshot, all } = await snapshotAt(db, q.asOf);
  const key = `maneuvers:${snapshot.id}:${rulesVersion(rules)}:${q.norad?.length ? [...new Set(q.norad)].sort((a, b) => a - b).join(',') : q.country ?? DEFAULT_MANEUVER_COUNTRY}`;
  return memo(db, key, async () => {
    const { ids, selection } = await chosenObjects(db, rules, snapshot, q);
    const sets = await histories(db, snapshot, ids);
    const ref = ageReferenceMicros(snapshot.asOf);
    const { detections, counts } = detectManeuvers(sets, { referenceMicros: ref });
    detections.sort((a, b) => (a.interval.end < b.interval.end ? 1 : a.interval.end > b.interval.end ? -1 : a.noradId - b.noradId));
    return {
      snapshot, snapshots: all, selection, referenceInstant: isoFromMicros(ref), method: MANEUVER_METHOD,
      thresholds: MANEUVER_THRESHOLDS,
      geoThresholds: { ...GEO_LONGITUDE_THRESHOLDS, maxLongitudeAccelerationDegPerDay2: GEO_MAX_LONGITUDE_ACCELERATION_DEG_PER_DAY2,
        relocationMinDriftDegPerDay: RELOCATION.minDriftDegPerDay, relocationMinLongitudeChangeDeg: RELOCATION.minLongitudeChangeDeg },
      counts, detections,
    };
  });
}

export async function geoBeltReport(db: Kysely<Database>, rules: Rules, q: { country?: string; asOf?: string } = {}): Promise<GeoBeltReport> {
  const { snapshot, all } = await snapshotAt(db, q.asOf);
  const country = q.country ?? DEFAULT_MANEUVER_COUNTRY;
  return memo(db, `geo-belt:${snapshot.id}:${rulesVersion(rules)}:${country}`, async () => {
    const { ids, programOf } = await chosenObjects(db, rules, snapshot, { country });
    const sets = await histories(db, snapshot, ids);
    const ref = ageReferenceMicros(snapshot.asOf);
    const objects = geoBelt(sets, programOf, ref);
    const maneuvers = objects.flatMap((o) => o.maneuvers);
    return {
      snapshot, snapshots: all,
      selection: `objects attributed to ${country} in snapshot ${snapshot.id} (attribution rules of data/rules) with at least one element set in the GEO regime `
        + '(mean motion 0.99–1.01 rev/day, e < 0.01, i < 5°; src/orbit/regime.ts); every element set of each is shown',
      referenceInstant: isoFromMicros(ref), definition: GEO_BELT_DEFINITION, method: MANEUVER_METHOD,
      counts: { objects: objects.length, points: objects.reduce((n, o) => n + o.points.length, 0), maneuvers: maneuvers.length, relocations: maneuvers.filter(isRelocation).length },
      objects,
    };
  });
}
