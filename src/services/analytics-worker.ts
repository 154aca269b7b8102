/**
 * The analytics worker thread (analytics-runner.ts starts it): opens the shared store and the rules
 * once, then runs the jobs it is sent (ANALYTICS_JOBS), several at a time, with its own caches.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { attachStore, type StoreAccess } from '../store/store-access.js';
import { ANALYTICS_JOBS, type JobName } from './analytics-jobs.js';
import { loadRules } from './analytics.js';

export interface JobRequest { id: number; job: JobName; args: unknown }
export interface WorkerError { name: string; message: string; stack?: string; props: Record<string, unknown> }
export type JobReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WorkerError };

function describe(err: unknown): WorkerError {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err), props: {} };
  const props: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(err)) if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) props[k] = v;
  return { name: err.constructor.name, message: err.message, stack: err.stack, props };
}

const { access, rulesDir } = workerData as { access: StoreAccess; rulesDir: string };
const db = attachStore(access);
// The rules are parsed once, when the worker starts (as the server's are): no job reads a file for them.
const rules = loadRules(rulesDir);
const port = parentPort!;
port.on('message', (req: JobRequest) => {
  const job = ANALYTICS_JOBS[req.job] as ((...a: unknown[]) => Promise<unknown>) | undefined;
  const work = job ? Promise.resolve().then(() => job(db, rules, req.args)) : Promise.reject(new Error(`no analytics job "${String(req.job)}"`));
  work.then((value) => {
    const transfer = value instanceof Uint8Array ? [value.buffer as ArrayBuffer] : [];
    port.postMessage({ id: req.id, ok: true, value } satisfies JobReply, transfer);
  }, (err: unknown) => port.postMessage({ id: req.id, ok: false, error: describe(err) } satisfies JobReply));
});
