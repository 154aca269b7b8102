/** JSON or CSV for every list and analytic (?format=csv), each CSV naming its sources, licence and as-of date. */
import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { toCsv, type Table } from '../services/csv.js';
import type { FlatTable } from '../analytics/tables.js';

export const FORMAT_PROPERTY = { format: { type: 'string', enum: ['json', 'csv'], default: 'json', description: 'json (default) or csv' } } as const;

export const PROJECT_LICENCE = 'Compiled by Redshift Monitor (MIT); every value cites its source, whose terms apply';

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

export async function sendAs(
  reply: FastifyReply, format: string | undefined, name: string, json: unknown,
  table: () => Promise<Table>,
): Promise<unknown> {
  if (format !== 'csv') return json;
  const t = await table();
  return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(toCsv(t));
}

export async function flatToTable(db: Kysely<Database>, title: string, flat: FlatTable, asOf: string | null): Promise<Table> {
  return { columns: flat.columns, rows: flat.rows, meta: await tableMeta(db, title, flat.sourceIds, asOf, flat.notes) };
}
