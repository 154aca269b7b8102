/**
 * The safety events of a curated entity: the catalog objects it maps to (its own NORAD number, or
 * the objects the counting rules attribute to a program), their upcoming close approaches (the
 * same screening as the Space safety page: 7 days from the snapshot date, 5 km), their places
 * on the reentry watch (90 days) and the maneuvers detected in their element-set histories. A caller
 * may ask for some kinds only: the others are not computed (screening is the costly part).
 * Memoised per snapshot, rules, entity and kinds; run in the analytics worker.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { Rules } from '../ingest/rules/read-rules.js';
import type { SnapshotInfo } from '../model/catalog-records.js';
import { getEntity } from '../store/queries/entities.js';
import {
  closeApproachEvents, maneuverEvents, reentryWatchEvents, SAFETY_EVENT_DEFINITIONS, SAFETY_EVENT_KINDS, screeningRepresentatives,
  type SafetyEvent, type SafetyEventKind,
} from '../analytics/safety-events.js';
import { AnalyticsError, cachedClassified, cachedSnapshotObjects, rulesVersion, snapshotAt } from './analytics.js';
import { conjunctionReport, SCREEN_METHOD, type ScreenRunner } from './conjunctions.js';
import { DEFAULT_REENTRY_DAYS, reentryReport } from './reentries.js';
import { REENTRY_DEFINITION, REENTRY_LIMITS } from '../analytics/reentry/watch.js';
import { DEFAULT_DAYS, DEFAULT_THRESHOLD_KM } from './screen-parameters.js';
import { memo } from './data-cache.js';
import { MANEUVER_METHOD, maneuverReport, MAX_MANEUVER_OBJECTS } from './maneuvers.js';

/** More distinct element sets than this (a large constellation) are not screened from an entity page: the screening would take minutes. */
export const MAX_ENTITY_SCREENED = 10;

export interface EntitySafetyObject {
  noradId: number;
  /** How the entity maps to the object: its own NORAD number statement, or the program attribution of the counting rules. */
  mappedBy: 'norad-statement' | 'program-rules';
  /** The catalog name in the snapshot, or null when the object is not in it. */
  objectName: string | null;
  /** The object whose element set was screened for it: itself, or the lowest NORAD number sharing its element set (a docked stack); null when not screened. */
  screenedAs: number | null;
}

export interface EntitySafety {
  entityId: string;
  /** The catalog snapshot whose element sets were read. */
  snapshot: SnapshotInfo;
  objects: EntitySafetyObject[];
  /** The event kinds asked for (by default all), each with its definition; events of other kinds are not computed. */
  kinds: SafetyEventKind[];
  definitions: Record<SafetyEventKind, string>;
  screening: {
    start: string; stop: string; days: number; thresholdKm: number;
    /** NORAD numbers screened (one per distinct element set). */
    screened: number[];
    /** Why the objects were not screened, or null. */
    notScreened: string | null;
    method: string;
  };
  reentryWatch: { horizonDays: number; definition: string; limits: string };
  maneuvers: {
    /** Every stored element set of the objects up to the snapshot, compared consecutively. */
    method: string;
    /** Why the objects' maneuvers were not looked for, or null. */
    notChecked: string | null;
  };
  /** Every event, in date order within each kind. */
  events: SafetyEvent[];
}

