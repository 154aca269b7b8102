/** One object's TEME state at one instant, through the engine (for TCA refinement). */
import type { CatalogElements } from './catalog-elements.js';
import { allocateColumns, propagateListed, type StateColumns } from './grid.js';

export interface PointStates {
  /** Fills `state` (x, y, z km; vx, vy, vz km/s) for object i at `tMicros`; false when SGP4 fails. */
  at(i: number, tMicros: number, state: Float64Array): boolean;
}

export function pointStates(cat: CatalogElements): PointStates {
  const times = new Float64Array(1);
  const index = new Int32Array(1);
  const cols: StateColumns = allocateColumns(1);
  return {
    at(i, tMicros, state) {
      times[0] = tMicros;
      index[0] = i;
      propagateListed(cat, times, index, 0, 1, cols);
      state[0] = cols.x[0]!; state[1] = cols.y[0]!; state[2] = cols.z[0]!;
      state[3] = cols.vx[0]!; state[4] = cols.vy[0]!; state[5] = cols.vz[0]!;
      return !Number.isNaN(state[0]);
    },
  };
}
