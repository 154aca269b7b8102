/** The change log, filtered: what changed since a date, by subject, entity kind, segment, country or entity. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { concernsCountry, hasStatement } from './statement-filters.js';

export interface ChangeFilter {
  since?: string;
  until?: string;
  subject?: string;
  kind?: string;
  segment?: string;
  country?: string;
  entity?: string;
  afterId?: number;
  limit: number;
  newestFirst?: boolean;
}

export interface ChangeItem {
  id: number; at: string; action: string; subject: string; subjectId: string; entityId: string | null; entityKind: string | null;
  entityName: string | null; property: string | null; value: string | null; sourceId: string | null; origin: string;
}

export async function listChanges(db: Kysely<Database>, f: ChangeFilter): Promise<ChangeItem[]> {
  let q = db.selectFrom('changes').innerJoin('runs', 'runs.id', 'changes.run_id').leftJoin('entities', 'entities.id', 'changes.entity_id')
    .select([sql<number>`changes.id::int`.as('id'), 'changes.at', 'changes.action', 'changes.subject', 'changes.subject_id', 'changes.entity_id',
      'entities.kind', 'entities.caption', 'changes.property', 'changes.value', 'changes.source_id', 'runs.origin']);
  if (f.since) q = q.where('changes.at', '>=', f.since);
  if (f.until) q = q.where('changes.at', '<', f.until);
  if (f.subject) q = q.where('changes.subject', '=', f.subject);
  if (f.kind) q = q.where('entities.kind', '=', f.kind);
  if (f.entity) q = q.where('changes.entity_id', '=', f.entity);
  if (f.segment) q = q.where(hasStatement('changes.entity_id', ['segment'], f.segment));
  if (f.country) q = q.where(concernsCountry('changes.entity_id', f.country));
  if (f.afterId !== undefined) q = q.where(sql<boolean>`changes.id > ${f.afterId}`);
  const rows = await q.orderBy('changes.id', f.newestFirst ? 'desc' : 'asc').limit(f.limit).execute();
  return rows.map((r) => ({
    id: r.id, at: r.at, action: r.action, subject: r.subject, subjectId: r.subject_id, entityId: r.entity_id, entityKind: r.kind ?? null,
    entityName: r.caption ?? null, property: r.property, value: r.value, sourceId: r.source_id, origin: r.origin,
  }));
}
