/**
 * The GP history tables as they were written before COPY (src/store/write-catalog.ts up to commit
 * 91da8c1): rows inserted 500 at a time with ON CONFLICT stamping last_seen, and objects new to every
 * snapshot logged from a set read into memory. Kept as the reference the COPY load is compared with.
 * Snapshot members are kept as spans (migrations/005-element-spans.sql), worked out here in memory
 * from the stored spans, one member at a time, instead of in SQL.
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../../src/store/schema.js';
import type { CatalogRow, MappedCatalog } from '../../../src/model/catalog-rows.js';
import { CATALOG_WRITES } from '../../../src/store/write-catalog.js';

/** Each member: the span covering seq is stamped, else its span of the same element set ending at seq - 1 is extended, else a span starts. */
async function writeSpansInMemory(trx: Transaction<Database>, members: CatalogRow[], seq: number, origin: string, now: string): Promise<void> {
  const spans = await trx.selectFrom('element_spans').select(['norad_id', 'first_seq', 'last_seq', 'element_set_id']).execute();
  const byObject = new Map<number, typeof spans>();
  for (const s of spans) byObject.set(s.norad_id, [...(byObject.get(s.norad_id) ?? []), s]);
  const stamp: { norad_id: number; first_seq: number }[] = [];
  const extend: { norad_id: number; first_seq: number }[] = [];
  const start: CatalogRow[] = [];
  for (const m of members) {
    const own = byObject.get(m.norad_id as number) ?? [];
    const covering = own.find((s) => s.first_seq <= seq && seq <= s.last_seq);
    const previous = own.find((s) => s.last_seq === seq - 1 && s.element_set_id === m.element_set_id);
    if (covering) stamp.push(covering);
    else if (previous) extend.push(previous);
    else start.push(m);
  }
  const keys = (chunk: { norad_id: number; first_seq: number }[]) =>
    sql`(norad_id, first_seq) in (select * from unnest(${chunk.map((k) => k.norad_id)}::integer[], ${chunk.map((k) => k.first_seq)}::integer[]))`;
  for (let i = 0; i < stamp.length; i += 500) {
    await sql`update element_spans set last_seen = ${now} where ${keys(stamp.slice(i, i + 500))}`.execute(trx);
  }
  for (let i = 0; i < extend.length; i += 500) {
    await sql`update element_spans set last_seq = ${seq}::integer, last_seen = ${now} where ${keys(extend.slice(i, i + 500))}`.execute(trx);
  }
  for (let i = 0; i < start.length; i += 500) {
    await trx.insertInto('element_spans').values(start.slice(i, i + 500).map((m) => ({
      norad_id: m.norad_id as number, first_seq: seq, last_seq: seq, element_set_id: m.element_set_id as string, origin, first_seen: now, last_seen: now,
    }))).execute();
  }
}

export async function writeHistoryRowByRow(trx: Transaction<Database>, origin: string, mapped: MappedCatalog, now: string, runId: number): Promise<void> {
  const elementSets = mapped.tables.element_sets ?? [];
  const mode = CATALOG_WRITES.element_sets;
  if (mode.kind !== 'history') throw new Error('element_sets is a history table');
  await insertRows(trx, 'element_sets', elementSets, mode.columns, origin, now);
  const [snapshot] = mapped.tables.gp_snapshots ?? [];
  if (!snapshot) return;
  const members = mapped.tables.gp_snapshot_objects ?? [];
  await logNewObjects(trx, members, now, runId);
  await sql`insert into gp_snapshots (id, source_id, as_of, object_count, origin, first_seen, last_seen, seq)
    values (${snapshot.id}, ${snapshot.source_id as string}, ${snapshot.as_of as string}, ${snapshot.object_count as number}, ${origin}, ${now}, ${now},
      (select coalesce(max(seq), 0) + 1 from gp_snapshots))
    on conflict (id) do update set last_seen = ${now}`.execute(trx);
  const { seq } = await trx.selectFrom('gp_snapshots').select('seq').where('id', '=', snapshot.id).executeTakeFirstOrThrow();
  await writeSpansInMemory(trx, members, seq, origin, now);
}

async function insertRows(trx: Transaction<Database>, table: 'element_sets', rows: CatalogRow[], columns: readonly string[], origin: string, now: string): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500).map((r) => {
      const v: Record<string, unknown> = { id: r.id, origin, first_seen: now, last_seen: now };
      for (const c of columns) v[c] = r[c] ?? null;
      return v;
    });
    const cols = Object.keys(chunk[0]!);
    await sql`insert into ${sql.table(table)} (${sql.join(cols.map((c) => sql.ref(c)))})
      values ${sql.join(chunk.map((v) => sql`(${sql.join(cols.map((c) => v[c]))})`))}
      on conflict (id) do update set last_seen = ${now}`.execute(trx);
  }
}

async function logNewObjects(trx: Transaction<Database>, members: CatalogRow[], now: string, runId: number): Promise<void> {
  const known = new Set((await trx.selectFrom('element_spans').select('norad_id').distinct().execute()).map((r) => r.norad_id));
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
