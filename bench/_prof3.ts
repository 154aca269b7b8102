import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { createTestStore } from '../test/support/stores.js';
import { loadCurated } from '../src/services/load-curated.js';
import { feedByName } from '../src/services/feeds.js';
import { readSnapshot } from '../src/services/bundled-snapshots.js';
import { stageRows } from '../src/store/staging-table.js';
import { CATALOG_WRITES } from '../src/store/write-catalog.js';
const kind = (process.argv[2] ?? 'pglite') as 'pglite';
const GP = feedByName('celestrak-gp')!;
const text = readSnapshot('celestrak_gp_active_2026-07-10.csv.gz');
const out = GP.read({ text, file: 'x.csv', sourceId: 'celestrak-gp-active-2026-07-10', asOf: '2026-07-10' });
const store = await createTestStore(kind);
await loadCurated(store.db, 'data/kb/sources');
const mode = CATALOG_WRITES.element_sets as { columns: string[] };
const cols = sql.join(['id', ...mode.columns].map((c) => sql.ref(c)));
const es = out.mapped.tables.element_sets!;
for (let i = 0; i < 3; i++) {
  await store.db.transaction().execute(async (trx) => {
    const T = async (label: string, q: () => Promise<unknown>) => { const t = performance.now(); await q(); console.log(label.padEnd(24), (performance.now() - t).toFixed(0)); };
    await sql`savepoint a`.execute(trx);
    let st = '';
    await T('stage', async () => { st = await stageRows(trx, 'element_sets', mode.columns, es); });
    await T('analyze', () => sql`analyze ${sql.table(st)}`.execute(trx));
    await T('insert distinct on', () => sql`insert into element_sets (${cols}, origin, first_seen, last_seen) select distinct on (id) ${cols}, 'o', 'n', 'n' from ${sql.table(st)} order by id, ord on conflict (id) do update set last_seen = excluded.last_seen`.execute(trx));
    await sql`rollback to savepoint a`.execute(trx);
    await T('stage', async () => { st = await stageRows(trx, 'element_sets', mode.columns, es); });
    await T('insert plain', () => sql`insert into element_sets (${cols}, origin, first_seen, last_seen) select ${cols}, 'o', 'n', 'n' from ${sql.table(st)} on conflict (id) do update set last_seen = excluded.last_seen`.execute(trx));
    await T('update all again', () => sql`insert into element_sets (${cols}, origin, first_seen, last_seen) select ${cols}, 'o', 'n', 'm' from ${sql.table(st)} on conflict (id) do update set last_seen = excluded.last_seen`.execute(trx));
    await T('update all plain', () => sql`update element_sets e set last_seen = 'k' from ${sql.table(st)} s where s.id = e.id`.execute(trx));
    await sql`rollback to savepoint a`.execute(trx);
    await T('create like + copy', async () => { await sql`create temp table direct (like element_sets) on commit drop`.execute(trx); });
    await sql`rollback to savepoint a`.execute(trx);
  });
}
await store.dispose();
