/** GP element sets → element_sets (history, kept across ingests) and one snapshot with its members. */
import type { GpRow } from './gp-row.js';
import type { CatalogRow, MappedCatalog } from '../../model/catalog-rows.js';

export function elementSetId(noradId: number, epoch: string): string {
  return `${noradId}@${epoch}`;
}

export function snapshotId(sourceId: string, asOf: string): string {
  return `${sourceId}@${asOf}`;
}

/**
 * The rows are distinct element sets: parseGp rejects a repeated NORAD_CAT_ID and EPOCH (and writeCatalog
 * refuses an id written twice). Should a file give an object element sets at two epochs, both go to the
 * history and the snapshot lists the newer (at the place of the object's first row), as a second download
 * of the same snapshot takes the newer element set (write-spans.ts).
 */
export function mapGp(rows: readonly GpRow[], sourceId: string, asOf: string): MappedCatalog {
  const snapshot = snapshotId(sourceId, asOf);
  const elementSets: CatalogRow[] = [];
  const members = new Map<number, { id: string; epoch: string }>();
  for (const r of rows) {
    const id = elementSetId(r.noradId, r.epoch);
    elementSets.push({
      id, norad_id: r.noradId, epoch: r.epoch, object_name: r.objectName, object_id: r.objectId, mean_motion: r.meanMotion,
      eccentricity: r.eccentricity, inclination: r.inclination, raan: r.raan, arg_of_pericenter: r.argOfPericenter,
      mean_anomaly: r.meanAnomaly, bstar: r.bstar, mean_motion_dot: r.meanMotionDot, mean_motion_ddot: r.meanMotionDdot,
      element_set_no: r.elementSetNo, rev_at_epoch: r.revAtEpoch, classification: r.classification,
      ephemeris_type: r.ephemerisType, line1: r.line1 ?? null, line2: r.line2 ?? null, source_id: sourceId,
    });
    const listed = members.get(r.noradId);
    // Epochs are written alike (parse.ts: ISO, six fraction digits), so text order is time order.
    if (!listed || r.epoch > listed.epoch) members.set(r.noradId, { id, epoch: r.epoch });
  }
  const objects: CatalogRow[] = [...members].map(([norad, m]) => ({ id: `${snapshot}#${norad}`, snapshot_id: snapshot, norad_id: norad, element_set_id: m.id }));
  return {
    tables: {
      element_sets: elementSets,
      gp_snapshots: [{ id: snapshot, source_id: sourceId, as_of: asOf, object_count: objects.length }],
      gp_snapshot_objects: objects,
    },
  };
}
