/**
 * Entities of one kind as rows: each property's preferred value(s) with their citations.
 * Behind /goals, /risks, /recommendations and the indicators.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { hasStatement } from './statement-filters.js';
import { propertiesOf, type KindName } from '../../model/kinds.js';
import { byPreference, type Statement } from '../../model/statement.js';
import { toStatementView } from './entities.js';
import type { Cited, EntityRow } from '../../model/entity-row.js';
export type { Cited, EntityRow } from '../../model/entity-row.js';

const cited = (s: Statement): Cited => ({ value: s.value, sourceId: s.sourceId, locator: s.locator, qualifier: s.qualifier, status: s.status, asOf: s.asOf });

export async function entityRows(db: Kysely<Database>, kind: KindName, filter: { segment?: string } = {}): Promise<EntityRow[]> {
  let q = db.selectFrom('statements').innerJoin('entities', 'entities.id', 'statements.entity_id')
    .selectAll('statements').select(['entities.caption']).where('entities.kind', '=', kind);
  if (filter.segment) q = q.where(hasStatement('statements.entity_id', ['segment'], filter.segment));
  const rows = await q.orderBy('statements.entity_id').orderBy('statements.id').execute();
  const defs = propertiesOf(kind);
  const byEntity = new Map<string, { caption: string; statements: Statement[] }>();
  for (const r of rows) {
    const e = byEntity.get(r.entity_id) ?? byEntity.set(r.entity_id, { caption: r.caption, statements: [] }).get(r.entity_id)!;
    e.statements.push({ ...(toStatementView(r) as unknown as Statement), entityId: r.entity_id, property: r.property });
  }
  return [...byEntity.entries()].map(([id, e]) => {
    const values: Record<string, Cited[]> = {};
    const conflicts: Record<string, Cited[]> = {};
    const byProp = new Map<string, Statement[]>();
    for (const s of e.statements) (byProp.get(s.property) ?? byProp.set(s.property, []).get(s.property)!).push(s);
    for (const [p, list] of byProp) {
      const sorted = [...list].sort(byPreference);
      const multiple = defs[p]?.multiple ?? false;
      values[p] = (multiple ? sorted : sorted.slice(0, 1)).map(cited);
      if (!multiple && new Set(sorted.map((s) => s.value)).size > 1) conflicts[p] = sorted.map(cited);
    }
    return { id, kind, caption: e.caption, values, conflicts };
  }).sort((a, b) => a.caption.localeCompare(b.caption) || a.id.localeCompare(b.id));
}

