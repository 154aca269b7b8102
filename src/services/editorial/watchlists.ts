/**
 * Watchlists: a signed-in user's filters on the world change feed (an entity, a kind, a segment, a country), what
 * changed since their last visit, and a private Atom feed behind a revocable token (stored as its SHA-256).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { Rules } from '../../ingest/rules/read-rules.js';
import type { WorldChange } from '../../analytics/world-change-types.js';
import { appendAudit } from '../../store/editorial/audit.js';
import { deleteWatchlist, insertWatchlist, markVisited, setFeedHash, watchlistByFeed, watchlistById, type WatchFilters, type Watchlist } from '../../store/editorial/watchlists.js';
import { worldChangesPage } from '../world-changes.js';
import { newSecret, secretHash } from './secrets.js';
import { EditorialError, type Actor } from './accounts.js';

export const FEED_PREFIX = 'rsw_';
export const WATCH_PAGE = 100;

type Owner = Actor & { accountId: number };

export async function createWatchlist(db: Kysely<Database>, name: string, filters: WatchFilters, actor: Owner): Promise<{ watchlist: Watchlist; feedToken: string }> {
  if (!Object.values(filters).some(Boolean)) throw new EditorialError(400, 'invalid_request', 'a watchlist watches something', [{ field: 'filters', reason: 'give an entity, kind, segment or country' }]);
  const feedToken = newSecret(FEED_PREFIX);
  const watchlist = await db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const w = await insertWatchlist(trx, { accountId: actor.accountId, name, filters, feedHash: secretHash(feedToken), now });
    await appendAudit(trx, { actorId: actor.accountId, actorName: actor.name, address: actor.address, action: 'watchlist.create', subject: `watchlist:${w.id}`, after: { name, filters } }, now);
    return w;
  });
  return { watchlist, feedToken };
}

export async function ownWatchlist(db: Kysely<Database>, id: number, accountId: number): Promise<Watchlist> {
  const w = await watchlistById(db, id);
  if (!w || w.accountId !== accountId) throw new EditorialError(404, 'not_found', `no watchlist ${id} of yours`);
  return w;
}

export async function removeWatchlist(db: Kysely<Database>, id: number, actor: Owner): Promise<void> {
  const w = await ownWatchlist(db, id, actor.accountId);
  await db.transaction().execute(async (trx) => {
    await deleteWatchlist(trx, id);
    await appendAudit(trx, { actorId: actor.accountId, actorName: actor.name, address: actor.address, action: 'watchlist.delete', subject: `watchlist:${id}`, before: { name: w.name, filters: w.filters } });
  });
}

/** A new feed token (the old one stops working), or none (revoke). */
export async function rotateFeed(db: Kysely<Database>, id: number, actor: Owner, revoke = false): Promise<string | null> {
  await ownWatchlist(db, id, actor.accountId);
  const token = revoke ? null : newSecret(FEED_PREFIX);
  await db.transaction().execute(async (trx) => {
    await setFeedHash(trx, id, token ? secretHash(token) : null);
    await appendAudit(trx, { actorId: actor.accountId, actorName: actor.name, address: actor.address, action: revoke ? 'watchlist.feed-revoke' : 'watchlist.feed-rotate', subject: `watchlist:${id}` });
  });
  return token;
}

export interface WatchedChanges { watchlist: Watchlist; items: (WorldChange & { sinceLastVisit: boolean })[] }

/** The newest world changes the watchlist matches, each flagged when the store recorded it after the last visit. */
export async function watchedChanges(db: Kysely<Database>, rules: Rules, w: Watchlist, today: string): Promise<WatchedChanges> {
  const page = await worldChangesPage(db, rules, { ...w.filters, order: 'newest', limit: WATCH_PAGE, today });
  return { watchlist: w, items: page.items.map((c) => ({ ...c, sinceLastVisit: w.lastVisit === null || c.recordedAt > w.lastVisit })) };
}

export async function visit(db: Kysely<Database>, id: number, accountId: number): Promise<void> {
  await ownWatchlist(db, id, accountId);
  await markVisited(db, id, new Date().toISOString());
}

export async function watchlistOfFeed(db: Kysely<Database>, token: string): Promise<Watchlist | null> {
  return token.startsWith(FEED_PREFIX) ? watchlistByFeed(db, secretHash(token)) : null;
}
