import { sql } from 'kysely';
import { createTestStore } from '../test/support/stores.js';
import { loadCurated } from '../src/services/load-curated.js';
import { feedByName } from '../src/services/feeds.js';
import { readSnapshot } from '../src/services/bundled-snapshots.js';
import { stageRows } from '../src/store/staging-table.js';
import { CATALOG_WRITES } from '../src/store/write-catalog.js';
const kind = (process.argv[2] ?? 'postgres') as 'postgres';
const GP = feedByName('celestrak-gp')!;
const out = GP.read({ text: readSnapshot('celestrak_gp_active_2026-07-10.csv.gz'), file: 'x.csv', sourceId: 'celestrak-gp-active-2026-07-10', asOf: '2026-07-10' });
const store = await createTestStore(kind);
await loadCurated(store.db, 'data/kb/sources');
const mode = CATALOG_WRITES.element_sets as { columns: string[] };
const cols = sql.join(['id', ...mode.columns].map((c) => sql.ref(c)));
const show = (r: { rows: Record<string, string>[] }) => console.log(r.rows.map((x) => Object.values(x)[0]).join('\n'), '\n---');
await store.db.transaction().execute(async (trx) => {
  const st = await stageRows(trx, 'element_sets', mode.columns, out.mapped.tables.element_sets!);
  show(await sql`explain (analyze, costs off) insert into element_sets (${cols}, origin, first_seen, last_seen) select ${cols}, 'o', 'n', 'n' from ${sql.table(st)} on conflict (id) do update set last_seen = excluded.last_seen`.execute(trx) as never);
  const sm = await stageRows(trx, 'element_spans', ['norad_id', 'element_set_id'], out.mapped.tables.gp_snapshot_objects!, { withoutId: true });
  await sql`insert into runs (origin, started_at, status) values ('x', 'n', 'running')`.execute(trx);
  show(await sql`explain (analyze, costs off) insert into changes (run_id, at, action, subject, subject_id, entity_id, property, value, source_id)
    select (select max(id) from runs), 'n', 'added', 'catalog-object', m.norad_id::text, null, 'gp', e.object_name, null
    from ${sql.table(sm)} m left join element_sets e on e.id = m.element_set_id
    where not exists (select 1 from element_spans o where o.norad_id = m.norad_id) order by m.ord`.execute(trx) as never);
  show(await sql`explain (analyze, costs off) insert into element_spans (norad_id, first_seq, last_seq, element_set_id, origin, first_seen, last_seen)
      select m.norad_id, 1, 1, m.element_set_id, 'o', 'n', 'n' from ${sql.table(sm)} m`.execute(trx) as never);
  throw new Error('rollback');
}).catch((e) => console.log(String(e)));
await store.dispose();
