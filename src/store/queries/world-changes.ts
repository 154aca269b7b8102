/**
 * The records world changes are derived from (src/analytics/world-changes.ts), each read
 * in world-date order after a cursor, so a page of the merged feed reads at most one page
 * of each: launches, SATCAT payloads and decays, dated curated statements; and the small
 * sets derived in full (failed-to-orbit records, goal statements, statements with several values).
 */
import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../schema.js';
import { concernsCountry, hasStatement } from './statement-filters.js';

/** The window and position of one page, on the first day each record's world date covers. */
export interface WorldWindow {
  since?: string;
  until?: string;
  after?: { day: string; id: string };
  newestFirst: boolean;
  limit: number;
}

/** Filters on curated entities. */
export interface EntityFilter { kind?: string; segment?: string; country?: string; entity?: string }

export interface LaunchRow {
  id: string; launchDate: string; lvType: string; lvState: string | null; flightId: string | null; launchSite: string | null;
  outcome: string; successFraction: number | null; objectCount: number; sourceId: string; recordedAt: string;
}
export interface SatcatRow {
  noradId: number; objectName: string; objectId: string | null; objectType: string | null; owner: string | null;
  launchDate: string | null; decayDate: string | null; sourceId: string; recordedAt: string;
}
export interface DatedStatementRow {
  id: string; entityId: string; entityKind: string; entityName: string; property: string; value: string;
  sourceId: string; locator: string | null; recordedAt: string; changeType: string;
  /** Dates other sources give the same entity and property that disagree with this one (not the same day at another precision). */
  otherDates: string[];
}
export interface CuratedStatementRow {
  id: string; entityId: string; entityKind: string; entityName: string; property: string; value: string; asOf: string | null;
  status: string; sourceId: string; locator: string | null; qualifier: string | null; lastSeen: string; recordedAt: string;
}
export interface FailedToOrbitRow { data: Record<string, unknown>; sourceId: string; recordedAt: string }

/** The first day a date covers, in SQL: 2025 → 2025-01-01, ~2025-02 → 2025-02-01, 2025-02-14T… → 2025-02-14. */
export function firstDaySql(column: string): RawBuilder<string> {
  const d = sql`replace(${sql.ref(column)}, '~', '')`;
  return sql<string>`(case length(${d}) when 4 then ${d} || '-01-01' when 7 then ${d} || '-01' else substr(${d}, 1, 10) end)`;
}

/**
 * The last day a date covers, as an upper bound that compares correctly as text: 2026 → 2026-12-31,
 * 2026-11 → 2026-11-31 (later than every November day, earlier than December).
 */
export function lastDaySql(column: string): RawBuilder<string> {
  const d = sql`replace(${sql.ref(column)}, '~', '')`;
  return sql<string>`(case length(${d}) when 4 then ${d} || '-12-31' when 7 then ${d} || '-31' else substr(${d}, 1, 10) end)`;
}

/** The window on (day, id) in SQL; ids compare bytewise (collate "C"), as JavaScript compares them. */
function inWindow(day: RawBuilder<string>, id: RawBuilder<string>, w: WorldWindow): Expression<SqlBool>[] {
  const out: Expression<SqlBool>[] = [];
  if (w.since) out.push(sql<SqlBool>`${day} >= ${w.since}`);
  if (w.until) out.push(sql<SqlBool>`${day} < ${w.until}`);
  if (w.after) {
    const op = sql.raw(w.newestFirst ? '<' : '>');
    out.push(sql<SqlBool>`(${day} ${op} ${w.after.day} or (${day} = ${w.after.day} and (${id}) collate "C" ${op} ${w.after.id}))`);
  }
  return out;
}
const direction = (w: WorldWindow): 'asc' | 'desc' => (w.newestFirst ? 'desc' : 'asc');

export async function launchesInWindow(db: Kysely<Database>, w: WorldWindow, lvStates: string[] | null): Promise<LaunchRow[]> {
  if (lvStates && !lvStates.length) return [];
  const day = firstDaySql('launches.launch_date');
  const id = sql<string>`'launch:' || launches.id`;
  let q = db.selectFrom('launches').selectAll();
  for (const c of inWindow(day, id, w)) q = q.where(c);
  if (lvStates) q = q.where('lv_state', 'in', lvStates);
  const rows = await q.orderBy(day, direction(w)).orderBy(sql`${id} collate "C"`, direction(w)).limit(w.limit).execute();
  return rows.map((r) => ({
    id: r.id, launchDate: r.launch_date, lvType: r.lv_type, lvState: r.lv_state, flightId: r.flight_id, launchSite: r.launch_site,
    outcome: r.outcome, successFraction: r.success_fraction, objectCount: r.object_count, sourceId: r.source_id, recordedAt: r.first_seen,
  }));
}

