/**
 * Where the server's heavy computations run (ANALYTICS_JOBS). With a store another thread can open
 * (PostgreSQL, or an on-disk PGlite through its database thread), they run in one analytics worker
 * thread that opens the store itself and keeps its own caches, so classifying a catalog snapshot or
 * building the data package never holds the event loop that answers requests. With an in-memory
 * PGlite (tests, `memory`), which no other thread can open, they run in the calling thread.
 */
import type { Worker } from 'node:worker_threads';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { Rules } from '../ingest/rules/read-rules.js';
import type { Store } from '../store/open-store.js';
import type { StoreAccess } from '../store/store-access.js';
import { moduleBeside, startModuleWorker } from '../runtime/module-worker.js';
import { portRequests, type PortRequests } from '../runtime/port-requests.js';
import { ANALYTICS_JOBS, type JobArgs, type JobName, type JobResult } from './analytics-jobs.js';
import { AnalyticsError, CountryParameterError } from './analytics.js';
import { PermalinkError } from './permalink.js';
import { ScreenParameterError } from './conjunctions.js';
import type { JobReply, JobRequest, WorkerError } from './analytics-worker.js';

export interface AnalyticsRunner {
  run<K extends JobName>(name: K, args: JobArgs<K>): Promise<JobResult<K>>;
  /** "worker" when jobs run in the analytics worker thread, "caller" when in the calling thread. */
  readonly where: 'worker' | 'caller';
  close(): Promise<void>;
}

/** Runs the jobs in the calling thread. */
export function callerRunner(db: Kysely<Database>, rules: Rules): AnalyticsRunner {
  return {
    where: 'caller',
    run: <K extends JobName>(name: K, args: JobArgs<K>) =>
      (ANALYTICS_JOBS[name] as (db: Kysely<Database>, rules: Rules, args: JobArgs<K>) => Promise<JobResult<K>>)(db, rules, args),
    close: async () => {},
  };
}

/** The errors a job may end with that callers tell apart, rebuilt with their class on this side. */
const ERROR_CLASSES: Record<string, { prototype: Error }> = { AnalyticsError, CountryParameterError, PermalinkError, ScreenParameterError };

function rebuild(e: WorkerError): Error {
  const err = Object.create((ERROR_CLASSES[e.name] ?? Error).prototype) as Error;
  return Object.assign(err, e.props, { message: e.message, stack: e.stack });
}

/** Runs the jobs in a worker thread on the store `access` opens; a worker that fails is replaced on the next job. */
export function workerRunner(access: () => Promise<StoreAccess>, rulesDir: string): AnalyticsRunner {
  let worker: Promise<{ worker: Worker; requests: PortRequests<JobRequest, unknown> }> | null = null;
  const start = async () => {
    const store = await access();
    const transfer = store.kind === 'pglite' ? [store.port] : [];
    const w = startModuleWorker(moduleBeside(import.meta.url, 'analytics-worker'), { workerData: { access: store, rulesDir }, transferList: transfer });
    const requests = portRequests<JobRequest, JobReply, unknown>(w, (reply) =>
      reply.ok ? { ok: true, value: reply.value } : { ok: false, error: rebuild(reply.error) });
    const failAll = (err: Error) => {
      worker = null;
      requests.failAll(err);
    };
    w.on('error', (err) => failAll(new Error(`the analytics worker failed: ${err.message}`)));
    w.on('exit', (code) => failAll(new Error(`the analytics worker exited (code ${code})`)));
    w.unref();
    return { worker: w, requests };
  };
  return {
    where: 'worker',
    async run<K extends JobName>(name: K, args: JobArgs<K>): Promise<JobResult<K>> {
      worker ??= start();
      const { requests } = await worker;
      return requests.send({ job: name, args }) as Promise<JobResult<K>>;
    },
    async close() {
      const running = worker;
      worker = null;
      if (running) await (await running).worker.terminate();
    },
  };
}

/** The runner for a store: a worker when another thread can open the store, else the calling thread. */
export async function analyticsRunner(store: Store, rules: () => Rules, rulesDir: string): Promise<AnalyticsRunner> {
  const first = await store.shareWithThread();
  if (!first) return callerRunner(store.db, rules());
  let given = false;
  return workerRunner(async () => {
    if (!given) {
      given = true;
      return first;
    }
    return (await store.shareWithThread())!;
  }, rulesDir);
}
