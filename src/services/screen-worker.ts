/** Worker entry: runs one screening (in this worker's thread) and posts the result back. */
import { parentPort, workerData } from 'node:worker_threads';
import { screenConjunctions, type ScreenOptions } from '../analytics/conjunctions/screen.js';
import type { ScreenElements, ScreenResult } from '../analytics/conjunctions/types.js';

export interface ScreenRequest { rows: ScreenElements[]; primaries: number[]; opts: ScreenOptions }
export type ScreenReply = { ok: true; result: ScreenResult } | { ok: false; message: string };

const req = workerData as ScreenRequest;
screenConjunctions(req.rows, req.primaries, req.opts)
  .then((result) => parentPort?.postMessage({ ok: true, result } satisfies ScreenReply))
  .catch((err: unknown) => parentPort?.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) } satisfies ScreenReply));
