/** The bundled CelesTrak GP snapshots parsed into element sets (for the engine, screening and benches). */
import { parseGp, type GpRow } from '../ingest/celestrak-gp/parse.js';
import { readSnapshot } from './bundled-snapshots.js';

export const GP_SNAPSHOT_2026_07_10 = { file: 'celestrak_gp_active_2026-07-10.csv.gz', sourceId: 'celestrak-gp-active-2026-07-10', asOf: '2026-07-10' } as const;
export const TLE_SNAPSHOT_2026_05_04 = { file: 'celestrak_active_tle_2026-05-04.txt.gz', sourceId: 'celestrak-tle-active-2026-05-04', asOf: '2026-05-04' } as const;

export function bundledGpRows(file: string): GpRow[] {
  return parseGp(readSnapshot(file), file).rows;
}
