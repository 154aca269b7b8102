-- Results of expensive derivations (a station screening, a reentry watch), kept across restarts so a
-- new process reads them instead of computing them again. A row is valid only for the data version
-- (`version`: the runs and snapshot writes it was computed from) and the code (`code`: a fingerprint of
-- the program and its serializer) it was computed with; any other row is ignored and replaced. It is a
-- cache: nothing in it is a fact, exports and data packages leave it out, and deleting rows is safe.
create table derived_results (
  key text primary key,
  version text not null,
  code text not null,
  value bytea not null,
  bytes integer not null,
  computed_at text not null
);
-- The writer keeps the table under a size cap by deleting the least recently computed rows.
create index derived_results_computed on derived_results (computed_at);
