/** Whether a table holds no rows: a first load skips the diff against stored rows it would find none of. */
import { sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';

export async function tableIsEmpty(trx: Transaction<Database>, table: string): Promise<boolean> {
  const { rows } = await sql<{ one: number }>`select 1 as one from ${sql.table(table)} limit 1`.execute(trx);
  return rows.length === 0;
}
