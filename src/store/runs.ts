/** The run history: every load or ingest is recorded, and a failed one keeps its error. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export async function startRun(db: Kysely<Database>, origin: string, startedAt: string): Promise<number> {
  const row = await db.insertInto('runs').values({ origin, started_at: startedAt, status: 'running', detail: null, error: null })
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function finishRun(
  db: Kysely<Database>, id: number, status: 'succeeded' | 'failed', detail: Record<string, unknown> | null, error: string | null,
): Promise<void> {
  await db.updateTable('runs')
    .set({ status, finished_at: new Date().toISOString(), detail: detail === null ? null : JSON.stringify(detail), error })
    .where('id', '=', id).execute();
}

/** The newest successful run: its id and when it finished (the version and date of the data). */
export async function lastSuccessfulRun(db: Kysely<Database>): Promise<{ id: number | null; finishedAt: string | null }> {
  const row = await db.selectFrom('runs').select((eb) => [eb.fn.max('id').as('id'), eb.fn.max('finished_at').as('at')]).where('status', '=', 'succeeded').executeTakeFirst();
  return { id: row?.id ?? null, finishedAt: row?.at ?? null };
}
