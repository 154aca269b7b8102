/**
 * Worker side of the parallel spatial-index scan: prepares the screen once (SGP4 initialisation,
 * shells, pair filter) from the rows it was started with, then scans the interval ranges it is sent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { prepareCatalog } from '../../orbit/batch/catalog-elements.js';
import { inThreadPropagator, prepareScreen, type ScreenOptions } from './screen.js';
import { DEFAULT_SUB_STEPS, sharedScan, type PartialScan } from './shared-scan.js';
import type { ScreenElements } from './types.js';
import { errorMessage } from '../../model/error-message.js';

export interface ScanWorkerData { rows: ScreenElements[]; primaryIds: number[]; opts: ScreenOptions }
export interface ScanRangeRequest { id: number; from: number; to: number }
export type ScanRangeReply = { id: number; ok: true; part: PartialScan } | { id: number; ok: false; message: string };

const data = workerData as ScanWorkerData;
const cat = prepareCatalog(data.rows);
const { setup, listed } = prepareScreen(data.rows, data.primaryIds, data.opts, cat);
const grid = inThreadPropagator(cat);

parentPort?.on('message', (req: ScanRangeRequest) => {
  sharedScan(setup, listed, grid, { subSteps: data.opts.subSteps ?? DEFAULT_SUB_STEPS, from: req.from, to: req.to })
    .then((part) => parentPort?.postMessage({ id: req.id, ok: true, part } satisfies ScanRangeReply))
    .catch((err: unknown) => parentPort?.postMessage({ id: req.id, ok: false, message: errorMessage(err) } satisfies ScanRangeReply));
});
