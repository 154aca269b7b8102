/**
 * The previous successful ingest of a feed, as the plausibility check needs it: its accepted row
 * count (from the run's detail) and its keys (the rows it wrote or stamped: every catalog table
 * stamps last_seen with the run's start time on each row the run holds).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { FeedInvariants } from '../ingest/feed-invariants.js';
import type { IngestExtent } from '../ingest/check-feed.js';
import type { KeptIds } from '../model/catalog-rows.js';

export interface PreviousIngest extends IngestExtent { runId: number; startedAt: string }

export async function previousIngest(db: Kysely<Database>, origin: string, inv: FeedInvariants): Promise<PreviousIngest | null> {
  const runs = await db.selectFrom('runs').select(['id', 'started_at', 'detail']).where('origin', '=', origin).where('status', '=', 'succeeded')
    .orderBy('id', 'desc').limit(100).execute();
  // A 304 (not modified) run has no rows of its own.
  const run = runs.find((r) => typeof (r.detail as { accepted?: unknown } | null)?.accepted === 'number');
  if (!run) return null;
  const { table, column } = inv.previous.keys;
  const keys = await sql<{ k: string | number }>`select distinct ${sql.ref(column)} as k from ${sql.table(table)} where origin = ${origin} and last_seen = ${run.started_at}`.execute(db);
  return {
    runId: run.id, startedAt: run.started_at,
    rows: (run.detail as { accepted: number }).accepted,
    keys: new Set(keys.rows.map((r) => String(r.k))),
  };
}

/** The same keys from the rows about to be written. */
export function nextKeys(rows: readonly Record<string, unknown>[] | undefined, column: string): Set<string> {
  return new Set((rows ?? []).map((r) => String(r[column])));
}

/**
 * The keys of the stored rows a file's rejected rows keep (MappedCatalog.kept of the keys' table): a
 * kept row is not missing from the file, so the plausibility check counts it as present.
 */
export async function keptKeys(db: Kysely<Database>, inv: FeedInvariants, kept: KeptIds | undefined): Promise<string[]> {
  if (!kept || kept === 'all' || kept.length === 0) return [];
  const { table, column } = inv.previous.keys;
  const rows = await sql<{ k: string | number }>`select distinct ${sql.ref(column)} as k from ${sql.table(table)} where id in (${sql.join(kept)})`.execute(db);
  return rows.rows.map((r) => String(r.k));
}
