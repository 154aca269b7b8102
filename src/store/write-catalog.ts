/**
 * Writes one feed's mapped catalog rows inside the caller's transaction. Element sets keep
 * history (a row, once written, stays; re-ingesting stamps last_seen); a GP snapshot and its
 * members are written as spans of unchanged element sets (write-spans.ts), logging objects seen
 * for the first time; the other tables are replaced for the feed's origin through syncRows, which
 * logs new launches and catalog objects in the change log and keeps the stored rows of the file's
 * rejected rows (MappedCatalog.kept).
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';
import { syncRows, type Row, type SyncCounts, type SyncSpec } from './sync-rows.js';
import type { CatalogTable, MappedCatalog } from '../model/catalog-rows.js';
import { copyRows } from './copy-rows.js';
import { writeSnapshot, type StoredElementSets } from './write-spans.js';
import { tableIsEmpty } from './table-empty.js';

type Mode = { kind: 'history'; columns: string[] } | { kind: 'snapshot'; columns: string[] } | { kind: 'replace'; spec: SyncSpec };

const cols = (...c: string[]) => c;

export const CATALOG_WRITES: Record<CatalogTable, Mode> = {
  element_sets: { kind: 'history', columns: cols('norad_id', 'epoch', 'object_name', 'object_id', 'mean_motion', 'eccentricity', 'inclination', 'raan', 'arg_of_pericenter', 'mean_anomaly', 'bstar', 'mean_motion_dot', 'mean_motion_ddot', 'element_set_no', 'rev_at_epoch', 'classification', 'ephemeris_type', 'line1', 'line2', 'source_id') },
  // Written together by writeSnapshot: the members are stored as element_spans.
  gp_snapshots: { kind: 'snapshot', columns: cols('source_id', 'as_of', 'object_count') },
  gp_snapshot_objects: { kind: 'snapshot', columns: cols('snapshot_id', 'norad_id', 'element_set_id') },
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

export type CatalogCounts = Partial<Record<CatalogTable | 'element_spans', SyncCounts>>;

export async function writeCatalog(
  trx: Transaction<Database>, origin: string, mapped: MappedCatalog, now: string, runId: number,
): Promise<CatalogCounts> {
  const counts: CatalogCounts = {};
  let stored: StoredElementSets = new Map();
  for (const table of ORDER) {
    const rows = mapped.tables[table];
    if (!rows) continue;
    const mode = CATALOG_WRITES[table];
    if (mode.kind === 'replace') {
      counts[table] = await syncRows(trx, mode.spec, origin, rows as Row[], now, runId, 'both', mapped.kept?.[table] ?? []);
      continue;
    }
    if (mode.kind === 'snapshot') {
      if (table === 'gp_snapshot_objects') continue;
      if (rows.length !== 1) throw new Error(`one GP snapshot per file, not ${rows.length}`);
      Object.assign(counts, await writeSnapshot(trx, origin, rows[0]!, mapped.tables.gp_snapshot_objects ?? [], now, runId, stored));
      continue;
    }
    requireDistinctIds(table, rows);
    counts[table] = await writeHistory(trx, table, mode.columns, origin, rows, rows.length, now);
    // Every one of them is now stored (written or stamped): the snapshot's members need no check against them.
    if (table === 'element_sets') stored = new Map(rows.map((r) => [r.id, r.object_name as string]));
  }
  return counts;
}

/**
 * Each id once: the parsers reject a row that repeats an earlier one's key, so a repeat here is a fault
 * upstream and fails the write (nothing stored) rather than dropping a row or counting it twice.
 */
function requireDistinctIds(table: CatalogTable, rows: readonly { id: string }[]): void {
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.id)) throw new Error(`${table}: id ${r.id} is written twice in one ingest`);
    seen.add(r.id);
  }
}

/**
 * New rows (by id) are inserted with first_seen = last_seen = now; rows already stored only get
 * last_seen = now (history: a row, once written, stays as it was written). Staged ids are unique.
 * The stored rows are stamped first (one index probe each, returning their ids), and the new rows are copied straight
 * into the table: no staging copy, no insert-select, no conflict handling per row. Inside the
 * caller's transaction; should another writer insert one of the ids meanwhile, the copy fails on the
 * primary key and the whole transaction is rolled back.
 */
async function writeHistory(
  trx: Transaction<Database>, table: CatalogTable, columns: readonly string[], origin: string, rows: readonly Row[], total: number, now: string,
): Promise<SyncCounts> {
  // Stamps the rows already stored and names them, in one statement; an empty table (a first load) has
  // none to stamp, and passing every id to find that out cost 31 of a 470 ms GP first load on PGlite.
  const known = await tableIsEmpty(trx, table) ? new Set<string>() : await stampStored(trx, table, rows, now);
  const fresh = known.size === 0 ? rows : rows.filter((r) => !known.has(r.id as string));
  if (columns.includes('source_id')) await lockSources(trx, fresh);
  const written = ['id', ...columns, 'origin', 'first_seen', 'last_seen'];
  const added = fresh.length === 0 ? 0 : await copyRows(trx, table, written, fresh, (row) => {
    const fields: unknown[] = new Array(written.length);
    fields[0] = row.id;
    for (let c = 0; c < columns.length; c++) fields[c + 1] = row[columns[c]!];
    fields[columns.length + 1] = origin;
    fields[columns.length + 2] = now;
    fields[columns.length + 3] = now;
    return fields;
  });
  return { added, updated: 0, removed: 0, unchanged: total - added };
}

/** Sets last_seen = now on the rows already stored; returns their ids. */
async function stampStored(trx: Transaction<Database>, table: CatalogTable, rows: readonly Row[], now: string): Promise<Set<string>> {
  const ids = rows.map((r) => r.id as string);
  const { rows: stored } = await sql<{ id: string }>`
    update ${sql.table(table)} set last_seen = ${now}::text where id = any(${ids}::text[]) returning id`.execute(trx);
  return new Set(stored.map((r) => r.id));
}

/**
 * The sources the new rows name are all stored, and stay so until the transaction ends (locked FOR
 * KEY SHARE, as a foreign key would lock them): the check element_sets' foreign key made per row,
 * made once (migrations/007-bulk-writes.sql). A missing source fails the whole write.
 */
async function lockSources(trx: Transaction<Database>, rows: readonly Row[]): Promise<void> {
  const named = [...new Set(rows.map((r) => r.source_id as string))];
  if (named.length === 0) return;
  const { rows: found } = await sql<{ id: string }>`select id from sources where id = any(${named}::text[]) for key share`.execute(trx);
  const stored = new Set(found.map((r) => r.id));
  const missing = named.find((id) => !stored.has(id));
  if (missing !== undefined) throw new Error(`element sets name source "${missing}", which is not in sources`);
}
