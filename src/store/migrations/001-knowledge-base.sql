-- The sourced knowledge base: sources, entities, statements, series and their points,
-- the run history of every load, and the change log.
-- Timestamps are ISO-8601 UTC text so exports are byte-identical on PGlite and PostgreSQL.

create table sources (
  id text primary key,
  kind text not null,
  title text not null,
  publisher text,
  authors jsonb,
  url text,
  published text,
  accessed text,
  licence text,
  file text,
  part_of text,
  reference_number text,
  citation text,
  note text,
  origin text not null,
  first_seen text not null,
  last_seen text not null
);

create table entities (
  id text primary key,
  kind text not null,
  caption text not null,
  origin text not null,
  search_text text not null default '',
  search_doc tsvector,
  first_seen text not null,
  last_seen text not null
);
create index entities_kind on entities (kind);
create index entities_search_doc on entities using gin (search_doc);

create table statements (
  id text primary key,
  entity_id text not null references entities (id) on delete cascade,
  property text not null,
  value text not null,
  original_value text,
  source_id text not null references sources (id),
  locator text,
  as_of text,
  status text not null,
  qualifier text,
  note text,
  origin text not null,
  first_seen text not null,
  last_seen text not null
);
create index statements_entity on statements (entity_id);
create index statements_property_value on statements (property, value);
create index statements_source on statements (source_id);
create index statements_origin on statements (origin);

create table series (
  id text primary key,
  title text not null,
  unit text not null,
  description text,
  dimensions jsonb not null,
  source_id text not null references sources (id),
  locator text,
  origin text not null,
  first_seen text not null,
  last_seen text not null
);

create table series_points (
  id text primary key,
  series_id text not null references series (id) on delete cascade,
  period text not null,
  value double precision not null,
  original_value text,
  source_id text not null references sources (id),
  locator text,
  status text not null,
  qualifier text,
  note text,
  origin text not null,
  first_seen text not null,
  last_seen text not null
);
create index series_points_series on series_points (series_id);

-- Every load or ingest, successful or not: the source's run history.
create table runs (
  id serial primary key,
  origin text not null,
  started_at text not null,
  finished_at text,
  status text not null,
  detail jsonb,
  error text
);
create index runs_origin on runs (origin, started_at);

-- What each successful run changed.
create table changes (
  id bigserial primary key,
  run_id integer not null references runs (id),
  at text not null,
  action text not null,
  subject text not null,
  subject_id text not null,
  entity_id text,
  property text,
  value text,
  source_id text
);
create index changes_at on changes (at);
create index changes_entity on changes (entity_id);
