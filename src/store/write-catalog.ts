/**
 * Writes one feed's mapped catalog rows inside the caller's transaction. Snapshot
 * tables keep history (a row, once written, stays; re-ingesting stamps last_seen);
 * the other tables are replaced for the feed's origin through syncRows, which logs
 * new launches and catalog objects in the change log.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.js';
import { syncRows, type Row, type SyncCounts, type SyncSpec } from './sync-rows.js';
import type { CatalogRow, CatalogTable, MappedCatalog } from '../model/catalog-rows.js';

type Mode = { kind: 'history'; columns: string[] } | { kind: 'replace'; spec: SyncSpec };

const cols = (...c: string[]) => c;

export const CATALOG_WRITES: Record<CatalogTable, Mode> = {
  element_sets: { kind: 'history', columns: cols('norad_id', 'epoch', 'object_name', 'object_id', 'mean_motion', 'eccentricity', 'inclination', 'raan', 'arg_of_pericenter', 'mean_anomaly', 'bstar', 'mean_motion_dot', 'mean_motion_ddot', 'element_set_no', 'rev_at_epoch', 'classification', 'ephemeris_type', 'line1', 'line2', 'source_id') },
  gp_snapshots: { kind: 'history', columns: cols('source_id', 'as_of', 'object_count') },
  gp_snapshot_objects: { kind: 'history', columns: cols('snapshot_id', 'norad_id', 'element_set_id') },
  satcat: {
    kind: 'replace',
    spec: {
      table: 'satcat', subject: 'catalog-object',
      columns: cols('norad_id', 'object_name', 'object_id', 'object_type', 'ops_status', 'owner', 'launch_date', 'launch_site', 'decay_date', 'period_min', 'inclination_deg', 'apogee_km', 'perigee_km', 'rcs_m2', 'data_status', 'orbit_center', 'orbit_type', 'source_id'),
      describe: (r) => ({ property: 'satcat', value: r.object_name as string, source_id: r.source_id as string }),
    },
  },
  launches: {
    kind: 'replace',
    spec: {
      table: 'launches', subject: 'launch',
      columns: cols('launch_date', 'date_precision', 'date_uncertain', 'year', 'lv_type', 'lv_state', 'agency', 'flight_id', 'platform', 'launch_site', 'launch_pad', 'launch_code', 'launch_class', 'outcome', 'success_fraction', 'object_count', 'source_id'),
      describe: (r) => ({ property: r.outcome as string, value: `${r.lv_type as string} (${(r.lv_state as string | null) ?? '?'})`, source_id: r.source_id as string }),
    },
  },
  launch_objects: { kind: 'replace', spec: { table: 'launch_objects', subject: null, columns: cols('launch_tag', 'norad_id', 'piece', 'sat_type', 'name', 'pl_name', 'sat_owner', 'sat_state', 'source_id') } },
  ucs_satellites: { kind: 'replace', spec: { table: 'ucs_satellites', subject: null, columns: cols('norad_id', 'name', 'un_registry_country', 'operator_country', 'operator', 'users', 'purpose', 'detailed_purpose', 'orbit_class', 'orbit_type', 'perigee_km', 'apogee_km', 'inclination_deg', 'period_min', 'launch_mass_kg', 'launch_date', 'contractor', 'contractor_country', 'launch_site', 'launch_vehicle', 'cospar', 'source_id') } },
  catalog_records: { kind: 'replace', spec: { table: 'catalog_records', subject: null, columns: cols('dataset', 'key', 'state_code', 'data', 'source_id') } },
};

/** Parents before children, so references hold at every step. */
const ORDER: CatalogTable[] = ['element_sets', 'gp_snapshots', 'gp_snapshot_objects', 'satcat', 'launches', 'launch_objects', 'ucs_satellites', 'catalog_records'];

export type CatalogCounts = Partial<Record<CatalogTable, SyncCounts>>;

export async function writeCatalog(
  trx: Transaction<Database>, origin: string, mapped: MappedCatalog, now: string, runId: number,
): Promise<CatalogCounts> {
  const counts: CatalogCounts = {};
  for (const table of ORDER) {
    const rows = mapped.tables[table];
    if (!rows) continue;
    const mode = CATALOG_WRITES[table];
    if (table === 'gp_snapshot_objects') await logNewObjects(trx, rows, now, runId);
    counts[table] = mode.kind === 'history'
      ? await upsertHistory(trx, table, mode.columns, origin, rows, now)
      : await syncRows(trx, mode.spec, origin, rows as Row[], now, runId);
  }
  return counts;
}

async function upsertHistory(trx: Transaction<Database>, table: CatalogTable, columns: string[], origin: string, rows: CatalogRow[], now: string): Promise<SyncCounts> {
  const db = trx as unknown as Kysely<any>;
  let added = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500).map((r) => {
      const v: Record<string, unknown> = { id: r.id, origin, first_seen: now, last_seen: now };
      for (const c of columns) v[c] = r[c] ?? null;
      return v;
    });
    const inserted = await db.insertInto(table).values(chunk)
      .onConflict((oc) => oc.column('id').doUpdateSet({ last_seen: now }))
      .returning(sql<boolean>`(xmax = 0)`.as('inserted')).execute();
    added += inserted.filter((r) => r.inserted).length;
  }
  return { added, updated: 0, removed: 0, unchanged: rows.length - added };
}

/** Objects seen in a snapshot for the first time ever go into the change log. */
async function logNewObjects(trx: Transaction<Database>, members: CatalogRow[], now: string, runId: number): Promise<void> {
  const known = new Set((await trx.selectFrom('gp_snapshot_objects').select('norad_id').distinct().execute()).map((r) => r.norad_id));
  const fresh = members.filter((m) => !known.has(m.norad_id as number));
  const names = new Map<number, string>();
  const elementIds = fresh.map((m) => m.element_set_id as string);
  for (let i = 0; i < fresh.length; i += 500) {
    const rows = await trx.selectFrom('element_sets').select(['norad_id', 'object_name', 'source_id']).where('id', 'in', elementIds.slice(i, i + 500)).execute();
    for (const r of rows) names.set(r.norad_id, r.object_name);
  }
  const changes = fresh.map((m) => ({
    run_id: runId, at: now, action: 'added', subject: 'catalog-object', subject_id: String(m.norad_id), entity_id: null,
    property: 'gp', value: names.get(m.norad_id as number) ?? null, source_id: null,
  }));
  for (let i = 0; i < changes.length; i += 500) await trx.insertInto('changes').values(changes.slice(i, i + 500)).execute();
}
