/**
 * World changes from the records they are read from (definitions: world-change-types.ts).
 * Pure functions: the store reads the rows, the service merges the lists into pages.
 */
import { KIND_NAMES, propertiesOf, TARGET_DATE_PROPERTIES } from '../model/kinds.js';
import { byPreference, type StatementStatus } from '../model/statement.js';
import { datePrecision } from '../model/value-types.js';
import type { EntityRow, Cited } from '../model/entity-row.js';
import type { CuratedStatementRow, DatedStatementRow, LaunchRow, SatcatRow } from '../store/queries/world-changes.js';
import type { FailedToOrbit } from './launches.js';
import { judgeGoal, lastDayOf } from './goals.js';
import type { WorldChange, WorldChangeType } from './world-change-types.js';
import { dayAfter } from './calendar-days.js';

/** A dataset country code (GCAT state, SATCAT owner) as a country key, or null. */
export type CountryOf = (code: string | null) => string | null;

/** Date properties that are not events: deadlines and targets (and the goal's achieved date, a goal-status change). */
const NOT_EVENTS = new Set([...TARGET_DATE_PROPERTIES, 'achieved']);

/** The "Kind.property" keys of curated dates that are world events, with their labels. */
export function eventDateProperties(): { key: string; label: string }[] {
  return KIND_NAMES.flatMap((kind) => Object.entries(propertiesOf(kind))
    .filter(([p, d]) => d.type === 'date' && !NOT_EVENTS.has(p))
    .map(([p, d]) => ({ key: `${kind}.${p}`, label: d.label })));
}

/** The "Kind.property" keys of single-valued properties (where a second value is a change or a conflict). */
export function singleValuedProperties(): string[] {
  return KIND_NAMES.flatMap((kind) => Object.entries(propertiesOf(kind)).filter(([, d]) => !d.multiple).map(([p]) => `${kind}.${p}`));
}

/** The first day a date covers: 2025 → 2025-01-01, ~2025-02 → 2025-02-01, 2025-02-14T05:00Z → 2025-02-14. */
export function firstDay(date: string): string {
  const d = date.replace('~', '');
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d.slice(0, 10);
}

/** A date the source gives for the event itself (no window: `earliest` null). */
function dated(date: string): Pick<WorldChange, 'date' | 'day' | 'precision' | 'earliest'> {
  const short = date.length > 10 ? date.slice(0, 10) : date;
  return { date: short, day: firstDay(date), precision: datePrecision(short), earliest: null };
}

const noEntity = { entityId: null, entityKind: null, entityName: null } as const;

export function launchChange(r: LaunchRow, countryOf: CountryOf): WorldChange {
  const outcome = r.outcome === 'success' && r.successFraction !== null && r.successFraction < 1 ? 'partial success' : r.outcome;
  const flight = r.flightId ? ` ${r.flightId}` : '';
  return {
    id: `launch:${r.id}`, type: 'launch', ...dated(r.launchDate), recordedAt: r.recordedAt,
    title: `Launch ${r.id}: ${r.lvType}${flight}${r.launchSite ? ` from ${r.launchSite}` : ''}: ${outcome}`,
    ...noEntity, country: countryOf(r.lvState), property: 'outcome', value: `${outcome}; ${r.objectCount} catalogued object${r.objectCount === 1 ? '' : 's'}`,
    previous: null, sourceId: r.sourceId, locator: `launch tag ${r.id}`,
  };
}

export function failedLaunchChange(f: FailedToOrbit, recordedAt: string, countryOf: CountryOf): WorldChange {
  return {
    id: `launch:${f.launchTag}`, type: 'launch', ...dated(f.launchDate), recordedAt,
    title: `Launch ${f.launchTag}${f.name ? ` (${f.name})` : ''}: failure`,
    ...noEntity, country: countryOf(f.state), property: 'outcome', value: 'failure (failed to orbit)',
    previous: null, sourceId: f.sourceId, locator: `launch tag ${f.launchTag}`,
  };
}

export function satcatChange(r: SatcatRow, type: 'reached-orbit' | 'decay', countryOf: CountryOf): WorldChange {
  const date = (type === 'decay' ? r.decayDate : r.launchDate) ?? '';
  const name = `${r.objectName}${r.objectId ? ` (${r.objectId})` : ''}, NORAD ${r.noradId}`;
  return {
    id: `${type}:${String(r.noradId).padStart(9, '0')}`, type, ...dated(date), recordedAt: r.recordedAt,
    title: type === 'decay' ? `Decayed: ${name}` : `Reached orbit: ${name}`,
    ...noEntity, country: countryOf(r.owner), property: type === 'decay' ? 'decayDate' : 'launchDate', value: r.objectType,
    previous: null, sourceId: r.sourceId, locator: `NORAD ${r.noradId}`,
  };
}

const VERBS: Record<string, string> = { 'agreement-signed': 'Signed', 'membership-joined': 'Joined', 'agreement-ended': 'Ended' };

export function datedStatementChange(r: DatedStatementRow, labels: ReadonlyMap<string, string>): WorldChange {
  const type = r.changeType as WorldChangeType;
  const label = labels.get(`${r.entityKind}.${r.property}`) ?? r.property;
  return {
    id: `${type}:${r.id}`, type, ...dated(r.value), recordedAt: r.recordedAt,
    title: `${VERBS[type] ?? label}: ${r.entityName}${r.otherDates.length ? ` (sources differ: also dated ${r.otherDates.join(', ')})` : ''}`,
    entityId: r.entityId, entityKind: r.entityKind, entityName: r.entityName, country: null, property: r.property, value: r.value,
    previous: null, sourceId: r.sourceId, locator: r.locator,
  };
}

