/**
 * Space-safety changes in the world (definitions: world-change-types.ts): an object that left the
 * catalog while on the reentry watch, dated by the first snapshot without it; and a computed close
 * approach of the station, dated by its TCA once that day has passed. Pure functions.
 */
import type { SnapshotInfo } from '../model/catalog-records.js';
import type { ConjunctionEvent, EventObject } from './conjunctions/types.js';
import type { ReentryCandidate } from './reentry/types.js';
import type { ManeuverChange, ManeuverDetection } from './maneuvers/types.js';
import type { WorldChange } from './world-change-types.js';

const noEntity = { entityId: null, entityKind: null, entityName: null } as const;
const day = (iso: string) => iso.slice(0, 10);
const age = (d: number) => `${d.toFixed(1)} d`;

/** A watch candidate of snapshot `last` that is absent from `absent` (the next stored snapshot) and every later one. */
export function leftCatalogChange(c: ReentryCandidate, last: SnapshotInfo, absent: SnapshotInfo, recordedAt: string): WorldChange {
  return {
    id: `left-catalog-on-reentry-watch:${String(c.noradId).padStart(9, '0')}:${absent.id}`, type: 'left-catalog-on-reentry-watch',
    // It left after the last snapshot that lists it (possibly later that day) and by the first that does not.
    date: absent.asOf, day: absent.asOf, precision: 'day', earliest: last.asOf, recordedAt,
    title: `Left the catalog while on the reentry watch: ${c.objectName}${c.objectId ? ` (${c.objectId})` : ''}, NORAD ${c.noradId}; `
      + `listed on ${last.asOf}, absent on ${absent.asOf}`,
    ...noEntity, country: c.country, property: 'modelledReentry',
    value: `modelled on ${last.asOf} from the element set of epoch ${c.elementSet.epoch} (age ${age(c.elementSet.ageDays)}): ${day(c.reentry.central)} (window ${day(c.reentry.earliest)} to ${day(c.reentry.latest)})${c.chineseRocketBody ? '; Chinese rocket body' : ''}`,
    previous: { value: 'listed', date: last.asOf, sourceId: last.sourceId, locator: `snapshot ${last.id}; element set epoch ${c.elementSet.epoch} (${c.elementSet.sourceId}; age ${age(c.elementSet.ageDays)} at the end of ${last.asOf} UTC, the end of the snapshot date minus the epoch)` },
    sourceId: absent.sourceId, locator: `NORAD ${c.noradId} absent from snapshot ${absent.id}`,
  };
}

const elementSetText = (o: EventObject) => `NORAD ${o.noradId} epoch ${o.elementEpoch} (${o.elementSourceId}, ${age(o.elementAgeDays)} at TCA)`;

/**
 * Approaches slower than this (km/s) are co-orbital: a docked module or visiting vehicle whose element set is fitted apart
 * from the station's, a rendezvous or formation flight; not close approaches between crossing orbits.
 */
export const CO_ORBITAL_KM_S = 0.05;

/** Whether a screening event is a close approach for the feed (not co-orbital). */
export const isCrossingApproach = (e: ConjunctionEvent): boolean => e.relativeSpeedKmS >= CO_ORBITAL_KM_S;

/** A screening event of the station, from the snapshot whose element sets were screened. */
export function closeApproachChange(e: ConjunctionEvent, snapshot: SnapshotInfo, recordedAt: string, country: string | null): WorldChange {
  return {
    id: `close-approach:${String(e.primary.noradId).padStart(9, '0')}:${String(e.secondary.noradId).padStart(9, '0')}:${e.tca}`, type: 'close-approach',
    date: day(e.tca), day: day(e.tca), precision: 'day', earliest: null, recordedAt,
    title: `Close approach (computed): ${e.primary.objectName} and ${e.secondary.objectName}${e.secondary.objectId ? ` (${e.secondary.objectId})` : ''}, `
      + `NORAD ${e.secondary.noradId}: ${e.missDistanceKm.toFixed(3)} km at ${e.tca.slice(11, 19)} UTC`,
    ...noEntity, country, property: 'missDistanceKm',
    value: `${e.missDistanceKm.toFixed(3)} km at ${e.relativeSpeedKmS.toFixed(3)} km/s; TCA ${e.tca}; element sets ${elementSetText(e.primary)}, ${elementSetText(e.secondary)}`,
    previous: null, sourceId: snapshot.sourceId,
    locator: `snapshot ${snapshot.id}; element sets ${elementSetText(e.primary)} and ${elementSetText(e.secondary)}`,
  };
}

