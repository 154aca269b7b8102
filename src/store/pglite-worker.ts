/**
 * The worker thread that owns an on-disk PGlite database (pglite-thread.ts starts it): it opens the
 * folder, then answers queries one at a time. PGlite runs its queries synchronously in WebAssembly,
 * so here they hold this thread, not the server's event loop.
 *
 * Besides the thread that started it, other threads may query the database through a port of their
 * own (op "attach", e.g. the analytics worker). A client that begins a transaction owns the database
 * until it commits or rolls back: meanwhile the other clients' queries wait here, so no query ever
 * runs inside another client's transaction.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_OPTIONS } from './pglite-options.js';
import { TransactionGate, type GateClient } from './pglite-gate.js';
import { TarballBlob } from './tarball-blob.js';

export type PgliteRequest =
  | { id: number; op: 'query'; sql: string; params: unknown[]; blob: ArrayBuffer | null }
  | { id: number; op: 'dump' }
  | { id: number; op: 'attach'; port: MessagePort }
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

type Endpoint = { postMessage(value: unknown, transfer?: readonly ArrayBuffer[]): void; on(event: 'message', listener: (req: PgliteRequest) => void): unknown };

const parent = parentPort!;
const { dir, tarball } = workerData as { dir: string; tarball: ArrayBuffer | null };
try {
  const loadDataDir = tarball ? { loadDataDir: new TarballBlob(new Uint8Array(tarball)) } : {};
  const pglite = await PGlite.create(dir, { ...PGLITE_OPTIONS, ...loadDataDir });
  await pglite.query('select 1');
  const gate = new TransactionGate(pglite);
  const serve = (endpoint: Endpoint, owner: boolean) => {
    const client: GateClient = { name: owner ? 'owner' : 'attached' };
    endpoint.on('message', (req: PgliteRequest) => {
      void answer(pglite, gate, client, req, owner)
        .then((reply) => endpoint.postMessage(reply, reply.ok && reply.dump ? [reply.dump] : []))
        .catch((err: unknown) => endpoint.postMessage({ id: req.id, ok: false, error: describe(err) } satisfies PgliteReply));
    });
    return client;
  };
  serve(parent, true);
  parent.postMessage({ id: 0, ok: true } satisfies PgliteReply);

  async function answer(db: PGlite, g: TransactionGate, client: GateClient, req: PgliteRequest, owner: boolean): Promise<PgliteReply> {
    if (req.op === 'query') {
      const result = await g.run(client, req.sql, () => db.query(req.sql, req.params, req.blob ? { blob: new Blob([req.blob]) } : {}));
      return { id: req.id, ok: true, rows: result.rows, affectedRows: result.affectedRows };
    }
    if (req.op === 'dump') return { id: req.id, ok: true, dump: await g.exclusive(client, async () => (await db.dumpDataDir('none')).arrayBuffer()) };
    if (req.op === 'attach') {
      const attached = serve(req.port, false);
      // A client whose thread ends mid-transaction must not keep the database: its transaction is rolled back.
      req.port.on('close', () => void g.abandon(attached));
      return { id: req.id, ok: true };
    }
    if (!owner) throw new Error('only the thread that opened the store may close it');
    await db.close();
    return { id: req.id, ok: true };
  }
} catch (err) {
  parent.postMessage({ id: 0, ok: false, error: describe(err) } satisfies PgliteReply);
}
