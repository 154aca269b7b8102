/**
 * Makes the rows of one origin in one table equal to a new set, inside the caller's
 * transaction: inserts new ids (first_seen = last_seen = now), updates changed ones,
 * deletes ids the origin no longer has, stamps last_seen on the rest, and records
 * each addition, update and removal in the change log. Loading the same set twice
 * changes nothing but last_seen. A stored row whose id is in `kept` (the new file has it but
 * rejected it) stays as it is: not removed, and not updated from another row of that id; `kept`
 * 'all' removes nothing (a rejected row's key could not be read).
 */
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { ChangesTable, Database } from './schema.js';
import { canonicalJson } from '../model/value-types.js';
import type { KeptIds } from '../model/catalog-rows.js';

export type SyncedTable = 'sources' | 'entities' | 'statements' | 'series' | 'series_points'
  | 'satcat' | 'launches' | 'launch_objects' | 'ucs_satellites' | 'catalog_records';
export type Row = Record<string, unknown> & { id: string };

export interface SyncSpec {
  table: SyncedTable;
  /** The subject name in the change log; null to keep the table out of it. */
  subject: string | null;
  /** Columns that may change while the id stays (everything but id, origin and the timestamps). */
  columns: string[];
  /** Columns to copy into the change log (entity_id, property, value, source_id) when the table has them. */
  describe?: (row: Row) => { entity_id?: string | null; property?: string | null; value?: string | null; source_id?: string | null };
}

/** kept: stored rows left as they are because `kept` names them, or removals withheld by 'all' (only when `kept` is given). */
export interface SyncCounts { added: number; updated: number; removed: number; unchanged: number; kept?: number }

const CHUNK = 500;

export async function syncRows(
  trx: Transaction<Database> | Kysely<Database>, spec: SyncSpec, origin: string, rows: Row[], now: string, runId: number,
  phase: 'upsert' | 'delete' | 'both' = 'both', kept?: KeptIds,
): Promise<SyncCounts> {
  const db = trx;
  const table = sql.table(spec.table);
  const columnList = (names: readonly string[]) => sql.join(names.map((c) => sql.ref(c)));
  const existing = new Map<string, Row>();
  const stored = await sql<Row>`select ${columnList(['id', ...spec.columns])} from ${table} where origin = ${origin}`.execute(db);
  for (const r of stored.rows) existing.set(r.id, r);
  const counts: SyncCounts = { added: 0, updated: 0, removed: 0, unchanged: 0 };
  const changes: Insertable<ChangesTable>[] = [];
  const log = (action: string, row: Row) => spec.subject !== null &&
    changes.push({ run_id: runId, at: now, action, subject: spec.subject, subject_id: row.id, entity_id: null, property: null, value: null, source_id: null, ...(spec.describe?.(row) ?? {}) });

  const named = new Set(kept === undefined || kept === 'all' ? [] : kept);
  let keptCount = 0;

  if (phase !== 'delete') {
    const fresh: Row[] = [];
    for (const row of rows) {
      const prior = existing.get(row.id);
      if (!prior) { fresh.push(row); log('added', row); continue; }
      if (named.has(row.id)) { keptCount++; continue; }
      if (spec.columns.some((c) => !sameValue(prior[c], row[c]))) {
        counts.updated++;
        log('updated', row);
        const set = [sql`last_seen = ${now}`, ...spec.columns.map((c) => sql`${sql.ref(c)} = ${encode(row[c])}`)];
        await sql`update ${table} set ${sql.join(set)} where id = ${row.id}`.execute(db);
      } else counts.unchanged++;
    }
    counts.added = fresh.length;
    const inserted = ['id', 'origin', 'first_seen', 'last_seen', ...spec.columns];
    for (let i = 0; i < fresh.length; i += CHUNK) {
      const values = fresh.slice(i, i + CHUNK).map((row) => sql`(${sql.join([row.id, origin, now, now, ...spec.columns.map((c) => encode(row[c]))])})`);
      await sql`insert into ${table} (${columnList(inserted)}) values ${sql.join(values)}`.execute(db);
    }
  }
  if (phase !== 'upsert') {
    const keep = new Set(rows.map((r) => r.id));
    const absent = [...existing.values()].filter((r) => !keep.has(r.id));
    const gone = kept === 'all' ? [] : absent.filter((r) => !named.has(r.id));
    keptCount += absent.length - gone.length;
    for (let i = 0; i < gone.length; i += CHUNK) {
      const chunk = gone.slice(i, i + CHUNK);
      await sql`delete from ${table} where id in (${sql.join(chunk.map((r) => r.id))})`.execute(db);
      chunk.forEach((r) => log('removed', r));
    }
    counts.removed = gone.length;
    await sql`update ${table} set last_seen = ${now} where origin = ${origin}`.execute(db);
  }
  for (let i = 0; i < changes.length; i += CHUNK) await db.insertInto('changes').values(changes.slice(i, i + CHUNK)).execute();
  if (kept !== undefined) counts.kept = keptCount;
  return counts;
}

function encode(v: unknown): unknown {
  if (v === undefined) return null;
  return v !== null && typeof v === 'object' ? JSON.stringify(v) : v;
}

function sameValue(stored: unknown, fresh: unknown): boolean {
  const norm = (v: unknown) => (v === undefined ? null : v);
  const a = norm(stored);
  const b = norm(fresh);
  if (a !== null && typeof a === 'object') return canonicalJson(a) === canonicalJson(typeof b === 'string' ? JSON.parse(b) : b);
  return a === b;
}