const byEntity = (rows: readonly CuratedStatementRow[]) => {
  const out = new Map<string, CuratedStatementRow[]>();
  for (const r of rows) (out.get(r.entityId) ?? out.set(r.entityId, []).get(r.entityId)!).push(r);
  return out;
};
const preferable = (r: CuratedStatementRow) => ({ status: r.status as StatementStatus, asOf: r.asOf, lastSeen: r.lastSeen, id: r.id });
const preferred = (rows: CuratedStatementRow[]) => [...rows].sort((a, b) => byPreference(preferable(a), preferable(b)));
const cited = (r: CuratedStatementRow): Cited => ({ value: r.value, sourceId: r.sourceId, locator: r.locator, qualifier: r.qualifier, status: r.status, asOf: r.asOf });

/** Goal status changes on `today` (YYYY-MM-DD): met on the achieved date, overdue or missed from the day after the deadline. */
export function goalChanges(statements: readonly CuratedStatementRow[], today: string): WorldChange[] {
  const out: WorldChange[] = [];
  for (const [goalId, rows] of byEntity(statements)) {
    const prop = (p: string) => preferred(rows.filter((r) => r.property === p));
    // As the goal table reads a goal: the preferred value of each (single-valued) property.
    const values = Object.fromEntries(['goalStatus', 'achieved', 'deadline'].map((p) => [p, prop(p).slice(0, 1).map(cited)]));
    const row: EntityRow = { id: goalId, kind: 'Goal', caption: rows[0]!.entityName, values, conflicts: {} };
    const judged = judgeGoal(row, today);
    const base = { entityId: goalId, entityKind: 'Goal', entityName: rows[0]!.entityName, country: null, property: 'goalStatus' };
    const achieved = prop('achieved')[0];
    const deadline = prop('deadline')[0];
    if ((judged.status === 'met' || judged.status.startsWith('met-')) && achieved) {
      out.push({ id: `goal-status:${goalId}:${judged.status}`, type: 'goal-status', ...dated(achieved.value), recordedAt: achieved.recordedAt,
        title: `Goal ${judged.status.replaceAll('-', ' ')}: ${row.caption}`, ...base, value: judged.status,
        previous: null, sourceId: achieved.sourceId, locator: achieved.locator });
    } else if ((judged.status === 'overdue' || judged.status === 'missed') && deadline) {
      const last = lastDayOf(deadline.value);
      const since = judged.overdueSince ?? (last === null ? null : dayAfter(last));
      if (!since || since > today) continue;
      out.push({ id: `goal-status:${goalId}:${judged.status}`, type: 'goal-status', ...dated(since), recordedAt: deadline.recordedAt,
        title: `Goal ${judged.status} (deadline ${deadline.value}): ${row.caption}`, ...base, value: judged.status,
        previous: { value: judged.sourcedStatus, date: deadline.value, sourceId: deadline.sourceId, locator: deadline.locator },
        sourceId: deadline.sourceId, locator: deadline.locator });
    }
  }
  return out;
}

/** A value as its source qualifies it ("approximately 130", "more than 15"). */
const qualified = (r: CuratedStatementRow): string => (r.qualifier ? `${r.qualifier} ${r.value}` : r.value);

/** Values that changed: consecutive as-of dates of one single-valued property with different values (see the definition). */
export function valueChanges(statements: readonly CuratedStatementRow[]): WorldChange[] {
  const out: WorldChange[] = [];
  const groups = new Map<string, CuratedStatementRow[]>();
  for (const r of statements) {
    const k = `${r.entityId}\u0000${r.property}`;
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(r);
  }
  for (const rows of groups.values()) {
    const byDate = new Map<string, CuratedStatementRow[]>();
    for (const r of rows) if (r.asOf) (byDate.get(firstDay(r.asOf)) ?? byDate.set(firstDay(r.asOf), []).get(firstDay(r.asOf))!).push(r);
    const timeline = [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, list]) => preferred(list)[0]!);
    const undated = preferred(rows.filter((r) => !r.asOf && r.status === 'superseded'))[0];
    const current = preferred(rows.filter((r) => r.status !== 'superseded'))[0];
    if (undated && current?.asOf && (timeline.length === 0 || timeline[0] === current)) timeline.unshift(undated);
    for (let i = 1; i < timeline.length; i++) {
      const [old, now] = [timeline[i - 1]!, timeline[i]!];
      if (old.value === now.value) continue;
      out.push({
        id: `value-changed:${now.id}:${old.id}`, type: 'value-changed', ...dated(now.asOf!), recordedAt: now.recordedAt,
        title: `${now.entityName}: ${now.property} ${qualified(old)} → ${qualified(now)}${now.status === 'unverified' ? ' (the new value is unverified)' : ''}`,
        entityId: now.entityId, entityKind: now.entityKind, entityName: now.entityName, country: null, property: now.property, value: now.value,
        previous: { value: old.value, date: old.asOf, sourceId: old.sourceId, locator: old.locator }, sourceId: now.sourceId, locator: now.locator,
      });
    }
  }
  return out;
}