/** SATCAT rows by launch date (payloads only) or by decay date (every object type). */
export async function satcatInWindow(db: Kysely<Database>, by: 'launch' | 'decay', w: WorldWindow, owners: string[] | null): Promise<SatcatRow[]> {
  if (owners && !owners.length) return [];
  const column = by === 'launch' ? 'satcat.launch_date' : 'satcat.decay_date';
  const day = firstDaySql(column);
  const id = sql<string>`${by === 'launch' ? 'reached-orbit:' : 'decay:'} || lpad(satcat.norad_id::text, 9, '0')`;
  let q = db.selectFrom('satcat').selectAll().where(sql.ref(column), 'is not', null);
  if (by === 'launch') q = q.where('object_type', '=', 'PAY');
  for (const c of inWindow(day, id, w)) q = q.where(c);
  if (owners) q = q.where('owner', 'in', owners);
  const rows = await q.orderBy(day, direction(w)).orderBy(sql`${id} collate "C"`, direction(w)).limit(w.limit).execute();
  return rows.map((r) => ({
    noradId: r.norad_id, objectName: r.object_name, objectId: r.object_id, objectType: r.object_type, owner: r.owner,
    launchDate: r.launch_date, decayDate: r.decay_date, sourceId: r.source_id, recordedAt: r.first_seen,
  }));
}

function entityFilters<T extends { where: (e: Expression<SqlBool>) => T }>(q: T, f: EntityFilter): T {
  let out = q;
  if (f.kind) out = out.where(sql<SqlBool>`entities.kind = ${f.kind}`);
  if (f.entity) out = out.where(sql<SqlBool>`statements.entity_id = ${f.entity}`);
  if (f.segment) out = out.where(hasStatement('statements.entity_id', ['segment'], f.segment));
  if (f.country) out = out.where(concernsCountry('statements.entity_id', f.country));
  return out;
}

/**
 * The change type of a dated statement, as src/analytics/world-change-types.ts defines it: an Agreement's
 * "signed" date (membership-joined for a membership), its "ended" date, or any other event date (milestone).
 */
const DATED_TYPE = sql<string>`(case when entities.kind = 'Agreement' and statements.property = 'signed' then (case when exists (
  select 1 from statements k where k.entity_id = statements.entity_id and k.property = 'agreementKind' and k.value = 'membership')
  then 'membership-joined' else 'agreement-signed' end) when entities.kind = 'Agreement' and statements.property = 'ended' then 'agreement-ended'
  else 'milestone' end)`;

/**
 * One change per event: sources that give an entity's property the same date ("~" aside), or a date and a more
 * precise form of it ("2024-05" and "2024-05-20"), name one event. It is listed once, as its most precise
 * date, from the statement with the smallest id among those giving that date; the entity page keeps every source.
 */
const ONE_EVENT_ALREADY = sql`select 1 from statements o where o.entity_id = statements.entity_id and o.property = statements.property
  and o.status <> 'superseded' and o.id <> statements.id and (
    ${morePrecise('o.value', 'statements.value')} or (${sameDate('o.value', 'statements.value')} and o.id < statements.id))`;

/** The dates other statements give the same entity and property that conflict with this one (neither equal nor one a precise form of the other). */
const CONFLICTING_DATES = sql`select distinct c.value from statements c where c.entity_id = statements.entity_id and c.property = statements.property
  and c.status <> 'superseded' and not ${sameDate('c.value', 'statements.value')}
  and not ${morePrecise('c.value', 'statements.value')} and not ${morePrecise('statements.value', 'c.value')} order by c.value`;

/** Partial dates in SQL, as value-types.ts's partialDatesAgree reads them: the same date, "~" aside. */
function sameDate(a: string, b: string) {
  return sql<SqlBool>`replace(${sql.ref(a)}, '~', '') = replace(${sql.ref(b)}, '~', '')`;
}
/** Date `a` is a more precise form of date `b` ("2024-05-20" of "2024-05"), "~" aside. */
function morePrecise(a: string, b: string) {
  return sql<SqlBool>`replace(${sql.ref(a)}, '~', '') like replace(${sql.ref(b)}, '~', '') || '-%'`;
}

/**
 * Curated dated events in the window. An event dated only to a year or month counts once that
 * year or month has ended on `today` (before then the date may still be a plan).
 */
