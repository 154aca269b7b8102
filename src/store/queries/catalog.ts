/** Read queries over the catalog tables, feeding the analytics. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { LaunchRecord, SnapshotInfo, SnapshotObject } from '../../model/catalog-records.js';
export type { LaunchRecord, SnapshotInfo, SnapshotObject } from '../../model/catalog-records.js';


/** When each of the snapshots was last written (first stored, or stamped by ingesting it again), in the order given; '' for one not stored. */
export async function snapshotsWritten(db: Kysely<Database>, snapshotIds: readonly string[]): Promise<string[]> {
  if (snapshotIds.length === 0) return [];
  const rows = await db.selectFrom('gp_snapshots').select(['id', 'last_seen']).where('id', 'in', [...snapshotIds]).execute();
  const written = new Map(rows.map((r) => [r.id, r.last_seen]));
  return snapshotIds.map((id) => written.get(id) ?? '');
}

export async function listSnapshots(db: Kysely<Database>): Promise<SnapshotInfo[]> {
  const rows = await db.selectFrom('gp_snapshots').select(['id', 'source_id', 'as_of', 'object_count']).orderBy('as_of').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, sourceId: r.source_id, asOf: r.as_of, objectCount: r.object_count }));
}


export async function snapshotObjects(db: Kysely<Database>, snapshotId: string): Promise<SnapshotObject[]> {
  const rows = await sql<SnapshotObject>`
    select m.norad_id as "noradId", e.object_name as "objectName", e.object_id as "objectId", e.epoch,
      e.mean_motion as "meanMotion", e.eccentricity, e.inclination, e.raan, e.arg_of_pericenter as "argOfPericenter",
      e.mean_anomaly as "meanAnomaly", e.bstar, e.mean_motion_dot as "meanMotionDot", e.mean_motion_ddot as "meanMotionDdot",
      e.line1, e.line2, e.source_id as "elementSourceId",
      s.owner as "satcatOwner", lo.sat_state as "gcatState", lo.sat_owner as "gcatOwner", lo.sat_type as "gcatType", lo.launch_tag as "launchTag",
      u.operator_country as "ucsOperatorCountry", u.operator as "ucsOperator", u.purpose as "ucsPurpose", u.users as "ucsUsers"
    from gp_snapshot_objects m
    join element_sets e on e.id = m.element_set_id
    left join satcat s on s.norad_id = m.norad_id
    left join (select distinct on (norad_id) * from launch_objects where norad_id is not null order by norad_id, id) lo on lo.norad_id = m.norad_id
    left join (select distinct on (norad_id) * from ucs_satellites order by norad_id, id) u on u.norad_id = m.norad_id
    where m.snapshot_id = ${snapshotId}
    order by m.norad_id`.execute(db);
  return rows.rows;
}


export async function allLaunches(db: Kysely<Database>): Promise<LaunchRecord[]> {
  const rows = await db.selectFrom('launches')
    .select(['id', 'launch_date', 'year', 'date_precision', 'lv_type', 'lv_state', 'agency', 'outcome', 'success_fraction', 'launch_class', 'source_id', 'launch_site'])
    .orderBy('launch_date').orderBy('id').execute();
  return rows.map((r) => ({
    launchTag: r.id, launchDate: r.launch_date, year: r.year, datePrecision: r.date_precision, lvType: r.lv_type, lvState: r.lv_state,
    agency: r.agency, outcome: r.outcome, successFraction: r.success_fraction, launchClass: r.launch_class, sourceId: r.source_id,
    launchSite: r.launch_site,
  }));
}

export async function catalogRecords(db: Kysely<Database>, dataset: string): Promise<{ key: string; stateCode: string | null; data: Record<string, unknown>; sourceId: string }[]> {
  const rows = await db.selectFrom('catalog_records').select(['key', 'state_code', 'data', 'source_id']).where('dataset', '=', dataset).orderBy('key').execute();
  return rows.map((r) => ({ key: r.key, stateCode: r.state_code, data: r.data, sourceId: r.source_id }));
}

/** The newest element set of each object whose name matches, across all snapshots (orbit history). */
export async function elementHistory(db: Kysely<Database>, noradId: number): Promise<{ epoch: string; meanMotion: number; eccentricity: number; inclination: number; sourceId: string }[]> {
  const rows = await db.selectFrom('element_sets').select(['epoch', 'mean_motion', 'eccentricity', 'inclination', 'source_id'])
    .where('norad_id', '=', noradId).orderBy('epoch').execute();
  return rows.map((r) => ({ epoch: r.epoch, meanMotion: r.mean_motion, eccentricity: r.eccentricity, inclination: r.inclination, sourceId: r.source_id }));
}

/** An object's newest element set (by epoch) among every one ingested, with how many there are. */
export interface LatestElements {
  epoch: string; objectName: string; objectId: string | null; meanMotion: number; eccentricity: number; inclination: number;
  raan: number; argOfPericenter: number; meanAnomaly: number; bstar: number; meanMotionDot: number; meanMotionDdot: number;
  elementSetNo: number; revAtEpoch: number; sourceId: string;
}
export async function latestElements(db: Kysely<Database>, noradId: number): Promise<{ latest: LatestElements; count: number } | null> {
  const r = await db.selectFrom('element_sets').selectAll().where('norad_id', '=', noradId).orderBy('epoch', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!r) return null;
  const { n } = await db.selectFrom('element_sets').select((eb) => eb.fn.countAll<string>().as('n')).where('norad_id', '=', noradId).executeTakeFirstOrThrow();
  return {
    count: Number(n),
    latest: {
      epoch: r.epoch, objectName: r.object_name, objectId: r.object_id, meanMotion: r.mean_motion, eccentricity: r.eccentricity, inclination: r.inclination,
      raan: r.raan, argOfPericenter: r.arg_of_pericenter, meanAnomaly: r.mean_anomaly, bstar: r.bstar, meanMotionDot: r.mean_motion_dot,
      meanMotionDdot: r.mean_motion_ddot, elementSetNo: r.element_set_no, revAtEpoch: r.rev_at_epoch, sourceId: r.source_id,
    },
  };
}

/** When the store first recorded each GP snapshot (ISO 8601 UTC), by snapshot id. */
export async function snapshotsRecordedAt(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('gp_snapshots').select(['id', 'first_seen']).execute();
  return new Map(rows.map((r) => [r.id, r.first_seen]));
}

/** The data date of the newest GP snapshot listing each of the objects (objects in none are left out). */
export async function lastListedOn(db: Kysely<Database>, noradIds: readonly number[]): Promise<Map<number, string>> {
  if (noradIds.length === 0) return new Map();
  const rows = await db.selectFrom('element_spans as e')
    .innerJoin('gp_snapshots as s', (j) => j.onRef('s.seq', '>=', 'e.first_seq').onRef('s.seq', '<=', 'e.last_seq'))
    .select(['e.norad_id', (eb) => eb.fn.max('s.as_of').as('as_of')])
    .where('e.norad_id', 'in', [...noradIds]).groupBy('e.norad_id').execute();
  return new Map(rows.map((r) => [r.norad_id, r.as_of]));
}
