/**
 * The spatial-index scan spread over worker threads: `threads` workers each prepare the same screen,
 * then take interval ranges from a queue; the calling thread only posts ranges and merges the results.
 */
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../../orbit/batch/start-worker.js';
import type { RangeScanner, ScreenOptions } from './screen.js';
import type { PartialScan } from './shared-scan.js';
import type { ScanRangeReply, ScanWorkerData } from './scan-worker.js';
import type { ScreenElements } from './types.js';

export function workerRangeScanner(rows: readonly ScreenElements[], primaryIds: readonly number[], opts: ScreenOptions, threads: number): RangeScanner {
  return async (ranges) => {
    const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
    const data: ScanWorkerData = { rows: [...rows], primaryIds: [...primaryIds], opts };
    const workers: Worker[] = Array.from({ length: Math.max(1, Math.min(threads, ranges.length)) },
      () => startModuleWorker(new URL(`./scan-worker${ext}`, import.meta.url), { workerData: data }));
    const parts = new Array<PartialScan>(ranges.length);
    let next = 0;
    try {
      await Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
        const send = (): void => {
          if (next >= ranges.length) { resolve(); return; }
          const id = next++;
          w.postMessage({ id, ...ranges[id]! });
        };
        w.on('message', (reply: ScanRangeReply) => {
          if (!reply.ok) { reject(new Error(reply.message)); return; }
          parts[reply.id] = reply.part;
          send();
        });
        w.once('error', (err) => reject(new Error(`scan worker failed: ${err.message}`)));
        w.once('exit', (code) => reject(new Error(`scan worker exited with code ${code}`)));
        send();
      })));
    } finally {
      await Promise.all(workers.map((w) => { w.removeAllListeners('exit'); return w.terminate(); }));
    }
    return parts;
  };
}
