/**
 * The sources behind a set of statements, for citing a view: each (source, locator) pair
 * with how many statements cite it, and the source records (the report's numbered
 * references included, looked up by id).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { hasStatement } from './statement-filters.js';

export interface SourcePair { sourceId: string; locator: string | null; statements: number }

export interface SourceRecord {
  id: string; title: string; publisher: string | null; published: string | null; url: string | null; citation: string | null;
}

/** Which statements: of some entities, of entities of some kinds or in a segment, or one statement. Never "all" by omission. */
export type StatementScope = { entityIds: string[] } | { kinds: string[] } | { segment: string } | { statementId: string } | { everything: true };

export async function sourcePairs(db: Kysely<Database>, scope: StatementScope): Promise<SourcePair[]> {
  let q = db.selectFrom('statements').innerJoin('entities', 'entities.id', 'statements.entity_id')
    .select(['statements.source_id', 'statements.locator', sql<number>`count(*)::int`.as('n')])
    .where('statements.status', '!=', 'superseded');
  if ('entityIds' in scope) q = q.where('statements.entity_id', 'in', scope.entityIds.length ? scope.entityIds : ['']);
  if ('kinds' in scope) q = q.where('entities.kind', 'in', scope.kinds.length ? scope.kinds : ['']);
  if ('segment' in scope) q = q.where(hasStatement('statements.entity_id', ['segment'], scope.segment));
  if ('statementId' in scope) q = q.where('statements.id', '=', scope.statementId);
  const rows = await q.groupBy(['statements.source_id', 'statements.locator']).orderBy('statements.source_id').orderBy('statements.locator').execute();
  return rows.map((r) => ({ sourceId: r.source_id, locator: r.locator, statements: r.n }));
}

export async function sourceRecords(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, SourceRecord>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('sources').select(['id', 'title', 'publisher', 'published', 'url', 'citation']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** The notes of the datasets among the sources (what a dataset's own description says of its gaps), by id. */
export async function datasetNotes(db: Kysely<Database>, ids: readonly string[]): Promise<{ id: string; note: string }[]> {
  if (!ids.length) return [];
  const rows = await db.selectFrom('sources').select(['id', 'note']).where('id', 'in', [...new Set(ids)]).where('kind', '=', 'dataset')
    .where('note', 'is not', null).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, note: r.note! }));
}

/** One statement with its entity (for citing a statement permalink). */
export async function statementWithEntity(db: Kysely<Database>, id: string) {
  return db.selectFrom('statements').innerJoin('entities', 'entities.id', 'statements.entity_id')
    .select(['statements.id', 'statements.entity_id', 'statements.property', 'statements.value', 'statements.source_id', 'statements.locator',
      'statements.as_of', 'entities.caption', 'entities.kind'])
    .where('statements.id', '=', id).executeTakeFirst();
}

/** An entity's caption (for citing its page). */
export async function entityHeading(db: Kysely<Database>, id: string) {
  return db.selectFrom('entities').select(['id', 'caption']).where('id', '=', id).executeTakeFirst();
}
