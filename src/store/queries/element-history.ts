/** Every stored element set that belongs to a GP snapshot on or before a date: the per-object history maneuver detection reads. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** One stored element set: the GP mean elements the orbit analytics read, with its id and source. */
export interface StoredElementSet {
  id: string; noradId: number; objectName: string; epoch: string; meanMotion: number; eccentricity: number; inclination: number;
  raan: number; argOfPericenter: number; meanAnomaly: number; meanMotionDot: number; sourceId: string;
}

/**
 * The element sets that are members of at least one snapshot with as_of ≤ `asOf`, optionally only those of some
 * objects, ordered by object and epoch.
 */
export async function elementSetsUpTo(db: Kysely<Database>, asOf: string, noradIds?: readonly number[]): Promise<StoredElementSet[]> {
  const only = noradIds ? sql`and sp.norad_id in (${sql.join(noradIds.length ? noradIds : [-1])})` : sql``;
  const rows = await sql<StoredElementSet>`
    select e.id, e.norad_id as "noradId", e.object_name as "objectName", e.epoch, e.mean_motion as "meanMotion", e.eccentricity,
      e.inclination, e.raan, e.arg_of_pericenter as "argOfPericenter", e.mean_anomaly as "meanAnomaly",
      e.mean_motion_dot as "meanMotionDot", e.source_id as "sourceId"
    from element_sets e
    join (
      select distinct sp.element_set_id as id from element_spans sp
      join gp_snapshots s on s.seq >= sp.first_seq and s.seq <= sp.last_seq
      where s.as_of <= ${asOf} ${only}
    ) m on m.id = e.id
    order by e.norad_id, e.epoch, e.id`.execute(db);
  return rows.rows;
}