/** A change with its unit; eccentricity's unit "1" (dimensionless) is not written. */
const changeText = (c: ManeuverChange) => `${c.quantity} ${c.change >= 0 ? '+' : ''}${c.change.toPrecision(3)}${c.unit === '1' ? '' : ` ${c.unit}`} (expected ${c.expectedChange.toPrecision(3)}, allowance ${c.allowance.toPrecision(3)})`;

/**
 * Detections of objects that fly as one stack: their later element sets are the same (the same epoch and the same mean
 * elements after the change, as CelesTrak gives docked modules), so they show one maneuver, not one per module. Each group
 * is led by its lowest NORAD number; the others fly with it.
 */
export function groupSharedElementSets(detections: readonly ManeuverDetection[]): { lead: ManeuverDetection; with: ManeuverDetection[] }[] {
  const groups = new Map<string, ManeuverDetection[]>();
  for (const d of [...detections].sort((a, b) => a.noradId - b.noradId)) {
    const key = `${d.after.epoch}|${d.changes.map((c) => `${c.quantity}=${c.after.toPrecision(12)}`).join(',')}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(d);
  }
  return [...groups.values()].map(([lead, ...rest]) => ({ lead: lead!, with: rest }));
}

/**
 * A detection between two consecutive element sets, dated by the later one's epoch (the end of its interval), with the
 * earlier one's day as `earliest` when they fall on different days; ages to the report's reference instant.
 * `flyingWith`: detections of objects that share its later element set (a docked stack), named in the title, not repeated.
 */
export function maneuverChange(d: ManeuverDetection, referenceInstant: string, recordedAt: string, country: string | null, flyingWith: readonly ManeuverDetection[] = []): WorldChange {
  const stack = flyingWith.length ? ` with ${flyingWith.map((o) => `${o.objectName} (NORAD ${o.noradId})`).join(' and ')}, which share its element set (one stack)` : '';
  return {
    id: `maneuver:${String(d.noradId).padStart(9, '0')}:${d.after.epoch}`, type: 'maneuver',
    // Detected between the two element sets' epochs: a window of more than its last day is given as such.
    date: day(d.after.epoch), day: day(d.after.epoch), precision: 'day',
    earliest: day(d.interval.start) < day(d.after.epoch) ? day(d.interval.start) : null, recordedAt,
    title: `${d.relocation ? 'Relocation' : 'Maneuver'} detected: ${d.objectName}, NORAD ${d.noradId}${stack} (${d.regime}; ${d.rules.join(', ')}), `
      + `between ${d.interval.start.slice(0, 16).replace('T', ' ')} and ${d.interval.end.slice(0, 16).replace('T', ' ')} UTC`,
    ...noEntity, country, property: 'maneuver',
    value: `${d.changes.filter((c) => c.exceeded).map(changeText).join('; ')}; element sets epoch ${d.before.epoch} (${d.before.sourceId}, age ${age(d.before.ageDays)}) `
      + `and epoch ${d.after.epoch} (${d.after.sourceId}, age ${age(d.after.ageDays)}) at ${referenceInstant}`,
    previous: { value: 'earlier element set', date: day(d.before.epoch), sourceId: d.before.sourceId, locator: `element set ${d.before.id}` },
    sourceId: d.after.sourceId, locator: `element sets ${d.before.id} and ${d.after.id}`,
  };
}
