/**
 * An on-disk PGlite database in its own worker thread (pglite-worker.ts). PGlite executes each query
 * synchronously in WebAssembly; in the server's thread a large read (a GP snapshot's objects, over a
 * second) would hold the event loop, so no request, not even /api/health, could be answered meanwhile.
 * Here the main thread only copies parameters and rows across. The worker keeps the process alive only
 * while a request is waiting for it.
 *
 * Another thread (the analytics worker) queries the same database through a port from `attach()`,
 * opened with `pgliteOverPort`; the database thread keeps each client's transactions apart.
 */
import { moduleBeside, startModuleWorker } from '../runtime/module-worker.js';
import { portRequests, type WithoutId } from '../runtime/port-requests.js';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { PgliteHandle } from './pglite-handle.js';
import type { PgliteReply, PgliteRequest } from './pglite-worker.js';

type Request = WithoutId<PgliteRequest>;

/** A PGlite database in a worker thread, which other threads may also query (attach). */
export interface PgliteThread extends PgliteHandle {
  /** A new port onto the database, to transfer to another thread (pgliteOverPort there). */
  attach(): Promise<MessagePort>;
}

function startWorker(dir: string, tarball: ArrayBuffer | null): Worker {
  return startModuleWorker(moduleBeside(import.meta.url, 'pglite-worker'), { workerData: { dir, tarball }, transferList: tarball ? [tarball] : [] });
}

function errorOf(e: { message: string; fields: Record<string, unknown> }): Error {
  return Object.assign(new Error(e.message), e.fields);
}

/** The requests and replies of one client, over a worker or a port; after a failure, every request is refused with it. */
function client(endpoint: Worker | MessagePort, name: string) {
  const requests = portRequests<PgliteRequest, PgliteReply, PgliteReply & { ok: true }>(endpoint, (reply) =>
    reply.ok ? { ok: true, value: reply } : { ok: false, error: errorOf(reply.error) });
  let failure: Error | null = null;
  const failAll = (err: Error) => {
    failure = err;
    requests.failAll(err);
  };
  endpoint.on('close', () => failAll(new Error(`the ${name} is closed`)));
  const send = (req: Request): Promise<PgliteReply & { ok: true }> => {
    if (failure) return Promise.reject(failure);
    return requests.send(req, req.op === 'query' && req.blob ? [req.blob] : req.op === 'attach' ? [req.port] : []);
  };
  const handle = {
    async query<R>(sql: string, params: unknown[] = [], options: { blob?: Blob } = {}) {
      const blob = options.blob ? await options.blob.arrayBuffer() : null;
      const reply = await send({ op: 'query', sql, params, blob });
      return { rows: (reply.rows ?? []) as R[], affectedRows: reply.affectedRows };
    },
    async dumpDataDir() {
      return new Blob([(await send({ op: 'dump' })).dump!], { type: 'application/x-tar' });
    },
    async dumpBytes() {
      return new Uint8Array((await send({ op: 'dump' })).dump!);
    },
  };
  return { expect: requests.expect, send, failAll, handle };
}

/**
 * Opens the folder in a worker; rejects with PGlite's own error when the folder cannot be opened.
 * With `loadDataDir` (a dumpDataDir() tarball), an empty folder starts as that database.
 */
export async function openPgliteThread(dir: string, loadDataDir?: Blob): Promise<PgliteThread> {
  const worker = startWorker(dir, loadDataDir ? await loadDataDir.arrayBuffer() : null);
  const c = client(worker, "store's worker thread");
  worker.on('error', (err) => c.failAll(new Error(`the store's worker thread failed: ${err.message}`)));
  worker.on('exit', (code) => c.failAll(new Error(`the store's worker thread exited (code ${code})`)));
  // The worker's first message (id 0) says whether the folder opened.
  const opened = c.expect(0);
  await opened.catch(async (err: unknown) => {
    await worker.terminate();
    throw err;
  });
  return {
    ...c.handle,
    async attach() {
      const { port1, port2 } = new MessageChannel();
      await c.send({ op: 'attach', port: port1 });
      return port2;
    },
    async close() {
      try {
        await c.send({ op: 'close' });
      } finally {
        await worker.terminate();
      }
    },
  };
}

/** The database of a PgliteThread, queried from another thread through a port from its attach(). */
export function pgliteOverPort(port: MessagePort): PgliteHandle {
  const c = client(port, 'port onto the store');
  return {
    ...c.handle,
    async close() {
      port.close();
    },
  };
}
