/**
 * The whole knowledge base as one JSON document (docs/export-format.md), and the writing of its rows into
 * an empty store (src/services/import-knowledge-base.ts checks them and records the run first). Rows are
 * ordered by id and timestamps kept, so export → import → export gives the same document byte for byte.
 */
import { sql, type Kysely } from 'kysely';
import type { Selectable } from 'kysely';
import type { Database, SeriesPointsTable, SeriesTable, SourcesTable, StatementsTable } from './schema.js';
import { canonicalJson } from '../model/value-types.js';
import { refreshSearch } from './search-index.js';

export const EXPORT_FORMAT = 'redshift-monitor/knowledge-base';
export const EXPORT_VERSION = 1;

type Rec = Record<string, unknown>;

/** The rows of the export, each a table's columns in camelCase (docs/export-format.md). */
export type ExportSource = {
  id: string; kind: string; title: string; publisher: string | null; authors: string[] | null; url: string | null; published: string | null;
  accessed: string | null; licence: string | null; file: string | null; partOf: string | null; referenceNumber: string | null;
  citation: string | null; note: string | null; origin: string; firstSeen: string; lastSeen: string;
};
/** A statement; its entity is the enclosing one. */
export type ExportStatement = {
  id: string; property: string; value: string; originalValue: string | null; sourceId: string; locator: string | null; asOf: string | null;
  status: string; qualifier: string | null; note: string | null; origin: string; firstSeen: string; lastSeen: string;
};
export type ExportEntity = { id: string; kind: string; caption: string; origin: string; firstSeen: string; lastSeen: string; statements: ExportStatement[] };
/** A point; its series is the enclosing one. */
export type ExportPoint = {
  id: string; period: string; value: number; originalValue: string | null; sourceId: string; locator: string | null; status: string;
  qualifier: string | null; note: string | null; origin: string; firstSeen: string; lastSeen: string;
};
export type ExportSeries = {
  id: string; title: string; unit: string; description: string | null; dimensions: Record<string, string>; sourceId: string; locator: string | null;
  origin: string; firstSeen: string; lastSeen: string; points: ExportPoint[];
};

export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  version: number;
  /** The newest last_seen in the data: when it was last confirmed, not when it was exported. */
  asOf: string | null;
  counts: { sources: number; entities: number; statements: number; series: number; points: number };
  sources: ExportSource[];
  entities: ExportEntity[];
  series: ExportSeries[];
}

const exportSource = (s: Selectable<SourcesTable>): ExportSource => ({
  id: s.id, kind: s.kind, title: s.title, publisher: s.publisher, authors: s.authors ?? null, url: s.url, published: s.published, accessed: s.accessed,
  licence: s.licence, file: s.file, partOf: s.part_of, referenceNumber: s.reference_number, citation: s.citation, note: s.note, origin: s.origin,
  firstSeen: s.first_seen, lastSeen: s.last_seen,
});
const exportStatement = (s: Selectable<StatementsTable>): ExportStatement => ({
  id: s.id, property: s.property, value: s.value, originalValue: s.original_value, sourceId: s.source_id, locator: s.locator, asOf: s.as_of,
  status: s.status, qualifier: s.qualifier, note: s.note, origin: s.origin, firstSeen: s.first_seen, lastSeen: s.last_seen,
});
const exportPoint = (p: Selectable<SeriesPointsTable>): ExportPoint => ({
  id: p.id, period: p.period, value: p.value, originalValue: p.original_value, sourceId: p.source_id, locator: p.locator, status: p.status,
  qualifier: p.qualifier, note: p.note, origin: p.origin, firstSeen: p.first_seen, lastSeen: p.last_seen,
});
const exportSeries = (s: Selectable<SeriesTable>, points: ExportPoint[]): ExportSeries => ({
  id: s.id, title: s.title, unit: s.unit, description: s.description, dimensions: JSON.parse(canonicalJson(s.dimensions)) as Record<string, string>,
  sourceId: s.source_id, locator: s.locator, origin: s.origin, firstSeen: s.first_seen, lastSeen: s.last_seen, points,
});

