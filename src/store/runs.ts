/** The run history: every load or ingest is recorded, and a failed one keeps its error. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { formatOwner, ownerState, parseOwner } from './process-owner.js';

/**
 * Bumped by every change to the runs made in this thread (start, finish, close): the runs' cached
 * versions (cachedRunsVersion) are read again after it. Another process's runs (PostgreSQL is shared)
 * are seen within RUNS_CACHE_MS.
 */
let runsWritten = 0;
export const RUNS_CACHE_MS = 1000;

export async function startRun(db: Kysely<Database>, origin: string, startedAt: string): Promise<number> {
  runsWritten++;
  const row = await db.insertInto('runs').values({ origin, started_at: startedAt, status: 'running', detail: null, error: null, owner: formatOwner() })
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function finishRun(
  db: Kysely<Database>, id: number, status: 'succeeded' | 'failed', detail: Record<string, unknown> | null, error: string | null,
): Promise<void> {
  runsWritten++;
  await db.updateTable('runs')
    .set({ status, finished_at: new Date().toISOString(), detail: detail === null ? null : JSON.stringify(detail), error })
    .where('id', '=', id).execute();
}

/**
 * Changes a finished run's detail (e.g. to note that the refused file it kept was since deleted): `amend`
 * returns the new detail, or null to leave it. Only a run of `origin` is touched; its status and error stay.
 */
export async function amendRunDetail(
  db: Kysely<Database>, id: number, origin: string, amend: (detail: Record<string, unknown>) => Record<string, unknown> | null,
): Promise<boolean> {
  const row = await db.selectFrom('runs').select('detail').where('id', '=', id).where('origin', '=', origin).executeTakeFirst();
  if (!row || row.detail === null || typeof row.detail !== 'object' || Array.isArray(row.detail)) return false;
  const next = amend(row.detail as Record<string, unknown>);
  if (next === null) return false;
  runsWritten++;
  await db.updateTable('runs').set({ detail: JSON.stringify(next) }).where('id', '=', id).execute();
  return true;
}

/**
 * Closes as failed the runs left "running" by a process that died (killed, crashed, power cut).
 * exclusive: the caller holds the store's exclusive lock (embedded store), so every running run is stale.
 * Otherwise (PostgreSQL, shared) a run is stale when its owner was on this host and is gone, or is unrecorded.
 */
export async function closeStaleRuns(db: Kysely<Database>, exclusive: boolean, now = new Date().toISOString()): Promise<number[]> {
  const running = await db.selectFrom('runs').select(['id', 'owner']).where('status', '=', 'running').execute();
  const stale = running.filter((r) => {
    if (exclusive) return true;
    const owner = parseOwner(r.owner);
    return !owner || ownerState(owner) === 'dead';
  });
  for (const r of stale) {
    runsWritten++;
    await db.updateTable('runs').set({
      status: 'failed', finished_at: now,
      error: `the process that started this run (${r.owner ?? 'unrecorded'}) ended before it finished; closed at start-up. `
        + 'Its writes were one transaction: all of them were kept or none.',
    }).where('id', '=', r.id).where('status', '=', 'running').execute();
  }
  return stale.map((r) => r.id);
}

/** The newest successful run: its id and when it finished (the version and date of the data). */
export async function lastSuccessfulRun(db: Kysely<Database>): Promise<{ id: number | null; finishedAt: string | null }> {
  const row = await db.selectFrom('runs').select((eb) => [eb.fn.max('id').as('id'), eb.fn.max('finished_at').as('at')]).where('status', '=', 'succeeded').executeTakeFirst();
  return { id: row?.id ?? null, finishedAt: row?.at ?? null };
}

/** The newest run of any outcome and the newest finish: they change whenever a run starts or ends, failed ones included. */
export async function runsVersion(db: Kysely<Database>): Promise<string> {
  const row = await db.selectFrom('runs').select((eb) => [eb.fn.max('id').as('id'), eb.fn.max('finished_at').as('at')]).executeTakeFirst();
  return `${row?.id ?? 0}@${row?.at ?? ''}`;
}

/** The newest successful run among these origins (e.g. "ingest:ucs"): the version of the data they wrote. */
export async function lastSuccessfulRunOf(db: Kysely<Database>, origins: readonly string[]): Promise<{ id: number | null; finishedAt: string | null }> {
  if (origins.length === 0) return { id: null, finishedAt: null };
  const row = await db.selectFrom('runs').select((eb) => [eb.fn.max('id').as('id'), eb.fn.max('finished_at').as('at')])
    .where('status', '=', 'succeeded').where('origin', 'in', [...origins]).executeTakeFirst();
  return { id: row?.id ?? null, finishedAt: row?.at ?? null };
}

type Cached<T> = { written: number; at: number; value: Promise<T> };
const cachedVersions = new WeakMap<Kysely<Database>, Cached<string>>();
const cachedSuccesses = new WeakMap<Kysely<Database>, Cached<{ id: number | null; finishedAt: string | null }>>();

function cached<T>(cache: WeakMap<Kysely<Database>, Cached<T>>, db: Kysely<Database>, read: () => Promise<T>): Promise<T> {
  const hit = cache.get(db);
  if (hit && hit.written === runsWritten && Date.now() - hit.at < RUNS_CACHE_MS) return hit.value;
  const entry = { written: runsWritten, at: Date.now(), value: read() };
  cache.set(db, entry);
  entry.value.catch(() => cache.delete(db));
  return entry.value;
}

/** runsVersion, read at most once per RUNS_CACHE_MS unless this thread changed the runs (per-request use). */
export function cachedRunsVersion(db: Kysely<Database>): Promise<string> {
  return cached(cachedVersions, db, () => runsVersion(db));
}

/** lastSuccessfulRun, read at most once per RUNS_CACHE_MS unless this thread changed the runs (per-request use). */
export function cachedLastSuccessfulRun(db: Kysely<Database>): Promise<{ id: number | null; finishedAt: string | null }> {
  return cached(cachedSuccesses, db, () => lastSuccessfulRun(db));
}
