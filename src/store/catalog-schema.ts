/** Kysely's view of the catalog tables (migrations/002-catalog.sql). */
import type { ColumnType } from 'kysely';

interface Seen { source_id: string; origin: string; first_seen: string; last_seen: string }

export interface ElementSetsTable extends Seen {
  id: string; norad_id: number; epoch: string; object_name: string; object_id: string | null; mean_motion: number;
  eccentricity: number; inclination: number; raan: number; arg_of_pericenter: number; mean_anomaly: number; bstar: number;
  mean_motion_dot: number; mean_motion_ddot: number; element_set_no: number; rev_at_epoch: number; classification: string;
  ephemeris_type: number; line1: string | null; line2: string | null;
}
export interface GpSnapshotsTable extends Seen { id: string; as_of: string; object_count: number; seq: number }
/** An object over consecutive snapshots (seq first_seq..last_seq) with one element set (migrations/005-element-spans.sql). */
export interface ElementSpansTable {
  norad_id: number; first_seq: number; last_seq: number; element_set_id: string; origin: string; first_seen: string; last_seen: string;
}
/** A view over element_spans: every object of every snapshot (read only). */
export interface GpSnapshotObjectsTable { id: string; snapshot_id: string; norad_id: number; element_set_id: string; origin: string; first_seen: string; last_seen: string }
export interface SatcatTable extends Seen {
  id: string; norad_id: number; object_name: string; object_id: string | null; object_type: string | null; ops_status: string | null;
  owner: string | null; launch_date: string | null; launch_site: string | null; decay_date: string | null; period_min: number | null;
  inclination_deg: number | null; apogee_km: number | null; perigee_km: number | null; rcs_m2: number | null; data_status: string | null;
  orbit_center: string | null; orbit_type: string | null;
}
export interface LaunchesTable extends Seen {
  id: string; launch_date: string; date_precision: string; date_uncertain: boolean; year: number; lv_type: string; lv_state: string | null;
  agency: string | null; flight_id: string | null; platform: string | null; launch_site: string | null; launch_pad: string | null;
  launch_code: string; launch_class: string | null; outcome: string; success_fraction: number | null; object_count: number;
}
export interface LaunchObjectsTable extends Seen {
  id: string; launch_tag: string; norad_id: number | null; piece: string | null; sat_type: string | null; name: string | null;
  pl_name: string | null; sat_owner: string | null; sat_state: string | null;
}
export interface UcsSatellitesTable extends Seen {
  id: string; norad_id: number; name: string; un_registry_country: string | null; operator_country: string | null; operator: string | null;
  users: string | null; purpose: string | null; detailed_purpose: string | null; orbit_class: string | null; orbit_type: string | null;
  perigee_km: number | null; apogee_km: number | null; inclination_deg: number | null; period_min: number | null; launch_mass_kg: number | null;
  launch_date: string | null; contractor: string | null; contractor_country: string | null; launch_site: string | null;
  launch_vehicle: string | null; cospar: string | null;
}
export interface CatalogRecordsTable extends Seen {
  id: string; dataset: string; key: string; state_code: string | null; data: ColumnType<Record<string, unknown>, string, string>;
}
export interface FeedStateTable {
  feed: string; url: string; etag: string | null; last_modified: string | null; last_attempt_at: string | null; last_success_at: string | null;
}

export interface CatalogDatabase {
  element_sets: ElementSetsTable;
  gp_snapshots: GpSnapshotsTable;
  gp_snapshot_objects: GpSnapshotObjectsTable;
  element_spans: ElementSpansTable;
  satcat: SatcatTable;
  launches: LaunchesTable;
  launch_objects: LaunchObjectsTable;
  ucs_satellites: UcsSatellitesTable;
  catalog_records: CatalogRecordsTable;
  feed_state: FeedStateTable;
}
