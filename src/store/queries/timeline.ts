/**
 * The timeline: one row per dated event (an entity, a date property, one date value), listing
 * every statement's source for it. Sources that give the same entity and property a different
 * date are separate rows, each naming the other dates so the disagreement stays visible; a date that
 * only differs in precision ("1970" beside "1970-04-24") is named as agreeing, not as a conflict.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { hasStatement } from './statement-filters.js';
import { KIND_NAMES, propertiesOf, TARGET_DATE_PROPERTIES } from '../../model/kinds.js';
import { partialDateCertainlyAfter, partialDatesAgree } from '../../model/value-types.js';

export interface TimelineSource {
  sourceId: string; locator: string | null; status: string;
  /** The source's publication date, when it has one. */
  published: string | null;
  /** The statement's own note on this date (e.g. how a year was inferred), when it has one. */
  note: string | null;
}

export interface TimelineItem {
  date: string; entityId: string; kind: string; caption: string; property: string; label: string;
  segments: string[];
  /** Every statement that gives this entity and property this date, one entry per (source, locator). */
  sources: TimelineSource[];
  /** Other dates the sources give for the same entity and property that disagree with this one (a conflict), earliest first. */
  otherDates: string[];
  /** Other dates the sources give for it that agree with this one at another precision ("1970" and "1970-04-24") or as an approximation; earliest first. */
  agreeingDates: string[];
  /**
   * Every source giving this date was published before it: the date was a plan or forecast when stated (Chang'e-7
   * "planned for 2026"), not a record that it happened. Never set for a target date (TARGET_DATE_PROPERTIES): a target is one by nature.
   */
  statedInAdvance: boolean;
}

/** Date properties per kind (from the model), except those that are not events (an as-of is not a milestone). */
export function dateProperties(): { kind: string; property: string; label: string }[] {
  return KIND_NAMES.flatMap((kind) => Object.entries(propertiesOf(kind))
    .filter(([, p]) => p.type === 'date')
    .map(([property, p]) => ({ kind, property, label: p.label })));
}

/** The key that makes two statements one event: same entity, same property, same date value. */
export const timelineEventKey = (i: { entityId: string; property: string; date: string }) => `${i.entityId}|${i.property}|${i.date}`;

const undated = (d: string) => d.replace('~', '');

export async function timelineItems(db: Kysely<Database>, f: { segment?: string; kinds?: string[]; from?: string; to?: string; limit: number }): Promise<TimelineItem[]> {
  const props = dateProperties();
  const labels = new Map(props.map((p) => [`${p.kind}.${p.property}`, p.label]));
  let q = db.selectFrom('statements').innerJoin('entities', 'entities.id', 'statements.entity_id')
    .leftJoin('sources', 'sources.id', 'statements.source_id')
    .select(['statements.value', 'statements.entity_id', 'entities.kind', 'entities.caption', 'statements.property', 'statements.source_id', 'statements.locator', 'statements.status',
      'statements.note', 'sources.published'])
    .select(sql<string[]>`array(select s2.value from statements s2 where s2.entity_id = statements.entity_id and s2.property = 'segment' order by s2.value)`.as('segments'))
    .where(sql<boolean>`(entities.kind || '.' || statements.property) in (${sql.join([...labels.keys()])})`)
    .where('statements.status', '!=', 'superseded');
  if (f.kinds?.length) q = q.where('entities.kind', 'in', f.kinds);
  if (f.segment) q = q.where(hasStatement('statements.entity_id', ['segment'], f.segment));
  if (f.from) q = q.where(sql<boolean>`replace(statements.value, '~', '') >= ${f.from}`);
  if (f.to) q = q.where(sql<boolean>`replace(statements.value, '~', '') <= ${f.to + '\uffff'}`);
  const rows = await q.orderBy(sql`replace(statements.value, '~', '')`).orderBy('entities.caption').orderBy('statements.entity_id')
    .orderBy('statements.property').orderBy('statements.source_id').orderBy('statements.locator').execute();
  const events = new Map<string, TimelineItem>();
  for (const r of rows) {
    const key = timelineEventKey({ entityId: r.entity_id, property: r.property, date: r.value });
    let item = events.get(key);
    if (!item) {
      if (events.size >= f.limit) continue;
      item = {
        date: r.value, entityId: r.entity_id, kind: r.kind, caption: r.caption, property: r.property,
        label: labels.get(`${r.kind}.${r.property}`) ?? r.property, segments: r.segments, sources: [],
        otherDates: [], agreeingDates: [], statedInAdvance: false,
      };
      events.set(key, item);
    }
    if (!item.sources.some((s) => s.sourceId === r.source_id && s.locator === r.locator)) {
      item.sources.push({ sourceId: r.source_id, locator: r.locator, status: r.status, published: r.published, note: r.note });
    }
  }
  const items = [...events.values()];
  for (const i of items) {
    i.statedInAdvance = !TARGET_DATE_PROPERTIES.includes(i.property)
      && i.sources.every((s) => s.published !== null && partialDateCertainlyAfter(i.date, s.published));
  }
  const dates = await datesOf(db, [...new Set(items.map((i) => i.entityId))]);
  for (const i of items) {
    const others = [...(dates.get(`${i.entityId}|${i.property}`) ?? [])].filter((d) => d !== i.date).sort(byDate);
    i.otherDates = others.filter((d) => !partialDatesAgree(d, i.date));
    i.agreeingDates = others.filter((d) => partialDatesAgree(d, i.date));
  }
  return items;
}

const byDate = (a: string, b: string) => undated(a).localeCompare(undated(b)) || a.localeCompare(b);

/** Every date the sources give, per entity and property ("id|property"), whatever the filters: the other dates of a conflict may lie outside them. */
async function datesOf(db: Kysely<Database>, entityIds: string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (!entityIds.length) return out;
  const props = [...new Set(dateProperties().map((p) => p.property))];
  const rows = await db.selectFrom('statements').select(['entity_id', 'property', 'value'])
    .where('entity_id', 'in', entityIds).where('property', 'in', props).where('status', '!=', 'superseded').execute();
  for (const r of rows) {
    const key = `${r.entity_id}|${r.property}`;
    (out.get(key) ?? out.set(key, new Set()).get(key)!).add(r.value);
  }
  return out;
}
