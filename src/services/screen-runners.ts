/**
 * Where a screening runs. The server runs each in its own worker thread with a time budget, so a
 * request never blocks the event loop or other requests; the CLI runs in-process with the
 * propagation spread over a worker pool on all cores.
 */
import { availableParallelism } from 'node:os';
import { moduleBeside, startModuleWorker } from '../runtime/module-worker.js';
import { runWorkerOnce } from '../runtime/run-worker-once.js';
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
    const worker = startModuleWorker(moduleBeside(import.meta.url, 'screen-worker'), {
      workerData: request, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    return runWorkerOnce<ScreenResult>(worker, {
      name: 'screening', budgetMs,
      overBudget: () => new Error(`screening took longer than the ${budgetMs} ms budget; stopped`),
      read: (message) => {
        const reply = message as ScreenReply;
        return reply.ok ? { value: reply.result } : { error: new Error(reply.message) };
      },
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
