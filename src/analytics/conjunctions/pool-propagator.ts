/**
 * The screener's coarse grid through a worker pool (the pool must hold the same rows, same order).
 * Two sets of shared output columns are reused in turn (allocating and first touching shared memory
 * costs about half as much CPU as the SGP4 work): a caller may hold one result while the next is
 * computed, but must be done with it before asking for the one after.
 */
import type { GridResult, PropagationPool } from '../../orbit/batch/pool.js';
import type { GridPropagator } from './screen.js';

export function poolPropagator(pool: PropagationPool): GridPropagator {
  const slots: (GridResult | undefined)[] = [undefined, undefined];
  let turn = 0;
  return async (times, indices) => {
    const slot = turn;
    turn ^= 1;
    const r = await pool.propagate(times, indices, slots[slot]);
    slots[slot] = r;
    return r.columns;
  };
}
