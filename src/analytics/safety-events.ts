/**
 * Safety events of one catalog object, as an entity page shows them: one list of event kinds, each
 * with its definition, its own date, the element sets it was computed from (epochs, sources, ages)
 * and the section of the Space safety page it comes from. Pure functions over the screening and
 * reentry-watch reports; a new kind (e.g. maneuvers) adds a member to SAFETY_EVENT_KINDS, its
 * definition, its event type and a function turning its report into events.
 */
import type { ConjunctionEvent, EventObject } from './conjunctions/types.js';
import type { ReentryCandidate, ReentryFlag } from './reentry/types.js';
import type { ManeuverDetection, ManeuverRule } from './maneuvers/types.js';

export const SAFETY_EVENT_KINDS = ['close-approach', 'reentry-watch', 'maneuver'] as const;
export type SafetyEventKind = (typeof SAFETY_EVENT_KINDS)[number];

/** What each kind is and which date it carries (shown with every list of events). */
export const SAFETY_EVENT_DEFINITIONS: Record<SafetyEventKind, string> = {
  'close-approach': 'A predicted close approach: a local minimum of the distance between the object and another catalog object closer than '
    + 'the threshold within the screening window, by SGP4 from both objects\' element sets in the catalog snapshot (conjunction screening; '
    + 'objects sharing the element set, such as a docked stack, are grouped, not reported). Date: the time of closest approach (TCA). '
    + 'Element-set age: TCA minus the element set\'s epoch. No covariance: a prompt to look, not a collision probability.',
  'reentry-watch': 'The object is on the reentry watch: its element set in the catalog snapshot shows decay and a drag model fitted to its '
    + 'mean-motion rate puts its reentry within the horizon. Date: the modelled central reentry date, a forecast, with its window. '
    + 'Element-set age: the snapshot date minus the epoch.',
  'maneuver': 'A maneuver detected between two consecutive element sets of the object: a change of semi-major axis, inclination, '
    + 'eccentricity or (GEO) longitude or drift rate beyond what drag and the fit noise explain (thresholds per orbit regime). '
    + 'Date: the epoch of the later element set, the first to show it; the maneuver happened between the two epochs. '
    + 'Element-set age: the end of the snapshot date (UTC) minus the epoch.',
};

/** The Space safety page section each kind comes from (web route #/safety, section id). */
export const SAFETY_EVENT_SECTIONS: Record<SafetyEventKind, string> = {
  'close-approach': 'close-approaches',
  'reentry-watch': 'reentries',
  'maneuver': 'maneuvers',
};

/** An element set an event was computed from. */
export interface SafetyElementSet {
  noradId: number;
  objectName: string;
  /** ISO 8601 UTC. */
  epoch: string;
  sourceId: string;
  /** Days, by the basis of the event's kind (see its definition). */
  ageDays: number;
}

interface SafetyEventBase {
  /** The catalog object of the entity the event is about. */
  noradId: number;
  objectName: string;
  /** The event's own date (ISO 8601 UTC): TCA, or the central modelled reentry. */
  date: string;
  /** One line saying what the event is. */
  title: string;
  elementSets: SafetyElementSet[];
  /** The Space safety page section listing it. */
  section: string;
}

export interface CloseApproachSafetyEvent extends SafetyEventBase {
  kind: 'close-approach';
  other: { noradId: number; objectName: string; objectId: string | null };
  missDistanceKm: number;
  relativeSpeedKmS: number;
}

export interface ReentryWatchSafetyEvent extends SafetyEventBase {
  kind: 'reentry-watch';
  reentry: { central: string; earliest: string; latest: string };
  flags: ReentryFlag[];
  chineseRocketBody: boolean;
}

export interface ManeuverSafetyEvent extends SafetyEventBase {
  kind: 'maneuver';
  /** The maneuver happened between these two epochs (UTC). */
  interval: { start: string; end: string; days: number };
  rules: ManeuverRule[];
  relocation: boolean;
}

export type SafetyEvent = CloseApproachSafetyEvent | ReentryWatchSafetyEvent | ManeuverSafetyEvent;

const elementSetOf = (o: EventObject): SafetyElementSet => ({ noradId: o.noradId, objectName: o.objectName, epoch: o.elementEpoch, sourceId: o.elementSourceId, ageDays: o.elementAgeDays });

/**
 * The screening's events that involve one of the objects (as primary or secondary), seen from that
 * object. An approach between two of the objects is listed once, from the lower NORAD number.
 */
