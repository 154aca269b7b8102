/** Watchlists: an account's filters on the change feed, with the hash of the private feed token and the last visit. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface WatchFilters { entity?: string; kind?: string; segment?: string; country?: string }
export interface Watchlist { id: number; accountId: number; name: string; filters: WatchFilters; hasFeed: boolean; lastVisit: string | null; createdAt: string }

type Raw = { id: number; account_id: number; name: string; filters: unknown; feed_token_hash: string | null; last_visit: string | null; created_at: string };
const toWatchlist = (r: Raw): Watchlist => ({
  id: r.id, accountId: r.account_id, name: r.name, filters: r.filters as WatchFilters, hasFeed: r.feed_token_hash !== null, lastVisit: r.last_visit, createdAt: r.created_at,
});

export async function insertWatchlist(db: Db, w: { accountId: number; name: string; filters: WatchFilters; feedHash: string; now: string }): Promise<Watchlist> {
  const r = await db.insertInto('watchlists').values({ account_id: w.accountId, name: w.name, filters: JSON.stringify(w.filters), feed_token_hash: w.feedHash, created_at: w.now })
    .returningAll().executeTakeFirstOrThrow();
  return toWatchlist(r);
}

export async function watchlistsOf(db: Db, accountId: number): Promise<Watchlist[]> {
  return (await db.selectFrom('watchlists').selectAll().where('account_id', '=', accountId).orderBy('id').execute()).map(toWatchlist);
}

export async function watchlistById(db: Db, id: number): Promise<Watchlist | null> {
  const r = await db.selectFrom('watchlists').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toWatchlist(r) : null;
}

/** The watchlist of a feed token's hash, while its account is active. */
export async function watchlistByFeed(db: Db, feedHash: string): Promise<Watchlist | null> {
  const r = await db.selectFrom('watchlists').innerJoin('accounts', 'accounts.id', 'watchlists.account_id').selectAll('watchlists')
    .where('watchlists.feed_token_hash', '=', feedHash).where('accounts.disabled_at', 'is', null).executeTakeFirst();
  return r ? toWatchlist(r) : null;
}

export async function setFeedHash(db: Db, id: number, feedHash: string | null): Promise<void> {
  await db.updateTable('watchlists').set({ feed_token_hash: feedHash }).where('id', '=', id).execute();
}

export async function markVisited(db: Db, id: number, now: string): Promise<void> {
  await db.updateTable('watchlists').set({ last_visit: now }).where('id', '=', id).execute();
}

export async function deleteWatchlist(db: Db, id: number): Promise<void> {
  await db.deleteFrom('watchlists').where('id', '=', id).execute();
}
