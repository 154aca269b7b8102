/** Sources and series for the API. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { canonicalJson } from '../../model/value-types.js';

export interface SourceRow {
  id: string; kind: string; title: string; publisher: string | null; url: string | null; published: string | null; accessed: string | null;
  licence: string | null; citation: string | null; partOf: string | null; referenceNumber: string | null; note: string | null;
  statements: number; points: number;
}

/** The report's own id, whose statements' locators name numbered references ([NNN]). */
const REPORT_ID = 'redshift-2025';
const REFERENCE_PREFIX = `${REPORT_ID}.ref-`;

/**
 * How many statements and series points cite each of these sources; a report statement also counts for
 * each [NNN] its locator names. Only the given sources are counted (a page of the list, or one source).
 */
async function citationCounts(db: Kysely<Database>, ids: readonly string[]): Promise<{ statements: Map<string, number>; points: Map<string, number> }> {
  const statements = new Map<string, number>();
  const points = new Map<string, number>();
  if (ids.length === 0) return { statements, points };
  for (const r of await db.selectFrom('statements').select(['source_id', sql<number>`count(*)::int`.as('n')]).where('source_id', 'in', ids).groupBy('source_id').execute()) statements.set(r.source_id, r.n);
  const references = new Set(ids.filter((id) => id.startsWith(REFERENCE_PREFIX)));
  if (references.size) {
    for (const r of await db.selectFrom('statements').select('locator').where('source_id', '=', REPORT_ID).where('locator', 'like', '%[%').execute()) {
      for (const m of new Set((r.locator ?? '').match(/\[(\d{3})\]/g) ?? [])) {
        const id = `${REFERENCE_PREFIX}${m.slice(1, 4)}`;
        if (references.has(id)) statements.set(id, (statements.get(id) ?? 0) + 1);
      }
    }
  }
  for (const r of await db.selectFrom('series_points').select(['source_id', sql<number>`count(*)::int`.as('n')]).where('source_id', 'in', ids).groupBy('source_id').execute()) points.set(r.source_id, r.n);
  return { statements, points };
}

export async function listSources(db: Kysely<Database>, f: { kind?: string; q?: string; after?: string; id?: string; limit: number }): Promise<SourceRow[]> {
  let q = db.selectFrom('sources')
    .select(['id', 'kind', 'title', 'publisher', 'url', 'published', 'accessed', 'licence', 'citation', 'part_of', 'reference_number', 'note']);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.q) q = q.where(sql<boolean>`lower(title || ' ' || coalesce(url, '') || ' ' || coalesce(citation, '')) like ${`%${f.q.toLowerCase()}%`}`);
  if (f.after) q = q.where('id', '>', f.after);
  if (f.id) q = q.where('id', '=', f.id);
  const rows = await q.orderBy('id').limit(f.limit).execute();
  const counts = await citationCounts(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id, kind: r.kind, title: r.title, publisher: r.publisher, url: r.url, published: r.published, accessed: r.accessed, licence: r.licence,
    citation: r.citation, partOf: r.part_of, referenceNumber: r.reference_number, note: r.note,
    statements: counts.statements.get(r.id) ?? 0, points: counts.points.get(r.id) ?? 0,
  }));
}

export interface SeriesView {
  id: string; title: string; unit: string; description: string | null; dimensions: Record<string, string>; sourceId: string; locator: string | null;
  points: { period: string; value: number; originalValue: string | null; sourceId: string; locator: string | null; status: string; qualifier: string | null; note: string | null }[];
}

export async function listSeries(db: Kysely<Database>, f: { dimension?: [string, string]; ids?: string[] }): Promise<SeriesView[]> {
  let q = db.selectFrom('series').selectAll();
  if (f.dimension) q = q.where(sql<boolean>`dimensions ->> ${f.dimension[0]} = ${f.dimension[1]}`);
  if (f.ids) q = q.where('id', 'in', f.ids.length ? f.ids : ['']);
  const series = await q.orderBy('id').execute();
  if (!series.length) return [];
  const points = await db.selectFrom('series_points').selectAll().where('series_id', 'in', series.map((s) => s.id)).orderBy('series_id').orderBy('period').orderBy('id').execute();
  return series.map((s) => ({
    id: s.id, title: s.title, unit: s.unit, description: s.description, dimensions: JSON.parse(canonicalJson(s.dimensions)) as Record<string, string>,
    sourceId: s.source_id, locator: s.locator,
    points: points.filter((p) => p.series_id === s.id).map((p) => ({
      period: p.period, value: p.value, originalValue: p.original_value, sourceId: p.source_id, locator: p.locator, status: p.status, qualifier: p.qualifier, note: p.note,
    })),
  }));
}
