/** What the store holds: counts per kind and per source, and each origin's run history. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface StoreStatus {
  totals: { sources: number; entities: number; statements: number; series: number; points: number };
  entitiesByKind: { kind: string; entities: number }[];
  statementsBySource: { sourceId: string; title: string; published: string | null; statements: number; points: number; lastSeen: string | null }[];
  origins: {
    origin: string; lastRun: string | null; lastStatus: string | null; lastSuccess: string | null; lastError: string | null; runs: number;
    /** Hours since the last successful run. */
    stalenessHours: number | null;
    /** The date the data of the last successful ingest describes (its snapshot's as-of date). */
    dataAsOf: string | null;
    sourceId: string | null;
    /**
     * Failed runs of this origin, and the newest one: when, which check refused it, why, where the refused file is
     * kept, or, once the quarantine's retention deleted it, where it was, when and why it was deleted.
     */
    failures: number;
    lastFailure: {
      at: string; runId: number; check: string | null; reason: string | null; quarantined: string | null;
      quarantineRemoved: { file: string; at: string; reason: string } | null;
    } | null;
  }[];
}

const count = sql<number>`count(*)::int`;

export async function storeStatus(db: Kysely<Database>, now: Date = new Date()): Promise<StoreStatus> {
  const total = async (t: keyof Database) => (await db.selectFrom(t).select(count.as('n')).executeTakeFirstOrThrow()).n;
  const totals = {
    sources: await total('sources'), entities: await total('entities'), statements: await total('statements'),
    series: await total('series'), points: await total('series_points'),
  };
  const entitiesByKind = await db.selectFrom('entities').select(['kind', count.as('entities')]).groupBy('kind').orderBy('kind').execute();
  const bySource = await db.selectFrom('sources')
    .leftJoin(
      db.selectFrom('statements').select(['source_id', count.as('n'), sql<string>`max(last_seen)`.as('seen')]).groupBy('source_id').as('st'),
      'st.source_id', 'sources.id')
    .leftJoin(
      db.selectFrom('series_points').select(['source_id', count.as('n'), sql<string>`max(last_seen)`.as('seen')]).groupBy('source_id').as('pt'),
      'pt.source_id', 'sources.id')
    .select(['sources.id', 'sources.title', 'sources.published', 'st.n as statements', 'pt.n as points', 'st.seen as st_seen', 'pt.seen as pt_seen'])
    .where((eb) => eb.or([eb('st.n', '>', 0), eb('pt.n', '>', 0)]))
    .orderBy('sources.id').execute();
  const runs = await db.selectFrom('runs').select(['id', 'origin', 'started_at', 'status', 'error', 'detail']).orderBy('origin').orderBy('started_at').orderBy('id').execute();
  const origins = new Map<string, StoreStatus['origins'][number]>();
  for (const r of runs) {
    const o = origins.get(r.origin) ?? {
      origin: r.origin, lastRun: null, lastStatus: null, lastSuccess: null, lastError: null, runs: 0, stalenessHours: null, dataAsOf: null, sourceId: null,
      failures: 0, lastFailure: null,
    };
    o.runs++;
    o.lastRun = r.started_at;
    o.lastStatus = r.status;
    if (r.status === 'succeeded') {
      o.lastSuccess = r.started_at;
      o.stalenessHours = Math.round((now.getTime() - Date.parse(r.started_at)) / 36e5 * 10) / 10;
      const detail = (r.detail ?? {}) as { asOf?: string; sourceId?: string };
      if (detail.asOf) o.dataAsOf = detail.asOf;
      if (detail.sourceId) o.sourceId = detail.sourceId;
    }
    if (r.status === 'failed') {
      o.lastError = r.error;
      o.failures++;
      const detail = (r.detail ?? {}) as { check?: string; quarantined?: string | null; quarantineRemoved?: { file: string; at: string; reason: string } };
      o.lastFailure = {
        at: r.started_at, runId: r.id, check: detail.check ?? null, reason: r.error, quarantined: detail.quarantined ?? null,
        quarantineRemoved: detail.quarantineRemoved ?? null,
      };
    }
    origins.set(r.origin, o);
  }
  return {
    totals,
    entitiesByKind,
    statementsBySource: bySource.map((s) => ({
      sourceId: s.id, title: s.title, published: s.published, statements: s.statements ?? 0, points: s.points ?? 0,
      lastSeen: [s.st_seen, s.pt_seen].filter((x): x is string => !!x).sort().at(-1) ?? null,
    })),
    origins: [...origins.values()],
  };
}