export async function datedStatementsInWindow(
  db: Kysely<Database>, keys: string[], types: string[] | null, w: WorldWindow, f: EntityFilter, today: string,
): Promise<DatedStatementRow[]> {
  if (!keys.length || (types && !types.length)) return [];
  const day = firstDaySql('statements.value');
  const id = sql<string>`${DATED_TYPE} || ':' || statements.id`;
  let q = db.selectFrom('statements').innerJoin('entities', 'entities.id', 'statements.entity_id')
    .select(['statements.id', 'statements.entity_id', 'entities.kind', 'entities.caption', 'statements.property', 'statements.value',
      'statements.source_id', 'statements.locator', 'statements.first_seen'])
    .select(DATED_TYPE.as('change_type'))
    .select(sql<string[]>`array(${CONFLICTING_DATES})`.as('other_dates'))
    .where(sql<SqlBool>`(entities.kind || '.' || statements.property) in (${sql.join(keys)})`)
    .where('statements.status', '!=', 'superseded')
    .where(sql<SqlBool>`${lastDaySql('statements.value')} <= ${today}`)
    .where(sql<SqlBool>`not exists (${ONE_EVENT_ALREADY})`);
  if (types) q = q.where(sql<SqlBool>`${DATED_TYPE} in (${sql.join(types)})`);
  q = entityFilters(q, f);
  for (const c of inWindow(day, id, w)) q = q.where(c);
  const rows = await q.orderBy(day, direction(w)).orderBy(sql`${id} collate "C"`, direction(w)).limit(w.limit).execute();
  return rows.map((r) => ({
    id: r.id, entityId: r.entity_id, entityKind: r.kind, entityName: r.caption, property: r.property, value: r.value,
    sourceId: r.source_id, locator: r.locator, recordedAt: r.first_seen, changeType: r.change_type, otherDates: r.other_dates,
  }));
}

/** Statements of one entity property that has more than one value (keys "Kind.property": the single-valued ones). */
export async function statementsWithSeveralValues(db: Kysely<Database>, keys: string[], f: EntityFilter): Promise<CuratedStatementRow[]> {
  let q = db.selectFrom('statements').innerJoin('entities', 'entities.id', 'statements.entity_id')
    .select(['statements.id', 'statements.entity_id', 'entities.kind', 'entities.caption', 'statements.property', 'statements.value', 'statements.as_of',
      'statements.status', 'statements.source_id', 'statements.locator', 'statements.qualifier', 'statements.last_seen', 'statements.first_seen'])
    .where(sql<SqlBool>`(entities.kind || '.' || statements.property) in (${sql.join(keys)})`)
    .where(sql<SqlBool>`exists (select 1 from statements t where t.entity_id = statements.entity_id and t.property = statements.property and t.value <> statements.value)`);
  q = entityFilters(q, f);
  return (await q.orderBy('statements.entity_id').orderBy('statements.property').orderBy('statements.id').execute()).map(curatedRow);
}

/** The goal statements a goal's judgement reads (status, achieved, deadline), of the goals that pass the filter. */
export async function goalStatements(db: Kysely<Database>, f: EntityFilter): Promise<CuratedStatementRow[]> {
  if (f.kind && f.kind !== 'Goal') return [];
  let q = db.selectFrom('statements').innerJoin('entities', 'entities.id', 'statements.entity_id')
    .select(['statements.id', 'statements.entity_id', 'entities.kind', 'entities.caption', 'statements.property', 'statements.value', 'statements.as_of',
      'statements.status', 'statements.source_id', 'statements.locator', 'statements.qualifier', 'statements.last_seen', 'statements.first_seen'])
    .where('entities.kind', '=', 'Goal').where('statements.property', 'in', ['goalStatus', 'achieved', 'deadline']);
  q = entityFilters(q, { ...f, kind: undefined });
  return (await q.orderBy('statements.entity_id').orderBy('statements.id').execute()).map(curatedRow);
}

function curatedRow(r: {
  id: string; entity_id: string; kind: string; caption: string; property: string; value: string; as_of: string | null; status: string;
  source_id: string; locator: string | null; qualifier: string | null; last_seen: string; first_seen: string;
}): CuratedStatementRow {
  return {
    id: r.id, entityId: r.entity_id, entityKind: r.kind, entityName: r.caption, property: r.property, value: r.value, asOf: r.as_of,
    status: r.status, sourceId: r.source_id, locator: r.locator, qualifier: r.qualifier, lastSeen: r.last_seen, recordedAt: r.first_seen,
  };
}

/** Every failed-to-orbit record whose launch tag is not in the launch log (the launch log's launches are read from it). */
export async function failedToOrbitBeyondLaunchLog(db: Kysely<Database>): Promise<FailedToOrbitRow[]> {
  const q = db.selectFrom('catalog_records').select(['data', 'source_id', 'first_seen']).where('dataset', '=', 'gcat-ftocat')
    .where(sql<SqlBool>`not exists (select 1 from launches l where l.id = catalog_records.data->>'launchTag')`);
  const rows = await q.orderBy('id').execute();
  return rows.map((r) => ({ data: r.data as Record<string, unknown>, sourceId: r.source_id, recordedAt: r.first_seen }));
}
