/**
 * PostgreSQL ends a connection the store holds (a server restart, an administrator's
 * pg_terminate_backend) while a transaction is open between two statements: that transaction fails
 * with the server's error, the process goes on (no uncaught 'error' event from the pg client), and
 * the store answers the next query on a new connection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { setTimeout as sleep } from 'node:timers/promises';
import { STORE_KINDS, createTestStore, withAdmin, type TestStore } from '../support/stores.js';

const onPostgres = STORE_KINDS.includes('postgres') ? describe : describe.skip;

onPostgres('a PostgreSQL connection ended by the server', () => {
  let store: TestStore;
  const uncaught: unknown[] = [];
  const record = (err: unknown) => { uncaught.push(err); };
  beforeAll(async () => {
    store = await createTestStore('postgres');
    process.on('uncaughtException', record);
  });
  afterAll(async () => {
    process.off('uncaughtException', record);
    await store?.dispose();
  });

  it('fails the open transaction with the server\'s error, and the store goes on with a new connection', async () => {
    const outcome = store.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
      const pid = rows[0]!.pid;
      const ended = await withAdmin((admin) => admin.query<{ ok: boolean }>('select pg_terminate_backend($1) as ok', [pid]));
      expect(ended.rows[0]!.ok).toBe(true);
      // The server's FATAL message reaches the client while no statement of it is under way.
      await sleep(300);
      await sql`select 1`.execute(trx);
      return 'committed';
    });
    await expect(outcome).rejects.toThrow(/terminat|Connection terminated|not queryable/i);
    expect(uncaught).toEqual([]);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from runs`.execute(store.db);
    expect(rows[0]!.n).toBeGreaterThanOrEqual(0);
  });
});
