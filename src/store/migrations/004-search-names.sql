-- Name search: every entity's names and aliases, each with a normalized form (NFKC, tone marks
-- removed, lower case, punctuation runs as one space; see src/model/search-normal.ts) matched by
-- exact, prefix and substring comparison and by pg_trgm trigram similarity for misspellings.
create extension if not exists pg_trgm;

create table entity_names (
  entity_id text not null references entities (id) on delete cascade,
  property text not null,
  name text not null,
  norm text not null
);

create index entity_names_entity on entity_names (entity_id);
create index entity_names_norm_trgm on entity_names using gin (norm gin_trgm_ops);
