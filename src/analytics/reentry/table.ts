/** The reentry watch as a flat table (CSV downloads): one row per candidate. */
import type { FlatTable } from '../tables.js';
import type { ReentryWatch } from './types.js';

export function reentriesTable(w: ReentryWatch, snapshotSourceId: string): FlatTable {
  return {
    columns: ['norad_id', 'object_name', 'object_id', 'country', 'kind', 'chinese_rocket_body', 'rcs_m2', 'size_class',
      'reentry_central_utc', 'reentry_earliest_utc', 'reentry_latest_utc', 'days_from_epoch', 'perigee_km', 'apogee_km',
      'mean_motion_dot_half', 'bstar', 'element_epoch', 'element_source', 'element_age_days',
      'previous_element_epoch', 'previous_element_source', 'observed_mean_motion_rate', 'reentry_from_history_utc', 'flags'],
    rows: w.candidates.map((c) => [c.noradId, c.objectName, c.objectId, c.country, c.kind, c.chineseRocketBody, c.rcsM2, c.sizeClass,
      c.reentry.central, c.reentry.earliest, c.reentry.latest, c.reentry.daysFromEpoch, c.elementSet.perigeeKm, c.elementSet.apogeeKm,
      c.elementSet.meanMotionDot, c.elementSet.bstar, c.elementSet.epoch, c.elementSet.sourceId, c.elementSet.ageDays,
      c.previousElementSet?.epoch ?? null, c.previousElementSet?.sourceId ?? null, c.previousElementSet?.observedMeanMotionRate ?? null,
      c.reentryFromHistory?.central ?? null, c.flags.join(' ')]),
    sourceIds: [snapshotSourceId],
    notes: [`Snapshot ${w.asOf}, horizon ${w.horizonDays} days.`, w.definition, w.method, w.limits],
  };
}