export function closeApproachEvents(events: readonly ConjunctionEvent[], noradIds: ReadonlySet<number>): CloseApproachSafetyEvent[] {
  const out: CloseApproachSafetyEvent[] = [];
  const seen = new Set<string>();
  for (const e of events) {
    const sides = [[e.primary, e.secondary], [e.secondary, e.primary]] as const;
    const mine = sides.filter(([self]) => noradIds.has(self.noradId)).sort((a, b) => a[0].noradId - b[0].noradId)[0];
    if (!mine) continue;
    const [self, other] = mine;
    const key = `${Math.min(self.noradId, other.noradId)}:${Math.max(self.noradId, other.noradId)}:${e.tca}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      kind: 'close-approach', noradId: self.noradId, objectName: self.objectName, date: e.tca,
      title: `${self.objectName} and ${other.objectName} (NORAD ${other.noradId}): ${e.missDistanceKm.toFixed(3)} km at ${e.tca.slice(0, 19)}Z`,
      elementSets: [elementSetOf(self), elementSetOf(other)], section: SAFETY_EVENT_SECTIONS['close-approach'],
      other: { noradId: other.noradId, objectName: other.objectName, objectId: other.objectId },
      missDistanceKm: e.missDistanceKm, relativeSpeedKmS: e.relativeSpeedKmS,
    });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.noradId - b.noradId));
}

/** The watch's candidates among the objects. */
export function reentryWatchEvents(candidates: readonly ReentryCandidate[], noradIds: ReadonlySet<number>): ReentryWatchSafetyEvent[] {
  return candidates.filter((c) => noradIds.has(c.noradId)).map((c) => ({
    kind: 'reentry-watch' as const, noradId: c.noradId, objectName: c.objectName, date: c.reentry.central,
    title: `${c.objectName} (NORAD ${c.noradId}): modelled reentry ${c.reentry.central.slice(0, 10)} (window ${c.reentry.earliest.slice(0, 10)} to ${c.reentry.latest.slice(0, 10)})`,
    elementSets: [{ noradId: c.noradId, objectName: c.objectName, epoch: c.elementSet.epoch, sourceId: c.elementSet.sourceId, ageDays: c.elementSet.ageDays }],
    section: SAFETY_EVENT_SECTIONS['reentry-watch'],
    reentry: { central: c.reentry.central, earliest: c.reentry.earliest, latest: c.reentry.latest }, flags: c.flags, chineseRocketBody: c.chineseRocketBody,
  })).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.noradId - b.noradId));
}

/** The detections among the objects. */
export function maneuverEvents(detections: readonly ManeuverDetection[], noradIds: ReadonlySet<number>): ManeuverSafetyEvent[] {
  return detections.filter((d) => noradIds.has(d.noradId)).map((d) => ({
    kind: 'maneuver' as const, noradId: d.noradId, objectName: d.objectName, date: d.interval.end,
    title: `${d.objectName} (NORAD ${d.noradId}): ${d.relocation ? 'relocation' : 'maneuver'} (${d.rules.join(', ')}) between ${d.interval.start.slice(0, 10)} and ${d.interval.end.slice(0, 10)}`,
    elementSets: [d.before, d.after].map((e) => ({ noradId: d.noradId, objectName: d.objectName, epoch: e.epoch, sourceId: e.sourceId, ageDays: e.ageDays })),
    section: SAFETY_EVENT_SECTIONS.maneuver, interval: d.interval, rules: d.rules, relocation: d.relocation,
  })).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.noradId - b.noradId));
}

/** Objects that share one element set (a docked stack) are screened once: the lowest NORAD number of each distinct element set. */
export function screeningRepresentatives<T extends { noradId: number; epoch: string; line1?: string | null; line2?: string | null; meanMotion: number; eccentricity: number; inclination: number; raan: number; argOfPericenter: number; meanAnomaly: number }>(objects: readonly T[]): { representative: number; members: number[] }[] {
  const groups = new Map<string, number[]>();
  for (const o of objects) {
    const key = [o.epoch, o.meanMotion, o.eccentricity, o.inclination, o.raan, o.argOfPericenter, o.meanAnomaly].join('|');
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(o.noradId);
  }
  return [...groups.values()].map((ids) => { const members = [...ids].sort((a, b) => a - b); return { representative: members[0]!, members }; })
    .sort((a, b) => a.representative - b.representative);
}
