/**
 * element_sets.source_id is checked once per write by its writer, changes.run_id once per statement
 * by a trigger, and the referenced rows are guarded by triggers (migrations/007-bulk-writes.sql),
 * instead of foreign keys: the same refusals, on both stores.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/store/schema.js';
import { copyRows } from '../../src/store/copy-rows.js';
import { startRun } from '../../src/store/runs.js';
import type { CatalogRow } from '../../src/model/catalog-rows.js';
import { writeCatalog } from '../../src/store/write-catalog.js';
import { createTestStore, STORE_KINDS, type TestStore } from '../support/stores.js';

const AT = '2026-07-10T00:00:00.000Z';

function elementSet(id: string, sourceId: string): CatalogRow {
  return {
    id, norad_id: 25544, epoch: '2026-07-10T00:00:00.000000', object_name: 'ISS (ZARYA)', mean_motion: 15.5, eccentricity: 0.0004,
    inclination: 51.6, raan: 10, arg_of_pericenter: 20, mean_anomaly: 30, bstar: 0.0001, mean_motion_dot: 0.00001, mean_motion_ddot: 0,
    element_set_no: 999, rev_at_epoch: 1000, classification: 'U', ephemeris_type: 0, source_id: sourceId, origin: 'test', first_seen: AT, last_seen: AT,
  };
}

async function addSource(db: Kysely<Database>, id: string): Promise<void> {
  await sql`insert into sources (id, kind, title, origin, first_seen, last_seen) values (${id}, 'dataset', ${id}, 'test', ${AT}, ${AT})`.execute(db);
}

async function insertSets(db: Kysely<Database>, rows: CatalogRow[]): Promise<void> {
  const columns = Object.keys(rows[0]!);
  await db.transaction().execute((trx) => copyRows(trx, 'element_sets', columns, rows, (r) => columns.map((c) => r[c])));
}

const count = async (db: Kysely<Database>, table: 'element_sets' | 'changes') =>
  Number((await sql<{ n: string }>`select count(*)::text as n from ${sql.table(table)}`.execute(db)).rows[0]!.n);

describe.each(STORE_KINDS)('references checked per statement on %s', (kind) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(kind);
    await addSource(store.db, 'src-kept');
    await addSource(store.db, 'src-unused');
  });
  afterAll(async () => store?.dispose());

  it('refuses a bulk load naming a source that is not stored, and keeps none of its rows', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => elementSet(`bad-${i}`, i === 377 ? 'src-missing' : 'src-kept'));
    const run = await startRun(store.db, 'test:references', AT);
    const load = store.db.transaction().execute((trx) => writeCatalog(trx, 'test', { tables: { element_sets: rows } }, AT, run));
    await expect(load).rejects.toThrow('element sets name source "src-missing", which is not in sources');
    expect(await count(store.db, 'element_sets')).toBe(0);
  });

  it('accepts rows whose source is stored, and then refuses to delete that source or change the reference', async () => {
    await insertSets(store.db, [elementSet('good-1', 'src-kept'), elementSet('good-2', 'src-kept')]);
    expect(await count(store.db, 'element_sets')).toBe(2);
    await expect(sql`delete from sources where id in ('src-unused', 'src-kept')`.execute(store.db))
      .rejects.toThrow('source "src-kept" is still named by rows of "element_sets"');
    await expect(sql`update element_sets set source_id = 'src-unused' where id = 'good-1'`.execute(store.db))
      .rejects.toThrow('element_sets.source_id is a reference and does not change once written');
    await expect(sql`update sources set id = 'src-renamed' where id = 'src-kept'`.execute(store.db))
      .rejects.toThrow('sources.id is a reference');
    // Stamping last_seen is no change of reference, and a source nothing names can go.
    await sql`update element_sets set last_seen = ${AT}`.execute(store.db);
    await sql`delete from sources where id = 'src-unused'`.execute(store.db);
    expect((await sql<{ id: string }>`select id from sources order by id`.execute(store.db)).rows.map((r) => r.id)).toEqual(['src-kept']);
  });

  it('refuses change-log rows naming a run that is not stored, and keeps the runs they name', async () => {
    const run = await startRun(store.db, 'test:references', AT);
    const entry = (runId: number) => ({ run_id: runId, at: AT, action: 'added', subject: 'catalog-object', subject_id: '1' });
    await expect(store.db.insertInto('changes').values([entry(run), entry(run + 1000)]).execute())
      .rejects.toThrow(`names run_id ${run + 1000}, which is not in "runs"`);
    expect(await count(store.db, 'changes')).toBe(0);
    await store.db.insertInto('changes').values([entry(run), entry(run)]).execute();
    await expect(store.db.deleteFrom('runs').where('id', '=', run).execute()).rejects.toThrow(`run ${run} is still named by rows of "changes"`);
    await expect(sql`update changes set run_id = ${run + 1}`.execute(store.db)).rejects.toThrow('changes.run_id is a reference');
    await expect(sql`truncate runs cascade`.execute(store.db)).rejects.toThrow('runs cannot be truncated');
    const other = await startRun(store.db, 'test:references', AT);
    await store.db.deleteFrom('runs').where('id', '=', other).execute();
    expect(await count(store.db, 'changes')).toBe(2);
  });
});
