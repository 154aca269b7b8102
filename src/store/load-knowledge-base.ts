/**
 * Loads a validated knowledge base in one transaction: all or nothing. The run is
 * recorded (with its error when it fails) outside the transaction, so a failed load
 * leaves the data untouched but still shows in the run history.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { KnowledgeBase } from '../model/knowledge-base.js';
import { byPreference, type Statement } from '../model/statement.js';
import { syncRows, type Row, type SyncCounts, type SyncSpec } from './sync-rows.js';
import { startRun, finishRun } from './runs.js';
import { refreshSearch } from './search-index.js';
import { errorMessage } from '../model/error-message.js';

export type LoadReport = Record<'sources' | 'entities' | 'statements' | 'series' | 'points', SyncCounts> & { runId: number };

const describeStatement = (r: Row) => ({ entity_id: r.entity_id as string, property: r.property as string, value: r.value as string, source_id: r.source_id as string });

export const SPECS = {
  sources: {
    table: 'sources', subject: 'source',
    columns: ['kind', 'title', 'publisher', 'authors', 'url', 'published', 'accessed', 'licence', 'file', 'part_of', 'reference_number', 'citation', 'note'],
    describe: (r) => ({ source_id: r.id }),
  },
  entities: {
    table: 'entities', subject: 'entity', columns: ['kind', 'caption'],
    describe: (r) => ({ entity_id: r.id, value: r.caption as string }),
  },
  statements: {
    table: 'statements', subject: 'statement',
    columns: ['entity_id', 'property', 'value', 'original_value', 'source_id', 'locator', 'as_of', 'status', 'qualifier', 'note'],
    describe: describeStatement,
  },
  series: {
    table: 'series', subject: 'series', columns: ['title', 'unit', 'description', 'dimensions', 'source_id', 'locator'],
    describe: (r) => ({ value: r.title as string, source_id: r.source_id as string }),
  },
  points: {
    table: 'series_points', subject: 'series-point',
    columns: ['series_id', 'period', 'value', 'original_value', 'source_id', 'locator', 'status', 'qualifier', 'note'],
    describe: (r) => ({ entity_id: null, property: r.period as string, value: String(r.value), source_id: r.source_id as string }),
  },
} satisfies Record<string, SyncSpec>;

/** Each entity's row: its kind and its preferred name (the search text is derived in SQL, see search-index.ts). */
export function entityRows(kb: Pick<KnowledgeBase, 'entities' | 'statements'>): Row[] {
  const byEntity = new Map<string, Statement[]>();
  for (const s of kb.statements) {
    const list = byEntity.get(s.entityId) ?? [];
    list.push(s as Statement);
    byEntity.set(s.entityId, list);
  }
  return kb.entities.map((e) => {
    const st = byEntity.get(e.id) ?? [];
    const names = st.filter((s) => s.property === 'name').sort((a, b) => byPreference({ ...a, lastSeen: '' }, { ...b, lastSeen: '' }));
    return { id: e.id, kind: e.kind, caption: names[0]?.value ?? e.id };
  });
}

export function knowledgeBaseRows(kb: KnowledgeBase) {
  return {
    sources: kb.sources.map((s) => ({
      id: s.id, kind: s.kind, title: s.title, publisher: s.publisher ?? null, authors: s.authors ?? null, url: s.url ?? null,
      published: s.published ?? null, accessed: s.accessed ?? null, licence: s.licence ?? null, file: s.file ?? null,
      part_of: s.partOf ?? null, reference_number: s.referenceNumber ?? null, citation: s.citation ?? null, note: s.note ?? null,
    })),
    entities: entityRows(kb),
    statements: kb.statements.map((s) => ({
      id: s.id, entity_id: s.entityId, property: s.property, value: s.value, original_value: s.originalValue, source_id: s.sourceId,
      locator: s.locator, as_of: s.asOf, status: s.status, qualifier: s.qualifier, note: s.note,
    })),
    series: kb.series.map((s) => ({ id: s.id, title: s.title, unit: s.unit, description: s.description, dimensions: s.dimensions, source_id: s.sourceId, locator: s.locator })),
    points: kb.points.map((p) => ({
      id: p.id, series_id: p.seriesId, period: p.period, value: p.value, original_value: p.originalValue, source_id: p.sourceId,
      locator: p.locator, status: p.status, qualifier: p.qualifier, note: p.note,
    })),
  };
}

export async function loadKnowledgeBase(db: Kysely<Database>, kb: KnowledgeBase, origin: string, now = new Date().toISOString()): Promise<LoadReport> {
  const runId = await startRun(db, origin, now);
  const rows = knowledgeBaseRows(kb);
  try {
    const counts = await db.transaction().execute(async (trx) => {
      // Parents are upserted first and deleted last, so references hold at every step.
      const sources = await syncRows(trx, SPECS.sources, origin, rows.sources, now, runId, 'upsert');
      const entities = await syncRows(trx, SPECS.entities, origin, rows.entities, now, runId, 'upsert');
      const series = await syncRows(trx, SPECS.series, origin, rows.series, now, runId, 'upsert');
      const statements = await syncRows(trx, SPECS.statements, origin, rows.statements, now, runId);
      const points = await syncRows(trx, SPECS.points, origin, rows.points, now, runId);
      series.removed = (await syncRows(trx, SPECS.series, origin, rows.series, now, runId, 'delete')).removed;
      entities.removed = (await syncRows(trx, SPECS.entities, origin, rows.entities, now, runId, 'delete')).removed;
      sources.removed = (await syncRows(trx, SPECS.sources, origin, rows.sources, now, runId, 'delete')).removed;
      if (entities.added + entities.updated + statements.added + statements.updated + statements.removed > 0) await refreshSearch(trx);
      return { sources, entities, statements, series, points };
    });
    await finishRun(db, runId, 'succeeded', counts, null);
    return { ...counts, runId };
  } catch (err) {
    await finishRun(db, runId, 'failed', null, errorMessage(err));
    throw err;
  }
}
