/** Dated facts for the timeline: every date-typed statement, with its entity, kind, segments and citation. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { hasStatement } from './statement-filters.js';
import { KIND_NAMES, propertiesOf } from '../../model/kinds.js';

export interface TimelineItem {
  date: string; entityId: string; kind: string; caption: string; property: string; label: string;
  segments: string[]; sourceId: string; locator: string | null; status: string;
}

/** Date properties per kind (from the model), except those that are not events (an as-of is not a milestone). */
export function dateProperties(): { kind: string; property: string; label: string }[] {
  return KIND_NAMES.flatMap((kind) => Object.entries(propertiesOf(kind))
    .filter(([, p]) => p.type === 'date')
    .map(([property, p]) => ({ kind, property, label: p.label })));
}

export async function timelineItems(db: Kysely<Database>, f: { segment?: string; kinds?: string[]; from?: string; to?: string; limit: number }): Promise<TimelineItem[]> {
  const props = dateProperties();
  const labels = new Map(props.map((p) => [`${p.kind}.${p.property}`, p.label]));
  let q = db.selectFrom('statements').innerJoin('entities', 'entities.id', 'statements.entity_id')
    .select(['statements.value', 'statements.entity_id', 'entities.kind', 'entities.caption', 'statements.property', 'statements.source_id', 'statements.locator', 'statements.status'])
    .select(sql<string[]>`array(select s2.value from statements s2 where s2.entity_id = statements.entity_id and s2.property = 'segment' order by s2.value)`.as('segments'))
    .where(sql<boolean>`(entities.kind || '.' || statements.property) in (${sql.join([...labels.keys()])})`)
    .where('statements.status', '!=', 'superseded');
  if (f.kinds?.length) q = q.where('entities.kind', 'in', f.kinds);
  if (f.segment) q = q.where(hasStatement('statements.entity_id', ['segment'], f.segment));
  if (f.from) q = q.where(sql<boolean>`replace(statements.value, '~', '') >= ${f.from}`);
  if (f.to) q = q.where(sql<boolean>`replace(statements.value, '~', '') <= ${f.to + '\uffff'}`);
  const rows = await q.orderBy(sql`replace(statements.value, '~', '')`).orderBy('entities.caption').limit(f.limit).execute();
  return rows.map((r) => ({
    date: r.value, entityId: r.entity_id, kind: r.kind, caption: r.caption, property: r.property,
    label: labels.get(`${r.kind}.${r.property}`) ?? r.property, segments: r.segments, sourceId: r.source_id, locator: r.locator, status: r.status,
  }));
}
