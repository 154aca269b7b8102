/**
 * Where a screening runs. The server runs each in its own worker thread with a time budget, so a
 * request never blocks the event loop or other requests; the CLI runs in-process with the
 * propagation spread over a worker pool on all cores.
 */
import { availableParallelism } from 'node:os';
import { startModuleWorker } from '../orbit/batch/start-worker.js';
import { PropagationPool } from '../orbit/batch/pool.js';
import { prepareCatalog } from '../orbit/batch/catalog-elements.js';
import { screenConjunctions, type GridPropagator } from '../analytics/conjunctions/screen.js';
import { workerRangeScanner } from '../analytics/conjunctions/scan-pool.js';
import { poolPropagator } from '../analytics/conjunctions/pool-propagator.js';
import type { ScreenResult } from '../analytics/conjunctions/types.js';
import type { ScreenRunner } from './conjunctions.js';
import type { ScreenReply, ScreenRequest } from './screen-worker.js';

/** A screening of the station takes about a second; all of a country's payloads, under a minute on 2 cores. */
export const SCREEN_BUDGET_MS = 10 * 60_000;
const WORKER_HEAP_MB = 2_048;

export function workerRunner(budgetMs = SCREEN_BUDGET_MS): ScreenRunner {
  return (rows, primaries, opts) => {
    const request: ScreenRequest = { rows, primaries, opts };
    const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
    const worker = startModuleWorker(new URL(`./screen-worker${ext}`, import.meta.url), {
      workerData: request, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    return new Promise<ScreenResult>((resolve, reject) => {
      let settled = false;
      const settle = (fn: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
        void worker.terminate();
      };
      const timer = setTimeout(() => settle(() => reject(new Error(`screening took longer than the ${budgetMs} ms budget; stopped`))), budgetMs);
      worker.once('message', (reply: ScreenReply) => settle(() => (reply.ok ? resolve(reply.result) : reject(new Error(reply.message)))));
      worker.once('error', (err) => settle(() => reject(new Error(`screening worker failed: ${err.message}`))));
      worker.once('exit', (code) => settle(() => reject(new Error(`screening worker exited with code ${code} before answering`))));
    });
  };
}

/**
 * In-process, on `threads` worker threads: the pairwise scan's coarse grid propagated by a pool
 * (started only if that scan runs, closed afterwards), the spatial-index scan (many primaries)
 * split by interval range over scan workers.
 */
export function poolRunner(threads = availableParallelism()): ScreenRunner {
  return async (rows, primaries, opts) => {
    let pool: PropagationPool | null = null;
    let propagate: GridPropagator | null = null;
    const lazyPool: GridPropagator = async (times, indices) => {
      if (!propagate) { pool = new PropagationPool(threads); await pool.load(rows); propagate = poolPropagator(pool); }
      return propagate(times, indices);
    };
    try {
      return await screenConjunctions(rows, primaries, opts, prepareCatalog(rows), lazyPool, workerRangeScanner(rows, primaries, opts, threads));
    } finally {
      await (pool as PropagationPool | null)?.close();
    }
  };
}
