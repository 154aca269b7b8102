-- Facts about the store itself, e.g. when the first-start bootstrap completed.
create table store_meta (
  key text primary key,
  value text not null
);

-- Which process started a run ("host pid process-start"), so runs left "running" by a dead process can be closed.
alter table runs add column owner text;
