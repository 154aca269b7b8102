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
 * refuses an id written twice). Should an object have element sets at two epochs, its first is the one
 * the snapshot lists.
 */
export function mapGp(rows: readonly GpRow[], sourceId: string, asOf: string): MappedCatalog {
  const snapshot = snapshotId(sourceId, asOf);
  const elementSets: CatalogRow[] = [];
  const members: CatalogRow[] = [];
  const seen = new Set<number>();
  for (const r of rows) {
    const id = elementSetId(r.noradId, r.epoch);
    elementSets.push({
      id, norad_id: r.noradId, epoch: r.epoch, object_name: r.objectName, object_id: r.objectId, mean_motion: r.meanMotion,
      eccentricity: r.eccentricity, inclination: r.inclination, raan: r.raan, arg_of_pericenter: r.argOfPericenter,
      mean_anomaly: r.meanAnomaly, bstar: r.bstar, mean_motion_dot: r.meanMotionDot, mean_motion_ddot: r.meanMotionDdot,
      element_set_no: r.elementSetNo, rev_at_epoch: r.revAtEpoch, classification: r.classification,
      ephemeris_type: r.ephemerisType, line1: r.line1 ?? null, line2: r.line2 ?? null, source_id: sourceId,
    });
    if (seen.has(r.noradId)) continue;
    seen.add(r.noradId);
    members.push({ id: `${snapshot}#${r.noradId}`, snapshot_id: snapshot, norad_id: r.noradId, element_set_id: id });
  }
  return {
    tables: {
      element_sets: elementSets,
      gp_snapshots: [{ id: snapshot, source_id: sourceId, as_of: asOf, object_count: members.length }],
      gp_snapshot_objects: members,
    },
  };
}