/** Rows grouped by a key, in their order. */
function groupBy<T, K>(rows: readonly T[], key: (r: T) => string, map: (r: T) => K): Map<string, K[]> {
  const m = new Map<string, K[]>();
  for (const r of rows) (m.get(key(r)) ?? m.set(key(r), []).get(key(r))!).push(map(r));
  return m;
}

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export async function exportKnowledgeBase(db: Kysely<Database>): Promise<ExportDocument> {
  const sources = await db.selectFrom('sources').selectAll().orderBy('id').execute();
  const entities = await db.selectFrom('entities').select(['id', 'kind', 'caption', 'origin', 'first_seen', 'last_seen']).orderBy('id').execute();
  const statements = await db.selectFrom('statements').selectAll().orderBy('entity_id').orderBy('id').execute();
  const series = await db.selectFrom('series').selectAll().orderBy('id').execute();
  const points = await db.selectFrom('series_points').selectAll().orderBy('series_id').orderBy('id').execute();
  const stByEntity = groupBy(statements, (r) => r.entity_id, exportStatement);
  const ptBySeries = groupBy(points, (r) => r.series_id, exportPoint);
  const all = [...sources, ...entities, ...statements, ...series, ...points].map((r) => r.last_seen as string);
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    asOf: all.length ? all.reduce((a, b) => (a > b ? a : b)) : null,
    counts: { sources: sources.length, entities: entities.length, statements: statements.length, series: series.length, points: points.length },
    sources: sources.map(exportSource),
    entities: entities.map((e) => ({ id: e.id, kind: e.kind, caption: e.caption, origin: e.origin, firstSeen: e.first_seen, lastSeen: e.last_seen, statements: stByEntity.get(e.id) ?? [] })),
    series: series.map((s) => exportSeries(s, ptBySeries.get(s.id) ?? [])),
  };
}

/** Whether the store holds any source or entity (an import restores only into an empty store). */
export async function holdsKnowledgeBase(db: Kysely<Database>): Promise<boolean> {
  const entities = await db.selectFrom('entities').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const sources = await db.selectFrom('sources').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return entities.n + sources.n > 0;
}

/**
 * Writes the rows of an export, as given, in one transaction: all of them or, when the database refuses
 * one, none. The caller checks the document first (src/services/check-export.ts) and records the run.
 */
export async function writeImport(db: Kysely<Database>, d: Pick<ExportDocument, 'sources' | 'entities' | 'series'>): Promise<ExportDocument['counts']> {
  const toRow = (r: Rec, drop: string[] = []) =>
    Object.fromEntries(Object.entries(r).filter(([k]) => !drop.includes(k)).map(([k, v]) => [snake(k), v !== null && typeof v === 'object' ? JSON.stringify(v) : v]));
  await db.transaction().execute(async (trx) => {
    const insert = async (table: keyof Database, rows: Rec[]) => {
      for (let i = 0; i < rows.length; i += 500) await trx.insertInto(table).values(rows.slice(i, i + 500) as never).execute();
    };
    await insert('sources', d.sources.map((s) => toRow(s)));
    await insert('entities', d.entities.map((e) => ({ ...toRow(e, ['statements']), search_text: '' })));
    await insert('statements', d.entities.flatMap((e) => e.statements.map((s) => ({ ...toRow(s), entity_id: e.id }))));
    await insert('series', d.series.map((s) => toRow(s, ['points'])));
    await insert('series_points', d.series.flatMap((s) => s.points.map((p) => ({ ...toRow(p), series_id: s.id }))));
    await refreshSearch(trx);
  });
  return { sources: d.sources.length, entities: d.entities.length, statements: d.entities.reduce((n, e) => n + e.statements.length, 0), series: d.series.length, points: d.series.reduce((n, s) => n + s.points.length, 0) };
}
