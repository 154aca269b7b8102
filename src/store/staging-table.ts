/**
 * A temporary copy of a table's shape, filled with COPY, for diffing a whole file against the
 * stored rows in SQL. It lives in the caller's transaction and is dropped when it ends; `ord` keeps
 * the file's row order, so the change log is written in the order the rows came.
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';
import { copyRows, copyText } from './copy-rows.js';

export type StoredRow = Record<string, unknown>;

/**
 * Copies id and the columns of each row (a missing value is null) into a new staging table; returns its name.
 * withoutId: for a table keyed otherwise (element_spans), only the columns are staged.
 */
export async function stageRows(
  trx: Transaction<Database>, table: keyof Database & string, columns: readonly string[], rows: readonly StoredRow[],
  opts: { withoutId?: boolean } = {},
): Promise<string> {
  const staging = `staging_${table}`;
  const staged = opts.withoutId ? [...columns] : ['id', ...columns];
  await sql`drop table if exists pg_temp.${sql.id(staging)}`.execute(trx);
  await sql`create temp table ${sql.id(staging)} on commit drop as
    select ${sql.join(staged.map((c) => sql.ref(c)))}, 0 as ord from ${sql.table(table)} with no data`.execute(trx);
  const data = copyText(rows, (row, k) => {
    const fields: unknown[] = new Array(staged.length + 1);
    for (let c = 0; c < staged.length; c++) fields[c] = row[staged[c]!];
    fields[staged.length] = k;
    return fields;
  });
  await copyRows(trx, staging, [...staged, 'ord'], data);
  return staging;
}
