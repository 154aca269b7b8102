/** Maneuver detections and GEO belt points as flat tables (CSV downloads). */
import type { FlatTable } from '../tables.js';
import type { GeoBeltObject } from './geo-belt.js';
import type { ManeuverDetection } from './types.js';

/** One row per detection and quantity compared (so each change keeps its unit, allowance and verdict). */
export function maneuversTable(detections: readonly ManeuverDetection[], sourceIds: string[], notes: string[]): FlatTable {
  const rows: FlatTable['rows'] = [];
  for (const d of detections) {
    for (const c of d.changes) {
      rows.push([d.noradId, d.objectName, d.regime, d.interval.start, d.interval.end, d.interval.days, d.singleBurnEstimate, d.rules.join(' '), d.relocation,
        c.quantity, c.unit, c.before, c.after, c.change, c.expectedChange, c.allowance, c.exceeded,
        d.before.id, d.before.sourceId, d.before.ageDays, d.after.id, d.after.sourceId, d.after.ageDays]);
    }
  }
  return {
    columns: ['norad_id', 'object_name', 'regime', 'interval_start_utc', 'interval_end_utc', 'interval_days', 'single_burn_estimate_utc', 'rules_fired', 'relocation',
      'quantity', 'unit', 'before', 'after', 'change', 'expected_change', 'allowance', 'exceeded',
      'before_element_set', 'before_source', 'before_age_days', 'after_element_set', 'after_source', 'after_age_days'],
    rows, sourceIds, notes,
  };
}

/** One row per object and element set: the longitude series the GEO belt chart draws. */
export function geoBeltTable(objects: readonly GeoBeltObject[], sourceIds: string[], notes: string[]): FlatTable {
  const rows: FlatTable['rows'] = [];
  for (const o of objects) {
    for (const p of o.points) {
      rows.push([o.noradId, o.objectName, o.program, p.epoch, p.longitudeDeg, p.driftDegPerDay, p.regime, p.elementSetId, p.sourceId, p.ageDays, o.relocations]);
    }
  }
  return {
    columns: ['norad_id', 'object_name', 'program', 'epoch_utc', 'mean_longitude_deg_east', 'drift_deg_per_day', 'regime', 'element_set', 'source', 'age_days', 'relocations_detected'],
    rows, sourceIds, notes,
  };
}
