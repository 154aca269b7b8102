/**
 * The worker thread that owns an on-disk PGlite database (pglite-thread.ts starts it): it opens the
 * folder, then answers one message at a time. PGlite runs its queries synchronously in WebAssembly,
 * so here they hold this thread, not the server's event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_EXTENSIONS } from './pglite-extensions.js';

export type PgliteRequest =
  | { id: number; op: 'query'; sql: string; params: unknown[]; blob: ArrayBuffer | null }
  | { id: number; op: 'dump' }
  | { id: number; op: 'close' };

export type PgliteReply =
  | { id: number; ok: true; rows?: unknown[]; affectedRows?: number; dump?: ArrayBuffer }
  | { id: number; ok: false; error: { message: string; fields: Record<string, unknown> } };

/** The error's message and its own fields (a PostgreSQL error's code, detail, constraint …), which survive the copy between threads. */
function describe(err: unknown): { message: string; fields: Record<string, unknown> } {
  if (!(err instanceof Error)) return { message: String(err), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(err)) if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) fields[k] = v;
  return { message: err.message, fields };
}

const port = parentPort!;
const { dir } = workerData as { dir: string };
try {
  const pglite = await PGlite.create(dir, { extensions: PGLITE_EXTENSIONS });
  await pglite.query('select 1');
  port.postMessage({ id: 0, ok: true } satisfies PgliteReply);
  port.on('message', (req: PgliteRequest) => {
    void answer(pglite, req).then((reply) => port.postMessage(reply, reply.ok && reply.dump ? [reply.dump] : []))
      .catch((err: unknown) => port.postMessage({ id: req.id, ok: false, error: describe(err) } satisfies PgliteReply));
  });
} catch (err) {
  port.postMessage({ id: 0, ok: false, error: describe(err) } satisfies PgliteReply);
}

async function answer(pglite: PGlite, req: PgliteRequest): Promise<PgliteReply> {
  if (req.op === 'query') {
    const result = await pglite.query(req.sql, req.params, req.blob ? { blob: new Blob([req.blob]) } : {});
    return { id: req.id, ok: true, rows: result.rows, affectedRows: result.affectedRows };
  }
  if (req.op === 'dump') return { id: req.id, ok: true, dump: await (await pglite.dumpDataDir('none')).arrayBuffer() };
  await pglite.close();
  return { id: req.id, ok: true };
}
