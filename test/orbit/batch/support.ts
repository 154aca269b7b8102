/** The bundled GP snapshots, parsed once per test file. */
import type { GpRow } from '../../../src/ingest/celestrak-gp/parse.js';
import { bundledGpRows, GP_SNAPSHOT_2026_07_10, TLE_SNAPSHOT_2026_05_04 } from '../../../src/services/bundled-elements.js';

export const GP_2026_07_10 = GP_SNAPSHOT_2026_07_10.file;
export const TLE_2026_05_04 = TLE_SNAPSHOT_2026_05_04.file;

const cache = new Map<string, GpRow[]>();
export function bundledRows(file: string): GpRow[] {
  let rows = cache.get(file);
  if (!rows) {
    rows = bundledGpRows(file);
    cache.set(file, rows);
  }
  return rows;
}
