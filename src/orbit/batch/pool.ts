/**
 * A pool of worker threads that each hold the prepared catalog and propagate a share of the objects
 * over a time grid into shared structure-of-arrays columns. The calling thread (e.g. the server's
 * event loop) only posts jobs and awaits them; no SGP4 runs on it.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { PropagationElements } from './catalog-elements.js';
import { allocateColumns, type StateColumns } from './grid.js';
import { moduleBeside, startModuleWorker } from '../../runtime/module-worker.js';
import type { PoolReply, PoolRequest } from './pool-worker.js';

export interface GridResult {
  /** Rows in `indices` order (or catalog order when none was given) × times; see grid.ts. */
  columns: StateColumns;
  times: Float64Array;
  rows: number;
}

export class PropagationPool {
  private readonly workers: Worker[] = [];
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: () => void; reject: (e: Error) => void; left: number }>();
  readonly threads: number;
  private count = 0;

  constructor(threads = availableParallelism()) {
    this.threads = Math.max(1, Math.floor(threads));
  }

  /** Starts the workers and prepares the catalog in each (SGP4 initialisation per object). */
  async load(rows: readonly PropagationElements[]): Promise<void> {
    await this.close();
    this.count = rows.length;
    for (let w = 0; w < this.threads; w++) {
      const worker = startModuleWorker(moduleBeside(import.meta.url, 'pool-worker'));
      worker.on('message', (reply: PoolReply) => this.settle(reply));
      worker.on('error', (err) => this.failAll(new Error(`propagation worker failed: ${err.message}`)));
      this.workers.push(worker);
    }
    await this.broadcast({ kind: 'load', id: 0, rows: [...rows] });
  }

  get size(): number { return this.count; }

  /**
   * Propagates every object (or those in `indices`) over `timesMicros`, split across the workers.
   * `reuse`: a previous result whose columns (same size) are overwritten instead of allocating new
   * shared memory (allocating and first touching it costs about half as much CPU as the SGP4 work).
   */
  async propagate(timesMicros: Float64Array, indices?: Int32Array, reuse?: GridResult): Promise<GridResult> {
    if (this.workers.length === 0) throw new Error('the propagation pool has no catalog loaded');
    const rows = indices ? indices.length : this.count;
    const times = new Float64Array(new SharedArrayBuffer(timesMicros.length * 8));
    times.set(timesMicros);
    const shared = indices ? new Int32Array(new SharedArrayBuffer(indices.length * 4)) : null;
    if (shared && indices) shared.set(indices);
    const length = rows * times.length;
    const columns = reuse && reuse.columns.x.length === length && reuse.columns.x.buffer instanceof SharedArrayBuffer
      ? reuse.columns : allocateColumns(length, true);
    const id = this.nextId++;
    const chunk = Math.ceil(rows / this.workers.length);
    const jobs = this.workers.map((_, w) => ({ from: Math.min(rows, w * chunk), to: Math.min(rows, (w + 1) * chunk) }));
    await this.dispatch(id, jobs.map((j) => ({ kind: 'propagate', id, times, indices: shared, columns, ...j })));
    return { columns, times, rows };
  }

  async close(): Promise<void> {
    const ws = this.workers.splice(0);
    await Promise.all(ws.map((w) => w.terminate()));
  }

  private broadcast(req: PoolRequest): Promise<void> {
    const id = this.nextId++;
    return this.dispatch(id, this.workers.map(() => ({ ...req, id })));
  }

  private dispatch(id: number, reqs: PoolRequest[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, left: reqs.length });
      reqs.forEach((r, w) => this.workers[w]!.postMessage(r));
    });
  }

  private settle(reply: PoolReply): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    if (!reply.ok) { this.pending.delete(reply.id); p.reject(new Error(reply.message)); return; }
    if (--p.left === 0) { this.pending.delete(reply.id); p.resolve(); }
  }

  private failAll(err: Error): void {
    for (const [id, p] of this.pending) { this.pending.delete(id); p.reject(err); }
  }
}
