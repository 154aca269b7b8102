-- The editorial workflow (issue 12): accounts and their roles, login sessions, API tokens,
-- proposals and their review, who proposed and approved each editorial statement, watchlists,
-- and the append-only audit trail. Secrets are never stored: sessions, CSRF values, API tokens
-- and feed tokens are kept as SHA-256 hashes of random values, passwords as argon2id hashes.
-- Independent of 005, so the two apply in either order.

create table accounts (
  id serial primary key,
  name text not null unique,
  role text not null check (role in ('contributor', 'reviewer', 'admin')),
  password_hash text not null,
  created_at text not null,
  disabled_at text
);

create table sessions (
  token_hash text primary key,
  account_id integer not null references accounts (id),
  csrf_hash text not null,
  created_at text not null,
  expires_at text not null,
  ended_at text
);
create index sessions_account on sessions (account_id);

create table api_tokens (
  id serial primary key,
  account_id integer not null references accounts (id),
  token_hash text not null unique,
  label text not null,
  created_at text not null,
  last_used_at text,
  revoked_at text
);
create index api_tokens_account on api_tokens (account_id);

create table proposals (
  id serial primary key,
  kind text not null check (kind in ('statement', 'change', 'retraction', 'entity', 'source')),
  status text not null check (status in ('open', 'approved', 'rejected')),
  entity_id text,
  payload jsonb not null,
  comment text,
  proposer_id integer not null references accounts (id),
  created_at text not null,
  reviewer_id integer references accounts (id),
  decided_at text,
  decision_comment text,
  check ((status = 'open') = (decided_at is null))
);
create index proposals_status on proposals (status, id);
create index proposals_proposer on proposals (proposer_id);

-- Who proposed and who approved each statement written by an approved proposal.
create table statement_editors (
  statement_id text primary key,
  proposal_id integer not null references proposals (id),
  proposer_id integer not null references accounts (id),
  approver_id integer not null references accounts (id),
  approved_at text not null
);

create table watchlists (
  id serial primary key,
  account_id integer not null references accounts (id),
  name text not null,
  filters jsonb not null,
  feed_token_hash text unique,
  last_visit text,
  created_at text not null
);
create index watchlists_account on watchlists (account_id);

create table audit (
  id bigserial primary key,
  at text not null,
  actor_id integer references accounts (id),
  actor_name text,
  action text not null,
  subject text not null,
  address text,
  before jsonb,
  after jsonb
);
create index audit_at on audit (at, id);

-- Append-only: the database itself refuses to change or remove an audit row.
-- (The function body stays on one line: the migrator splits statements at line-final semicolons.)
create function audit_append_only() returns trigger language plpgsql as $$ begin raise exception 'the audit trail is append-only (% refused)', tg_op; end $$;
create trigger audit_no_update_delete before update or delete on audit for each row execute function audit_append_only();
create trigger audit_no_truncate before truncate on audit for each statement execute function audit_append_only();
