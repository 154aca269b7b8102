/**
 * GP snapshots and their members, stored compactly (migrations/005-element-spans.sql): a snapshot
 * gets the next sequence number when first written; each member either is already covered by a span
 * at that number (the same snapshot again: only last_seen is stamped), extends its span when the
 * previous snapshot had the same element set, or starts a new span; written again, a snapshot takes a
 * member's element set with a later epoch (releaseOlderSets). The members are staged with COPY
 * into a temporary table and the diff against the stored spans is done in SQL, inside the caller's
 * transaction.
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';
import type { CatalogRow } from '../model/catalog-rows.js';
import type { SyncCounts } from './sync-rows.js';
import { copyRows } from './copy-rows.js';
import { tableIsEmpty } from './table-empty.js';

/**
 * The element sets the same transaction has just written or stamped (writeHistory): every member
 * naming one of them is known to be stored, with this object name, so neither needs a query.
 */
export type StoredElementSets = ReadonlyMap<string, string>;

export interface SnapshotCounts {
  gp_snapshots: SyncCounts;
  /** Members listed for the snapshot for the first time (a re-ingest of the same snapshot adds none). */
  gp_snapshot_objects: SyncCounts;
  /** added: spans started; updated: spans extended to this snapshot; unchanged: spans already covering it. */
  element_spans: SyncCounts;
}

/** Writes one snapshot row and its members; the members all belong to that snapshot. */
export async function writeSnapshot(
  trx: Transaction<Database>, origin: string, snapshot: CatalogRow, members: readonly CatalogRow[], now: string, runId: number,
  stored: StoredElementSets = new Map(),
): Promise<SnapshotCounts> {
  const stray = members.find((m) => m.snapshot_id !== snapshot.id);
  if (stray) throw new Error(`member ${String(stray.norad_id)} belongs to snapshot ${String(stray.snapshot_id)}, not ${snapshot.id}`);
  const { rows } = await sql<{ seq: number; inserted: boolean }>`
    insert into gp_snapshots (id, source_id, as_of, object_count, origin, first_seen, last_seen, seq)
    values (${snapshot.id}, ${snapshot.source_id as string}, ${snapshot.as_of as string}, ${snapshot.object_count as number},
      ${origin}, ${now}, ${now}, (select coalesce(max(seq), 0) + 1 from gp_snapshots))
    on conflict (id) do update set last_seen = excluded.last_seen
    returning seq, (xmax = 0) as inserted`.execute(trx);
  const { seq, inserted } = rows[0]!;
  const allStored = members.every((m) => stored.has(m.element_set_id as string));
  const staging = await stageMembers(trx, members, stored, allStored);
  if (!allStored) await checkElementSets(trx, staging);
  await logNewObjects(trx, staging, now, runId);
  // No span stored yet (a first load): every member starts one, and the diff against stored spans is skipped.
  const first = await tableIsEmpty(trx, 'element_spans');
  const replaced = inserted || first ? 0 : await releaseOlderSets(trx, staging, seq);
  const spans = first ? await startSpans(trx, staging, seq, origin, now) : await writeSpans(trx, staging, seq, origin, now);
  const listed = spans.added + spans.updated - replaced;
  return {
    gp_snapshots: { added: inserted ? 1 : 0, updated: 0, removed: 0, unchanged: inserted ? 0 : 1 },
    gp_snapshot_objects: { added: listed, updated: replaced, removed: 0, unchanged: members.length - listed - replaced },
    element_spans: spans,
  };
}

const STAGING = 'staging_element_spans';

/**
 * The members, in file order (`ord`), in a temporary table of this transaction, with their element
 * set's object name: from `stored` when the transaction wrote that set, else read from element_sets.
 */
async function stageMembers(
  trx: Transaction<Database>, members: readonly CatalogRow[], stored: StoredElementSets, allStored: boolean,
): Promise<string> {
  await sql`drop table if exists pg_temp.${sql.id(STAGING)}`.execute(trx);
  await sql`create temp table ${sql.id(STAGING)} (norad_id integer not null, element_set_id text not null, object_name text, ord integer not null)
    on commit drop`.execute(trx);
  await copyRows(trx, STAGING, ['norad_id', 'element_set_id', 'object_name', 'ord'], members, (m, k) =>
    [m.norad_id, m.element_set_id, stored.get(m.element_set_id as string) ?? null, k]);
  if (!allStored) {
    await sql`update ${sql.id(STAGING)} m set object_name = e.object_name from element_sets e
      where m.object_name is null and e.id = m.element_set_id`.execute(trx);
  }
  return STAGING;
}

/**
 * Every member's element set is stored (element_spans has no foreign key: this one join checks them
 * all). Skipped when the same transaction wrote or stamped every member's set.
 */
async function checkElementSets(trx: Transaction<Database>, staging: string): Promise<void> {
  const { rows } = await sql<{ id: string }>`
    select m.element_set_id as id from ${sql.table(staging)} m
    where not exists (select 1 from element_sets e where e.id = m.element_set_id) limit 1`.execute(trx);
  if (rows[0]) throw new Error(`snapshot member's element set ${rows[0].id} is not stored`);
}

/** Objects seen in a snapshot for the first time ever go into the change log, named as in their element set. */
async function logNewObjects(trx: Transaction<Database>, staging: string, now: string, runId: number): Promise<void> {
  await sql`
    insert into changes (run_id, at, action, subject, subject_id, entity_id, property, value, source_id)
    select ${runId}::integer, ${now}::text, 'added', 'catalog-object', m.norad_id::text, null, 'gp', m.object_name, null
    from ${sql.table(staging)} m
    where not exists (select 1 from element_spans o where o.norad_id = m.norad_id)
    order by m.ord`.execute(trx);
}