export async function entitySafety(
  db: Kysely<Database>, rules: Rules, entityId: string, run: ScreenRunner, asked: readonly SafetyEventKind[] = SAFETY_EVENT_KINDS,
): Promise<EntitySafety> {
  const entity = await getEntity(db, entityId);
  if (!entity) throw new AnalyticsError(`no entity "${entityId}"`);
  const { snapshot } = await snapshotAt(db);
  const kinds = SAFETY_EVENT_KINDS.filter((k) => asked.includes(k));
  const notAsked = (kind: SafetyEventKind) => `${kind} events were not asked for (kinds=${kinds.join(',')})`;
  return memo(db, `entity-safety:${snapshot.id}:${rulesVersion(rules)}:${entityId}:${kinds.join(',')}`, async () => {
    const mapped = new Map<number, EntitySafetyObject['mappedBy']>();
    const norad = entity.properties.find((p) => p.property === 'norad')?.preferred[0]?.value;
    if (norad && /^\d{1,9}$/.test(norad)) mapped.set(Number(norad), 'norad-statement');
    if (entity.kind === 'Program') {
      for (const o of await cachedClassified(db, rules, snapshot.id)) if (o.program === entityId && !mapped.has(o.noradId)) mapped.set(o.noradId, 'program-rules');
    }
    const objects = await cachedSnapshotObjects(db, snapshot.id);
    const byId = new Map(objects.map((o) => [o.noradId, o]));
    const present = [...mapped.keys()].map((id) => byId.get(id)).filter((o) => o !== undefined);
    // A stack's members share one element set: each distinct set is screened once, as the lowest NORAD number carrying it in the snapshot.
    const epochs = new Set(present.map((p) => p.epoch));
    const sharing = screeningRepresentatives(objects.filter((o) => epochs.has(o.epoch)));
    const screenedAsOf = new Map<number, number>();
    for (const g of sharing) for (const m of g.members) if (mapped.has(m)) screenedAsOf.set(m, g.representative);
    const screened = [...new Set(screenedAsOf.values())].sort((a, b) => a - b);
    const tooMany = screened.length > MAX_ENTITY_SCREENED;
    const start = `${snapshot.asOf}T00:00:00Z`;
    const stop = new Date(Date.parse(start) + DEFAULT_DAYS * 86_400_000).toISOString().replace('.000Z', 'Z');
    const notScreened = present.length === 0 ? (mapped.size ? `none of the entity's objects is in snapshot ${snapshot.id}` : 'the entity maps to no catalog object')
      : !kinds.includes('close-approach') ? notAsked('close-approach')
      : tooMany ? `${screened.length} distinct element sets: more than ${MAX_ENTITY_SCREENED} are not screened from an entity page (screen them with GET /api/v1/safety/conjunctions or the screen command)` : null;
    const events: SafetyEvent[] = [];
    if (!notScreened) {
      const report = await conjunctionReport(db, rules, { primaries: screened, days: DEFAULT_DAYS, thresholdKm: DEFAULT_THRESHOLD_KM }, run, { persist: true });
      events.push(...closeApproachEvents(report.events, new Set(screened)));
    }
    const watch = kinds.includes('reentry-watch') ? await reentryReport(db, rules, { days: DEFAULT_REENTRY_DAYS }) : null;
    if (watch) events.push(...reentryWatchEvents(watch.candidates, new Set(mapped.keys())));
    const ids = [...mapped.keys()];
    const notChecked = ids.length === 0 ? 'the entity maps to no catalog object'
      : !kinds.includes('maneuver') ? notAsked('maneuver')
      : ids.length > MAX_MANEUVER_OBJECTS ? `${ids.length} objects: more than ${MAX_MANEUVER_OBJECTS} (use GET /api/v1/safety/maneuvers?country=)` : null;
    const maneuvers = notChecked ? null : await maneuverReport(db, rules, { norad: ids });
    if (maneuvers) events.push(...maneuverEvents(maneuvers.detections, new Set(ids)));
    if ((watch && watch.snapshot.id !== snapshot.id) || (maneuvers && maneuvers.snapshot.id !== snapshot.id)) throw new AnalyticsError('the catalog changed while the events were read; ask again');
    return {
      entityId, snapshot,
      objects: [...mapped.entries()].sort((a, b) => a[0] - b[0]).map(([noradId, mappedBy]) => ({
        noradId, mappedBy, objectName: byId.get(noradId)?.objectName ?? null, screenedAs: notScreened ? null : screenedAsOf.get(noradId) ?? null,
      })),
      kinds, definitions: SAFETY_EVENT_DEFINITIONS,
      screening: { start, stop, days: DEFAULT_DAYS, thresholdKm: DEFAULT_THRESHOLD_KM, screened: notScreened ? [] : screened, notScreened, method: SCREEN_METHOD },
      reentryWatch: { horizonDays: DEFAULT_REENTRY_DAYS, definition: REENTRY_DEFINITION, limits: REENTRY_LIMITS },
      maneuvers: { method: MANEUVER_METHOD, notChecked },
      events,
    };
  });
}
