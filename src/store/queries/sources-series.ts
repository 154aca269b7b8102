/** Sources and series for the API. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { canonicalJson } from '../../model/value-types.js';

export interface SourceRow {
  id: string; kind: string; title: string; publisher: string | null; url: string | null; published: string | null; accessed: string | null;
  licence: string | null; citation: string | null; partOf: string | null; referenceNumber: string | null; note: string | null;
  statements: number; points: number;
}

/** How many statements cite each source; a report statement also counts for each [NNN] its locator names. */
async function citationCounts(db: Kysely<Database>): Promise<{ statements: Map<string, number>; points: Map<string, number> }> {
  const statements = new Map<string, number>();
  for (const r of await db.selectFrom('statements').select(['source_id', sql<number>`count(*)::int`.as('n')]).groupBy('source_id').execute()) statements.set(r.source_id, r.n);
  for (const r of await db.selectFrom('statements').select('locator').where('source_id', '=', 'redshift-2025').where('locator', 'like', '%[%').execute()) {
    for (const m of new Set((r.locator ?? '').match(/\[(\d{3})\]/g) ?? [])) {
      const id = `redshift-2025.ref-${m.slice(1, 4)}`;
      statements.set(id, (statements.get(id) ?? 0) + 1);
    }
  }
  const points = new Map<string, number>();
  for (const r of await db.selectFrom('series_points').select(['source_id', sql<number>`count(*)::int`.as('n')]).groupBy('source_id').execute()) points.set(r.source_id, r.n);
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
  const counts = await citationCounts(db);
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
