/** Screening events as a flat table (CSV downloads): one row per event. */
import type { FlatTable } from '../tables.js';
import type { ScreenResult } from './types.js';

export function conjunctionsTable(r: ScreenResult, snapshotSourceId: string, method: string): FlatTable {
  return {
    columns: ['tca_utc', 'primary_norad_id', 'primary_name', 'secondary_norad_id', 'secondary_name', 'miss_distance_km',
      'relative_speed_km_s', 'radial_km', 'in_track_km', 'cross_track_km', 'primary_element_epoch', 'primary_element_age_days',
      'secondary_element_epoch', 'secondary_element_age_days'],
    rows: r.events.map((e) => [e.tca, e.primary.noradId, e.primary.objectName, e.secondary.noradId, e.secondary.objectName,
      e.missDistanceKm, e.relativeSpeedKmS, e.relativePositionRtnKm.r, e.relativePositionRtnKm.t, e.relativePositionRtnKm.n,
      e.primary.elementEpoch, e.primary.elementAgeDays, e.secondary.elementEpoch, e.secondary.elementAgeDays]),
    sourceIds: [snapshotSourceId],
    notes: [`Window ${r.start} to ${r.stop}, threshold ${r.thresholdKm} km.`, method],
  };
}
