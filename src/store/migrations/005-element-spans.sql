-- Snapshot membership stored compactly. Each GP snapshot gets a sequence number (`seq`, in the
-- order snapshots were first ingested); an object's membership is a span of consecutive snapshots
-- over which it kept the same element set. A snapshot that repeats an object's element set extends
-- its span; a new element set, or an object missing from a snapshot, starts a new span. So a new row
-- is written only when an object's element set changed, not once per object and snapshot.
-- gp_snapshot_objects stays readable as a view giving every (snapshot, object) pair, as before.

alter table gp_snapshots add column seq integer;

-- Existing snapshots are numbered in the order they were first ingested.
update gp_snapshots s set seq = o.n
from (select id, (row_number() over (order by first_seen, as_of, id))::integer as n from gp_snapshots) o
where o.id = s.id;

alter table gp_snapshots alter column seq set not null;
create unique index gp_snapshots_seq on gp_snapshots (seq);

-- One object with one element set over the snapshots first_seq..last_seq (all of them, no gap).
-- Spans of one object never overlap. first_seen/last_seen: when the span was first written and
-- when a snapshot it covers was last ingested (with the object in it). element_set_id names a row of
-- element_sets; the one writer (src/store/write-spans.ts) checks that for all new spans in one join
-- instead of a foreign key, whose per-row check cost as much as the insert itself (bench/ingest.ts).
create table element_spans (
  norad_id integer not null,
  first_seq integer not null,
  last_seq integer not null,
  element_set_id text not null,
  origin text not null,
  first_seen text not null,
  last_seen text not null,
  primary key (norad_id, first_seq),
  check (first_seq <= last_seq)
);
create index element_spans_last_seq on element_spans (last_seq);

-- Gaps and islands: within one object and element set, snapshots whose seq minus their rank is the
-- same are consecutive, so they form one span.
insert into element_spans (norad_id, first_seq, last_seq, element_set_id, origin, first_seen, last_seen)
select norad_id, min(seq), max(seq), element_set_id, min(origin), min(first_seen), max(last_seen)
from (
  select o.norad_id, o.element_set_id, o.origin, o.first_seen, o.last_seen, s.seq,
    s.seq - row_number() over (partition by o.norad_id, o.element_set_id order by s.seq) as island
  from gp_snapshot_objects o join gp_snapshots s on s.id = o.snapshot_id
) members
group by norad_id, element_set_id, island;

drop table gp_snapshot_objects;

-- Every object of every snapshot with its element set, read from the spans. first_seen/last_seen
-- are the span's.
create view gp_snapshot_objects as
select s.id || '#' || sp.norad_id as id, s.id as snapshot_id, sp.norad_id, sp.element_set_id,
  sp.origin, sp.first_seen, sp.last_seen
from gp_snapshots s
join element_spans sp on sp.first_seq <= s.seq and sp.last_seq >= s.seq;
