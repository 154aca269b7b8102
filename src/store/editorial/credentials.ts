/** Login sessions and API tokens, looked up by the SHA-256 hash of their secret (the secret itself is never stored). */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';
import type { Role } from '../../model/roles.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface Credential { accountId: number; name: string; role: Role }
export interface SessionCredential extends Credential { csrfHash: string; expiresAt: string }
export interface TokenRow { id: number; accountId: number; label: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null }

export async function insertSession(db: Db, s: { tokenHash: string; accountId: number; csrfHash: string; now: string; expiresAt: string }): Promise<void> {
  await db.insertInto('sessions').values({ token_hash: s.tokenHash, account_id: s.accountId, csrf_hash: s.csrfHash, created_at: s.now, expires_at: s.expiresAt }).execute();
}

/** The live session of a hash: not ended, not expired, its account not disabled. */
export async function liveSession(db: Db, tokenHash: string, now: string): Promise<SessionCredential | null> {
  const r = await db.selectFrom('sessions').innerJoin('accounts', 'accounts.id', 'sessions.account_id')
    .select(['accounts.id', 'accounts.name', 'accounts.role', 'sessions.csrf_hash', 'sessions.expires_at'])
    .where('sessions.token_hash', '=', tokenHash).where('sessions.ended_at', 'is', null).where('sessions.expires_at', '>', now)
    .where('accounts.disabled_at', 'is', null).executeTakeFirst();
  return r ? { accountId: r.id, name: r.name, role: r.role as Role, csrfHash: r.csrf_hash, expiresAt: r.expires_at } : null;
}

export async function endSession(db: Db, tokenHash: string, now: string): Promise<void> {
  await db.updateTable('sessions').set({ ended_at: now }).where('token_hash', '=', tokenHash).where('ended_at', 'is', null).execute();
}

export async function endSessionsOf(db: Db, accountId: number, now: string): Promise<void> {
  await db.updateTable('sessions').set({ ended_at: now }).where('account_id', '=', accountId).where('ended_at', 'is', null).execute();
}

export async function insertToken(db: Db, t: { tokenHash: string; accountId: number; label: string; now: string }): Promise<number> {
  const r = await db.insertInto('api_tokens').values({ token_hash: t.tokenHash, account_id: t.accountId, label: t.label, created_at: t.now })
    .returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** The account of a live token (not revoked, account not disabled), stamping its last use. */
export async function useToken(db: Db, tokenHash: string, now: string): Promise<(Credential & { tokenId: number }) | null> {
  const r = await db.selectFrom('api_tokens').innerJoin('accounts', 'accounts.id', 'api_tokens.account_id')
    .select(['api_tokens.id as tokenId', 'accounts.id', 'accounts.name', 'accounts.role'])
    .where('api_tokens.token_hash', '=', tokenHash).where('api_tokens.revoked_at', 'is', null)
    .where('accounts.disabled_at', 'is', null).executeTakeFirst();
  if (!r) return null;
  await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', r.tokenId).execute();
  return { accountId: r.id, name: r.name, role: r.role as Role, tokenId: r.tokenId };
}

export async function tokenById(db: Db, id: number): Promise<TokenRow | null> {
  const r = await db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? { id: r.id, accountId: r.account_id, label: r.label, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at } : null;
}

export async function tokensOf(db: Db, accountId: number): Promise<TokenRow[]> {
  const rows = await db.selectFrom('api_tokens').selectAll().where('account_id', '=', accountId).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, accountId: r.account_id, label: r.label, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at }));
}

export async function revokeToken(db: Db, id: number, now: string): Promise<boolean> {
  const r = await db.updateTable('api_tokens').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
