/**
 * The read-only loaded store that a worker's reading test files share (test/support/loaded-store.ts):
 * one copy per kind and worker, left open by `dispose`, which fails when a table other than the caches
 * gained or lost rows, naming it.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { STORE_KINDS } from '../support/stores.js';
import { readOnlyLoadedStore } from '../support/loaded-store.js';
import { startRun } from '../../src/store/runs.js';

describe.each(STORE_KINDS)('the read-only loaded store (%s)', (kind) => {
  it('is one copy per worker, open after a file releases it', async () => {
    const first = await readOnlyLoadedStore(kind);
    await first.dispose();
    const second = await readOnlyLoadedStore(kind);
    expect(second.db).toBe(first.db);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from entities`.execute(second.db);
    expect(rows[0]!.n).toBeGreaterThan(100);
    await second.dispose();
  });

  it('fails a release after a write, naming the table, and passes once the rows are as they were', async () => {
    const store = await readOnlyLoadedStore(kind);
    const before = (await store.db.selectFrom('runs').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    const run = await startRun(store.db, 'test:read-only-guard', new Date().toISOString());
    try {
      await expect(store.dispose()).rejects.toThrow(new RegExp(`changed it: runs ${Number(before)} -> ${Number(before) + 1}`));
    } finally {
      await store.db.deleteFrom('runs').where('id', '=', run).execute();
    }
    // The caches' rows may change: a read keeps its results there.
    await sql`insert into derived_results (key, version, code, value, bytes, computed_at)
      values ('test:read-only-guard', 'v', 'c', '\\x00'::bytea, 1, '2026-12-07T00:00:00Z')`.execute(store.db);
    try {
      await expect(store.dispose()).resolves.toBeUndefined();
    } finally {
      await sql`delete from derived_results where key = 'test:read-only-guard'`.execute(store.db);
    }
  });
});
