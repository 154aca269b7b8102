/**
 * Worker entry: runs one screening off the server's event loop and posts the result back; the
 * pairwise scan runs in this thread, the spatial-index scan (many primaries) on scan workers it starts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { screenConjunctions, type ScreenOptions } from '../analytics/conjunctions/screen.js';
import { workerRangeScanner } from '../analytics/conjunctions/scan-pool.js';
import type { ScreenElements, ScreenResult } from '../analytics/conjunctions/types.js';
import { errorMessage } from '../model/error-message.js';

export interface ScreenRequest { rows: ScreenElements[]; primaries: number[]; opts: ScreenOptions }
export type ScreenReply = { ok: true; result: ScreenResult } | { ok: false; message: string };

const req = workerData as ScreenRequest;
screenConjunctions(req.rows, req.primaries, req.opts, undefined, undefined, workerRangeScanner(req.rows, req.primaries, req.opts, availableParallelism()))
  .then((result) => parentPort?.postMessage({ ok: true, result } satisfies ScreenReply))
  .catch((err: unknown) => parentPort?.postMessage({ ok: false, message: errorMessage(err) } satisfies ScreenReply));