/**
 * A snapshot written again (a second download on the same day has the same snapshot id): a member whose
 * new element set has a later epoch than the one its object's span gives at `seq` takes the new one. That
 * span is cut around `seq` (kept before it, shortened; continued after it, a new span from seq + 1), so
 * the other snapshots keep their element sets and writeSpans then gives the member its new set at `seq`.
 * An element set with an earlier or equal epoch never replaces a stored one (an older file read again).
 * Returns how many members took a newer element set.
 */
async function releaseOlderSets(trx: Transaction<Database>, staging: string, seq: number): Promise<number> {
  const { rows } = await sql<{ released: number }>`
    with differs as materialized (
      select sp.norad_id, sp.first_seq, sp.last_seq, sp.element_set_id, sp.origin, sp.first_seen, sp.last_seen, m.element_set_id as newer_id
      from ${sql.table(staging)} m
      join element_spans sp on sp.norad_id = m.norad_id and sp.first_seq <= ${seq}::integer and sp.last_seq >= ${seq}::integer
      where sp.element_set_id <> m.element_set_id
    ),
    -- Epochs are read only for the few members whose element set differs (52 -> 18 ms on PostgreSQL when none does).
    released as materialized (
      select d.* from differs d
      join element_sets kept on kept.id = d.element_set_id
      join element_sets newer on newer.id = d.newer_id
      where newer.epoch > kept.epoch
    ),
    shortened as (
      update element_spans sp set last_seq = ${seq}::integer - 1 from released r
      where r.first_seq < ${seq}::integer and sp.norad_id = r.norad_id and sp.first_seq = r.first_seq
      returning 1
    ),
    dropped as (
      delete from element_spans sp using released r
      where r.first_seq = ${seq}::integer and sp.norad_id = r.norad_id and sp.first_seq = r.first_seq
      returning 1
    ),
    continued as (
      insert into element_spans (norad_id, first_seq, last_seq, element_set_id, origin, first_seen, last_seen)
      select r.norad_id, ${seq}::integer + 1, r.last_seq, r.element_set_id, r.origin, r.first_seen, r.last_seen
      from released r where r.last_seq > ${seq}::integer
      returning 1
    )
    -- Data-modifying parts run to completion whether or not this query reads them.
    select count(*)::integer as released from released`.execute(trx);
  return rows[0]!.released;
}

/**
 * Every staged member starts a span [seq, seq]: what writeSpans does when no span is stored, without its
 * join and grouping (a GP first load on PGlite: 403 instead of 446 ms, medians of 8 runs).
 */
async function startSpans(trx: Transaction<Database>, staging: string, seq: number, origin: string, now: string): Promise<SyncCounts> {
  const result = await sql`
    insert into element_spans (norad_id, first_seq, last_seq, element_set_id, origin, first_seen, last_seen)
    select m.norad_id, ${seq}::integer, ${seq}::integer, m.element_set_id, ${origin}::text, ${now}::text, ${now}::text
    from ${sql.table(staging)} m`.execute(trx);
  return { added: Number(result.numAffectedRows ?? 0n), updated: 0, removed: 0, unchanged: 0 };
}

/**
 * One statement: for each staged member, the span of its object covering `seq` (stamped), else the
 * span of the same element set ending at seq - 1 (extended), else a new span [seq, seq]. Only spans
 * reaching seq - 1 or later can be either, so one join (by the last_seq index) finds both. Every
 * data-modifying part sees the spans as they were before the statement, so the three are disjoint.
 */
async function writeSpans(trx: Transaction<Database>, staging: string, seq: number, origin: string, now: string): Promise<SyncCounts> {
  const { rows } = await sql<{ stamped: number; extended: number; started: number }>`
    with member as materialized (
      select m.norad_id, m.element_set_id,
        max(sp.first_seq) filter (where sp.last_seq >= ${seq}::integer) as covering,
        max(sp.first_seq) filter (where sp.last_seq = ${seq}::integer - 1 and sp.element_set_id = m.element_set_id) as previous
      from ${sql.table(staging)} m
      left join element_spans sp on sp.norad_id = m.norad_id and sp.last_seq >= ${seq}::integer - 1 and sp.first_seq <= ${seq}::integer
      group by m.norad_id, m.element_set_id
    ),
    stamped as (
      update element_spans sp set last_seen = ${now}::text from member m
      where m.covering is not null and sp.norad_id = m.norad_id and sp.first_seq = m.covering
      returning 1
    ),
    extended as (
      update element_spans sp set last_seq = ${seq}::integer, last_seen = ${now}::text from member m
      where m.covering is null and m.previous is not null and sp.norad_id = m.norad_id and sp.first_seq = m.previous
      returning 1
    ),
    started as (
      insert into element_spans (norad_id, first_seq, last_seq, element_set_id, origin, first_seen, last_seen)
      select m.norad_id, ${seq}::integer, ${seq}::integer, m.element_set_id, ${origin}::text, ${now}::text, ${now}::text
      from member m where m.covering is null and m.previous is null
      returning 1
    )
    select (select count(*) from stamped)::integer as stamped, (select count(*) from extended)::integer as extended,
      (select count(*) from started)::integer as started`.execute(trx);
  const r = rows[0]!;
  return { added: r.started, updated: r.extended, removed: 0, unchanged: r.stamped };
}
