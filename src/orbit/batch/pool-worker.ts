/** Worker side of PropagationPool: holds the prepared catalog, propagates the share it is sent. */
import { parentPort } from 'node:worker_threads';
import { prepareCatalog, type CatalogElements, type PropagationElements } from './catalog-elements.js';
import { propagateListed, propagateRange, type StateColumns } from './grid.js';
import { errorMessage } from '../../model/error-message.js';

export type PoolRequest =
  | { kind: 'load'; id: number; rows: PropagationElements[] }
  | { kind: 'propagate'; id: number; times: Float64Array; indices: Int32Array | null; columns: StateColumns; from: number; to: number };
export type PoolReply = { id: number; ok: true } | { id: number; ok: false; message: string };

let catalog: CatalogElements | null = null;

parentPort?.on('message', (req: PoolRequest) => {
  try {
    if (req.kind === 'load') catalog = prepareCatalog(req.rows);
    else {
      if (!catalog) throw new Error('no catalog loaded in this worker');
      if (req.indices) propagateListed(catalog, req.times, req.indices, req.from, req.to, req.columns);
      else propagateRange(catalog, req.times, req.from, req.to, req.columns);
    }
    parentPort?.postMessage({ id: req.id, ok: true } satisfies PoolReply);
  } catch (err) {
    parentPort?.postMessage({ id: req.id, ok: false, message: errorMessage(err) } satisfies PoolReply);
  }
});
