/**
 * The whole knowledge base as one JSON document (docs/export-format.md), and its
 * restoration into an empty store. Rows are ordered by id and timestamps kept, so
 * export → import → export gives the same document byte for byte.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import { startRun, finishRun } from './runs.js';
import { canonicalJson } from '../model/value-types.js';
import { refreshSearch } from './search-index.js';

export const EXPORT_FORMAT = 'redshift-monitor/knowledge-base';
export const EXPORT_VERSION = 1;

type Rec = Record<string, unknown>;

export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  version: number;
  /** The newest last_seen in the data: when it was last confirmed, not when it was exported. */
  asOf: string | null;
  counts: { sources: number; entities: number; statements: number; series: number; points: number };
  sources: Rec[];
  entities: (Rec & { statements: Rec[] })[];
  series: (Rec & { points: Rec[] })[];
}

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const toCamel = (r: Rec): Rec => Object.fromEntries(Object.entries(r).map(([k, v]) => [camel(k), v]));

export async function exportKnowledgeBase(db: Kysely<Database>): Promise<ExportDocument> {
  const sources = await db.selectFrom('sources').selectAll().orderBy('id').execute();
  const entities = await db.selectFrom('entities').select(['id', 'kind', 'caption', 'origin', 'first_seen', 'last_seen']).orderBy('id').execute();
  const statements = await db.selectFrom('statements').selectAll().orderBy('entity_id').orderBy('id').execute();
  const series = await db.selectFrom('series').selectAll().orderBy('id').execute();
  const points = await db.selectFrom('series_points').selectAll().orderBy('series_id').orderBy('id').execute();
  const group = <T extends Rec>(rows: T[], key: string) => {
    const m = new Map<string, Rec[]>();
    for (const r of rows) {
      const k = r[key] as string;
      const { [key]: _omit, ...rest } = r;
      (m.get(k) ?? m.set(k, []).get(k)!).push(toCamel(rest));
    }
    return m;
  };
  const stByEntity = group(statements, 'entity_id');
  const ptBySeries = group(points, 'series_id');
  const all = [...sources, ...entities, ...statements, ...series, ...points].map((r) => r.last_seen as string);
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    asOf: all.length ? all.reduce((a, b) => (a > b ? a : b)) : null,
    counts: { sources: sources.length, entities: entities.length, statements: statements.length, series: series.length, points: points.length },
    sources: sources.map((s) => toCamel({ ...s, authors: s.authors ?? null })),
    entities: entities.map((e) => ({ ...toCamel(e), statements: stByEntity.get(e.id) ?? [] })),
    series: series.map((s) => ({ ...toCamel({ ...s, dimensions: JSON.parse(canonicalJson(s.dimensions)) }), points: ptBySeries.get(s.id) ?? [] })),
  };
}

export class ImportError extends Error {}

export async function importKnowledgeBase(db: Kysely<Database>, doc: unknown): Promise<ExportDocument['counts']> {
  const d = doc as ExportDocument;
  if (!d || d.format !== EXPORT_FORMAT) throw new ImportError(`not a knowledge-base export: "format" must be "${EXPORT_FORMAT}"`);
  if (d.version !== EXPORT_VERSION) throw new ImportError(`unsupported export version ${String(d.version)} (this program reads ${EXPORT_VERSION})`);
  for (const key of ['sources', 'entities', 'series'] as const) if (!Array.isArray(d[key])) throw new ImportError(`"${key}" must be a list`);
  const existing = await db.selectFrom('entities').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const existingSources = await db.selectFrom('sources').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  if (existing.n + existingSources.n > 0) throw new ImportError('import restores into an empty store; this one already holds data');
  const runId = await startRun(db, 'import', new Date().toISOString());
  const toRow = (r: Rec, drop: string[] = []) =>
    Object.fromEntries(Object.entries(r).filter(([k]) => !drop.includes(k)).map(([k, v]) => [snake(k), v !== null && typeof v === 'object' ? JSON.stringify(v) : v]));
  try {
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
  } catch (err) {
    await finishRun(db, runId, 'failed', null, err instanceof Error ? err.message : String(err));
    throw err instanceof ImportError ? err : new ImportError(`import failed, nothing was written: ${err instanceof Error ? err.message : String(err)}`);
  }
  const counts = { sources: d.sources.length, entities: d.entities.length, statements: d.entities.reduce((n, e) => n + e.statements.length, 0), series: d.series.length, points: d.series.reduce((n, s) => n + s.points.length, 0) };
  await finishRun(db, runId, 'succeeded', counts, null);
  return counts;
}
