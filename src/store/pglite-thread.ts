/**
 * An on-disk PGlite database in its own worker thread (pglite-worker.ts). PGlite executes each query
 * synchronously in WebAssembly; in the server's thread a large read (a GP snapshot's objects, over a
 * second) would hold the event loop, so no request, not even /api/health, could be answered meanwhile.
 * Here the main thread only copies parameters and rows across. The worker keeps the process alive only
 * while a request is waiting for it.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PgliteHandle } from './pglite-handle.js';
import type { PgliteReply, PgliteRequest } from './pglite-worker.js';

type Pending = { resolve: (reply: PgliteReply & { ok: true }) => void; reject: (err: Error) => void };
type Request = { op: 'query'; sql: string; params: unknown[]; blob: ArrayBuffer | null } | { op: 'dump' } | { op: 'close' };

/** Compiled JavaScript in dist/; from src/ (tsx, vitest) tsx is registered in the worker first, as in parse-in-worker.ts. */
function startWorker(dir: string): Worker {
  const options = { workerData: { dir } };
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./pglite-worker.js', import.meta.url), options);
  const tsxApi = new URL('./api/index.mjs', pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm'))).href;
  const entry = new URL('./pglite-worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`, { ...options, eval: true });
}

function errorOf(e: { message: string; fields: Record<string, unknown> }): Error {
  return Object.assign(new Error(e.message), e.fields);
}

/** Opens the folder in a worker; rejects with PGlite's own error when the folder cannot be opened. */
export async function openPgliteThread(dir: string): Promise<PgliteHandle> {
  const worker = startWorker(dir);
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let failure: Error | null = null;
  const failAll = (err: Error) => {
    failure = err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  worker.on('message', (reply: PgliteReply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (pending.size === 0) worker.unref();
    if (reply.ok) p.resolve(reply);
    else p.reject(errorOf(reply.error));
  });
  worker.on('error', (err) => failAll(new Error(`the store's worker thread failed: ${err.message}`)));
  worker.on('exit', (code) => failAll(new Error(`the store's worker thread exited (code ${code})`)));
  // The worker's first message (id 0) says whether the folder opened.
  const opened = new Promise<unknown>((resolve, reject) => pending.set(0, { resolve, reject }));
  await opened.catch(async (err: unknown) => {
    await worker.terminate();
    throw err;
  });
  const send = (req: Request): Promise<PgliteReply & { ok: true }> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ ...req, id } as PgliteRequest, req.op === 'query' && req.blob ? [req.blob] : []);
    });
  };
  return {
    async query<R>(sql: string, params: unknown[] = [], options: { blob?: Blob } = {}) {
      const blob = options.blob ? await options.blob.arrayBuffer() : null;
      const reply = await send({ op: 'query', sql, params, blob });
      return { rows: (reply.rows ?? []) as R[], affectedRows: reply.affectedRows };
    },
    async dumpDataDir() {
      return new Blob([(await send({ op: 'dump' })).dump!], { type: 'application/x-tar' });
    },
    async close() {
      try {
        await send({ op: 'close' });
      } finally {
        await worker.terminate();
      }
    },
  };
}
