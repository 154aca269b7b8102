/** Kysely's view of the editorial tables (migrations/006-editorial.sql). */
import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;

export interface AccountsTable {
  id: Generated<number>; name: string; role: string; password_hash: string; created_at: string; disabled_at: string | null;
}

export interface SessionsTable {
  token_hash: string; account_id: number; csrf_hash: string; created_at: string; expires_at: string; ended_at: string | null;
}

export interface ApiTokensTable {
  id: Generated<number>; account_id: number; token_hash: string; label: string; created_at: string;
  last_used_at: string | null; revoked_at: string | null;
}

export interface ProposalsTable {
  id: Generated<number>; kind: string; status: string; entity_id: string | null; payload: Json<unknown>; comment: string | null;
  proposer_id: number; created_at: string; reviewer_id: number | null; decided_at: string | null; decision_comment: string | null;
}

export interface StatementEditorsTable {
  statement_id: string; proposal_id: number; proposer_id: number; approver_id: number; approved_at: string;
}

export interface WatchlistsTable {
  id: Generated<number>; account_id: number; name: string; filters: Json<unknown>; feed_token_hash: string | null;
  last_visit: string | null; created_at: string;
}

export interface AuditTable {
  id: Generated<string>; at: string; actor_id: number | null; actor_name: string | null; action: string; subject: string;
  address: string | null; before: ColumnType<unknown, string | null, never>; after: ColumnType<unknown, string | null, never>;
}

export interface EditorialDatabase {
  accounts: AccountsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  proposals: ProposalsTable;
  statement_editors: StatementEditorsTable;
  watchlists: WatchlistsTable;
  audit: AuditTable;
}
