-- The orbital and launch catalogs. Every row keeps its source and origin (the feed
-- that wrote it) and first/last seen; ids are natural keys, so re-ingesting a file
-- matches the rows it wrote before.

-- Every GP element set ever ingested, one per object and epoch: the orbit history.
create table element_sets (
  id text primary key,
  norad_id integer not null,
  epoch text not null,
  object_name text not null,
  object_id text,
  mean_motion double precision not null,
  eccentricity double precision not null,
  inclination double precision not null,
  raan double precision not null,
  arg_of_pericenter double precision not null,
  mean_anomaly double precision not null,
  bstar double precision not null,
  mean_motion_dot double precision not null,
  mean_motion_ddot double precision not null,
  element_set_no integer not null,
  rev_at_epoch integer not null,
  classification text not null,
  ephemeris_type integer not null,
  line1 text,
  line2 text,
  source_id text not null references sources (id),
  origin text not null,
  first_seen text not null,
  last_seen text not null
);
create index element_sets_norad on element_sets (norad_id, epoch);

-- One GP download (or bundled file): which objects were in it, with which element set.
create table gp_snapshots (
  id text primary key,
  source_id text not null references sources (id),
  as_of text not null,
  object_count integer not null,
  origin text not null,
  first_seen text not null,
  last_seen text not null
);
create table gp_snapshot_objects (
  id text primary key,
  snapshot_id text not null references gp_snapshots (id) on delete cascade,
  norad_id integer not null,
  element_set_id text not null references element_sets (id),
  origin text not null,
  first_seen text not null,
  last_seen text not null
);
create index gp_snapshot_objects_snapshot on gp_snapshot_objects (snapshot_id);
create index gp_snapshot_objects_norad on gp_snapshot_objects (norad_id);

-- CelesTrak SATCAT.
create table satcat (
  id text primary key,
  norad_id integer not null unique,
  object_name text not null,
  object_id text,
  object_type text,
  ops_status text,
  owner text,
  launch_date text,
  launch_site text,
  decay_date text,
  period_min double precision,
  inclination_deg double precision,
  apogee_km double precision,
  perigee_km double precision,
  rcs_m2 double precision,
  data_status text,
  orbit_center text,
  orbit_type text,
  source_id text not null references sources (id),
  origin text not null,
  first_seen text not null,
  last_seen text not null
);

-- GCAT launches (deduplicated on the launch tag) and the objects of each launch.
create table launches (
  id text primary key,
  launch_date text not null,
  date_precision text not null,
  date_uncertain boolean not null,
  year integer not null,
  lv_type text not null,
  lv_state text,
  agency text,
  flight_id text,
  platform text,
  launch_site text,
  launch_pad text,
  launch_code text not null,
  launch_class text,
  outcome text not null,
  success_fraction double precision,
  object_count integer not null,
  source_id text not null references sources (id),
  origin text not null,
  first_seen text not null,
  last_seen text not null
);
create index launches_year on launches (year, lv_state);

create table launch_objects (
  id text primary key,
  launch_tag text not null,
  norad_id integer,
  piece text,
  sat_type text,
  name text,
  pl_name text,
  sat_owner text,
  sat_state text,
  source_id text not null references sources (id),
  origin text not null,
  first_seen text not null,
  last_seen text not null
);
create index launch_objects_norad on launch_objects (norad_id);
create index launch_objects_tag on launch_objects (launch_tag);

-- UCS Satellite Database.
create table ucs_satellites (
  id text primary key,
  norad_id integer not null,
  name text not null,
  un_registry_country text,
  operator_country text,
  operator text,
  users text,
  purpose text,
  detailed_purpose text,
  orbit_class text,
  orbit_type text,
  perigee_km double precision,
  apogee_km double precision,
  inclination_deg double precision,
  period_min double precision,
  launch_mass_kg double precision,
  launch_date text,
  contractor text,
  contractor_country text,
  launch_site text,
  launch_vehicle text,
  cospar text,
  source_id text not null references sources (id),
  origin text not null,
  first_seen text not null,
  last_seen text not null
);
create index ucs_satellites_norad on ucs_satellites (norad_id);

-- GCAT reference tables (organizations, sites, launch points, platforms, failed-to-orbit
-- objects): one row per record, its fields as JSON.
create table catalog_records (
  id text primary key,
  dataset text not null,
  key text not null,
  state_code text,
  data jsonb not null,
  source_id text not null references sources (id),
  origin text not null,
  first_seen text not null,
  last_seen text not null
);
create index catalog_records_dataset on catalog_records (dataset, key);

-- Conditional-request state of each live feed.
create table feed_state (
  feed text primary key,
  url text not null,
  etag text,
  last_modified text,
  last_attempt_at text,
  last_success_at text
);
