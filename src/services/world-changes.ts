/**
 * The change feed of the world: one page of world changes, merged from every record they are
 * derived from, in world-date order (definitions: src/analytics/world-change-types.ts).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { Rules } from '../ingest/rules/read-rules.js';
import {
  datedStatementsInWindow, failedToOrbitBeyondLaunchLog, goalStatements, launchesInWindow, satcatInWindow, statementsWithSeveralValues,
  type EntityFilter, type WorldWindow,
} from '../store/queries/world-changes.js';
import {
  datedStatementChange, eventDateProperties, failedLaunchChange, goalChanges, launchChange, satcatChange, singleValuedProperties, valueChanges,
  type CountryOf,
} from '../analytics/world-changes.js';
import { inWindow, mergePage } from '../analytics/world-change-paging.js';
import type { WorldChange, WorldChangeType, WorldCursor, WorldOrder } from '../analytics/world-change-types.js';
import { failedLaunches, feedAsOf, vocabularyOf } from './analytics.js';
import { worldChangeGaps } from '../analytics/world-change-gaps.js';
import { safetyChanges } from './safety-changes.js';
import type { ScreenRunner } from './conjunctions.js';
import { workerRunner } from './screen-runners.js';

export interface WorldChangeQuery extends EntityFilter {
  since?: string;
  until?: string;
  type?: WorldChangeType;
  after?: WorldCursor;
  order: WorldOrder;
  limit: number;
  /** The day goals are judged on (YYYY-MM-DD). */
  today: string;
}

const DATED_TYPES: WorldChangeType[] = ['agreement-signed', 'membership-joined', 'agreement-ended', 'milestone'];

/** One page of world changes, and what the page cannot show (world-change-gaps.ts). */
export interface WorldChangesPage { items: WorldChange[]; next: WorldCursor | null; gaps: string[] }

export async function worldChangesPage(db: Kysely<Database>, rules: Rules, q: WorldChangeQuery, run: ScreenRunner = workerRunner()): Promise<WorldChangesPage> {
  const vocabulary = vocabularyOf(rules);
  const countryOf: CountryOf = (code) => {
    const r = vocabulary.resolve('gcat', code);
    return r.status === 'country' ? r.key : null;
  };
  const satcatCountryOf: CountryOf = (code) => {
    const r = vocabulary.resolve('satcat', code);
    return r.status === 'country' ? r.key : null;
  };
  const wants = (t: WorldChangeType) => !q.type || q.type === t;
  // Catalog records belong to no curated entity: an entity, kind or segment filter leaves them out.
  const catalog = !q.entity && !q.kind && !q.segment;
  // A world date after today is a plan, not a change: the window ends with today.
  const tomorrow = new Date(Date.parse(`${q.today}T00:00:00Z`) + 864e5).toISOString().slice(0, 10);
  const until = q.until && q.until < tomorrow ? q.until : tomorrow;
  const w: WorldWindow = { since: q.since, until, after: q.after, newestFirst: q.order === 'newest', limit: q.limit + 1 };
  const gcatStates = q.country ? vocabulary.codesOf('gcat', q.country) : null;
  const satcatOwners = q.country ? vocabulary.codesOf('satcat', q.country) : null;
  const filter: EntityFilter = { kind: q.kind, segment: q.segment, country: q.country, entity: q.entity };
  const window = { since: q.since, until, after: q.after, order: q.order };
  const small = (list: WorldChange[]) => list.filter((c) => inWindow(c, window));
  const labels = new Map(eventDateProperties().map((p) => [p.key, p.label]));
  const datedTypes = DATED_TYPES.filter(wants);

  const lists = await Promise.all([
    catalog && wants('launch') ? launchesInWindow(db, w, gcatStates).then((rows) => rows.map((r) => launchChange(r, countryOf))) : [],
    catalog && wants('launch') ? failedToOrbitBeyondLaunchLog(db).then((rows) => {
      const recorded = new Map(rows.map((r) => [String(r.data.launchTag), r.recordedAt]));
      return small(failedLaunches(rows).map((f) => failedLaunchChange(f, recorded.get(f.launchTag) ?? '', countryOf))
        .filter((c) => !q.country || c.country === q.country));
    }) : [],
    catalog && wants('reached-orbit') ? satcatInWindow(db, 'launch', w, satcatOwners).then((rows) => rows.map((r) => satcatChange(r, 'reached-orbit', satcatCountryOf))) : [],
    catalog && wants('decay') ? satcatInWindow(db, 'decay', w, satcatOwners).then((rows) => rows.map((r) => satcatChange(r, 'decay', satcatCountryOf))) : [],
    datedTypes.length ? datedStatementsInWindow(db, [...labels.keys()], q.type ? datedTypes : null, w, filter, q.today).then((rows) => rows.map((r) => datedStatementChange(r, labels))) : [],
    wants('goal-status') ? goalStatements(db, filter).then((rows) => small(goalChanges(rows, q.today))) : [],
    wants('value-changed') ? statementsWithSeveralValues(db, singleValuedProperties(), filter).then((rows) => small(valueChanges(rows))) : [],
    catalog && (wants('left-catalog-on-reentry-watch') || wants('close-approach') || wants('maneuver'))
      ? safetyChanges(db, rules, run, { since: q.since, until, today: q.today, wants, country: q.country }).then(small) : [],
  ]);
  const gaps = worldChangeGaps({
    wants, until: q.until && q.until < q.today ? q.until : q.today, entityFiltered: !catalog, country: q.country ?? null,
    launchLogEnd: await feedAsOf(db, 'gcat-launchlog'), satcatAsOf: await feedAsOf(db, 'celestrak-satcat'),
  });
  return { ...mergePage(lists, q.order, q.limit), gaps };
}
