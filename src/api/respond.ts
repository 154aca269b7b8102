/**
 * JSON or CSV for every list and analytic (?format=csv, or Accept: text/csv). The CSV is
 * the header and the rows only (default settings of pandas, R and spreadsheets read it);
 * its sources, licence, as-of date and notes are in the metadata the Link header points
 * to (?format=csv-metadata, a CSVW metadata document), or, with ?comments=1, in "#" lines.
 */
import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { toCsv, type Table } from '../services/csv.js';
import type { FlatTable } from '../analytics/tables.js';
import { prefersCsv } from './accept-csv.js';
import { csvMetadata } from './csv-metadata.js';

export const FORMAT_PROPERTY = {
  format: {
    type: 'string', enum: ['json', 'csv', 'csv-metadata'],
    description: 'json (the default, unless the Accept header prefers text/csv), csv (header and rows only), or csv-metadata (the CSV\'s title, sources, licence, as-of date and notes, as CSVW metadata JSON)',
  },
  comments: { type: 'string', enum: ['1', 'true'], description: 'with format=csv: put the title, sources, licence and as-of date first as "#" lines (most CSV readers then need a comment option)' },
} as const;

export const PROJECT_LICENCE = 'Compiled by Redshift Monitor (MIT); every value cites its source, whose terms apply';

/** The media type of a CSVW metadata document (W3C, Metadata Vocabulary for Tabular Data). */
export const CSV_METADATA_TYPE = 'application/csvm+json';

export async function tableMeta(db: Kysely<Database>, title: string, sourceIds: string[], asOf: string | null, notes: string[] = []): Promise<Table['meta']> {
  const ids = [...new Set(sourceIds)].filter(Boolean);
  const rows = ids.length ? await db.selectFrom('sources').select(['id', 'title', 'licence', 'url']).where('id', 'in', ids).orderBy('id').execute() : [];
  const licences = [...new Set(rows.map((r) => r.licence).filter((l): l is string => !!l))];
  return {
    title,
    sources: rows.map((r) => `${r.id}: ${r.title}${r.url ? ` <${r.url}>` : ''}`),
    licence: `${PROJECT_LICENCE}${licences.length ? `: ${licences.join('; ')}` : ''}`,
    asOf, notes,
  };
}

/** The request's URL with format set (and comments dropped): the CSV's own URL, and its metadata's. */
function withFormat(url: string, format: string): string {
  const [path = '', query = ''] = url.split('?', 2);
  const params = new URLSearchParams(query);
  params.delete('comments');
  params.set('format', format);
  return `${path}?${params.toString()}`;
}

/** A Link header value with one more link, keeping the links already set (e.g. a page's rel="next"). */
function withLink(reply: FastifyReply, link: string): string {
  const prior = reply.getHeader('link');
  return prior ? `${String(prior)}, ${link}` : link;
}

export async function sendAs(
  reply: FastifyReply, format: string | undefined, name: string, json: unknown,
  table: () => Promise<Table>,
): Promise<unknown> {
  const req = reply.request;
  reply.header('vary', 'Accept');
  const csv = format === 'csv' || (format === undefined && prefersCsv(req.headers.accept));
  if (!csv && format !== 'csv-metadata') return json;
  const t = await table();
  if (format === 'csv-metadata') return reply.type(CSV_METADATA_TYPE).send(JSON.stringify(csvMetadata(t, withFormat(req.url, 'csv'))));
  const asked = (req.query as { comments?: string }).comments;
  const comments = asked === '1' || asked === 'true';
  return reply.type('text/csv; charset=utf-8; header=present')
    .header('content-disposition', `attachment; filename="${name}.csv"`)
    .header('link', withLink(reply, `<${withFormat(req.url, 'csv-metadata')}>; rel="describedby"; type="${CSV_METADATA_TYPE}"`))
    .send(toCsv(t, comments));
}

export async function flatToTable(db: Kysely<Database>, title: string, flat: FlatTable, asOf: string | null): Promise<Table> {
  return { columns: flat.columns, rows: flat.rows, meta: await tableMeta(db, title, flat.sourceIds, asOf, flat.notes) };
}
