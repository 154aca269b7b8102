/**
 * The GP history tables as they were written before COPY (src/store/write-catalog.ts up to commit
 * 91da8c1): rows inserted 500 at a time with ON CONFLICT stamping last_seen, and objects new to every
 * snapshot logged from a set read into memory. Kept as the reference the COPY load is compared with.
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../../src/store/schema.js';
import type { CatalogRow, MappedCatalog } from '../../../src/model/catalog-rows.js';
import { CATALOG_WRITES } from '../../../src/store/write-catalog.js';

type HistoryTable = 'element_sets' | 'gp_snapshots' | 'gp_snapshot_objects';
const ORDER: HistoryTable[] = ['element_sets', 'gp_snapshots', 'gp_snapshot_objects'];

export async function writeHistoryRowByRow(trx: Transaction<Database>, origin: string, mapped: MappedCatalog, now: string, runId: number): Promise<void> {
  for (const table of ORDER) {
    const rows = mapped.tables[table];
    const mode = CATALOG_WRITES[table];
    if (!rows || mode.kind !== 'history') continue;
    if (table === 'gp_snapshot_objects') await logNewObjects(trx, rows, now, runId);
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500).map((r) => {
        const v: Record<string, unknown> = { id: r.id, origin, first_seen: now, last_seen: now };
        for (const c of mode.columns) v[c] = r[c] ?? null;
        return v;
      });
      const cols = Object.keys(chunk[0]!);
      await sql`insert into ${sql.table(table)} (${sql.join(cols.map((c) => sql.ref(c)))})
        values ${sql.join(chunk.map((v) => sql`(${sql.join(cols.map((c) => v[c]))})`))}
        on conflict (id) do update set last_seen = ${now}`.execute(trx);
    }
  }
}

async function logNewObjects(trx: Transaction<Database>, members: CatalogRow[], now: string, runId: number): Promise<void> {
  const known = new Set((await trx.selectFrom('gp_snapshot_objects').select('norad_id').distinct().execute()).map((r) => r.norad_id));
  const fresh = members.filter((m) => !known.has(m.norad_id as number));
  const names = new Map<number, string>();
  const elementIds = fresh.map((m) => m.element_set_id as string);
  for (let i = 0; i < fresh.length; i += 500) {
    const rows = await trx.selectFrom('element_sets').select(['norad_id', 'object_name']).where('id', 'in', elementIds.slice(i, i + 500)).execute();
    for (const r of rows) names.set(r.norad_id, r.object_name);
  }
  const changes = fresh.map((m) => ({
    run_id: runId, at: now, action: 'added', subject: 'catalog-object', subject_id: String(m.norad_id), entity_id: null,
    property: 'gp', value: names.get(m.norad_id as number) ?? null, source_id: null,
  }));
  for (let i = 0; i < changes.length; i += 500) await trx.insertInto('changes').values(changes.slice(i, i + 500)).execute();
}
