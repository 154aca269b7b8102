import type { SatcatRow } from './parse.js';
import type { MappedCatalog } from '../../model/catalog-rows.js';
import type { RowError } from '../feed-errors.js';
import { keptIds, keyValue } from '../kept-rows.js';

/** Rows are keyed by NORAD number; a rejected row keeps its stored row (src/ingest/kept-rows.ts). */
export function mapSatcat(rows: readonly SatcatRow[], sourceId: string, rejected: readonly RowError[] = []): MappedCatalog {
  return {
    tables: {
      satcat: rows.map((r) => ({
        id: String(r.noradId), norad_id: r.noradId, object_name: r.objectName, object_id: r.objectId, object_type: r.objectType,
        ops_status: r.opsStatus, owner: r.owner, launch_date: r.launchDate, launch_site: r.launchSite, decay_date: r.decayDate,
        period_min: r.periodMin, inclination_deg: r.inclinationDeg, apogee_km: r.apogeeKm, perigee_km: r.perigeeKm,
        rcs_m2: r.rcsM2, data_status: r.dataStatus, orbit_center: r.orbitCenter, orbit_type: r.orbitType, source_id: sourceId,
      })),
    },
    kept: { satcat: keptIds(rejected, (k) => keyValue(k, 'NORAD_CAT_ID')) },
  };
}
