/** The screener's coarse grid through a worker pool (the pool must hold the same rows, same order). */
import type { PropagationPool } from '../../orbit/batch/pool.js';
import type { GridPropagator } from './screen.js';

export function poolPropagator(pool: PropagationPool): GridPropagator {
  return async (times, indices) => (await pool.propagate(times, indices)).columns;
}
