-- Bulk writes (bench/ingest.ts). The two references a bulk load writes thousands of rows against are
-- checked once per load or statement, not once per row: element_sets.source_id (a GP file's 16k
-- element sets share one source) and changes.run_id (a first load logs 16k objects under one run).
-- A foreign key's per-row check cost as much as the rows' own insert. The same guarantees hold:
--  * element_sets has one writer (src/store/write-catalog.ts, writeHistory), which checks the sources
--    of all its rows in one query and locks them FOR KEY SHARE, as a foreign key does (a statement
--    trigger with a transition table cost a third of the insert on PGlite); element_spans is checked
--    the same way by its one writer (migration 005);
--  * an insert into changes naming a run that is not stored fails, with the foreign-key violation's
--    SQLSTATE 23503, checked once per statement; the runs it names are locked FOR KEY SHARE;
--  * the referencing column never changes once written, nor does the referenced id;
--  * deleting a source (run) that rows still reference fails, and runs cannot be truncated.
-- (Function bodies stay on one line: the migrator splits statements at line-final semicolons.)

alter table element_sets drop constraint element_sets_source_id_fkey;
alter table changes drop constraint changes_run_id_fkey;

create function changes_runs_stored() returns trigger language plpgsql as $$ declare missing integer; begin perform 1 from runs r where r.id in (select distinct n.run_id from new_rows n) for key share of r; select n.run_id into missing from new_rows n where not exists (select 1 from runs r where r.id = n.run_id) limit 1; if missing is not null then raise exception using errcode = 'foreign_key_violation', message = format('insert on table "changes" names run_id %s, which is not in "runs"', missing); end if; return null; end $$;
create trigger changes_runs_stored after insert on changes referencing new table as new_rows for each statement execute function changes_runs_stored();

create function sources_still_referenced() returns trigger language plpgsql as $$ declare kept text; begin select o.id into kept from old_rows o where exists (select 1 from element_sets e where e.source_id = o.id) limit 1; if kept is not null then raise exception using errcode = 'foreign_key_violation', message = format('source "%s" is still named by rows of "element_sets"', kept); end if; return null; end $$;
create trigger sources_still_referenced after delete on sources referencing old table as old_rows for each statement execute function sources_still_referenced();

create function runs_still_referenced() returns trigger language plpgsql as $$ declare kept integer; begin select o.id into kept from old_rows o where exists (select 1 from changes c where c.run_id = o.id) limit 1; if kept is not null then raise exception using errcode = 'foreign_key_violation', message = format('run %s is still named by rows of "changes"', kept); end if; return null; end $$;
create trigger runs_still_referenced after delete on runs referencing old table as old_rows for each statement execute function runs_still_referenced();

create function reference_is_fixed() returns trigger language plpgsql as $$ begin raise exception using errcode = 'foreign_key_violation', message = format(case when tg_op = 'TRUNCATE' then '%s cannot be truncated: other rows name its %s' else '%s.%s is a reference and does not change once written' end, tg_table_name, tg_argv[0]); end $$;
create trigger element_sets_source_fixed before update of source_id on element_sets for each row when (old.source_id is distinct from new.source_id) execute function reference_is_fixed('source_id');
create trigger changes_run_fixed before update of run_id on changes for each row when (old.run_id is distinct from new.run_id) execute function reference_is_fixed('run_id');
create trigger sources_id_fixed before update of id on sources for each row when (old.id is distinct from new.id) execute function reference_is_fixed('id');
create trigger runs_id_fixed before update of id on runs for each row when (old.id is distinct from new.id) execute function reference_is_fixed('id');
create trigger runs_no_truncate before truncate on runs for each statement execute function reference_is_fixed('id');

-- The change log's entity index holds only rows about an entity: a catalog ingest logs thousands of
-- objects with no entity, and a lookup by entity (entity_id = $1) never wants the nulls.
drop index changes_entity;
create index changes_entity on changes (entity_id) where entity_id is not null;
