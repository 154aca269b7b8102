/** Watchlists of the signed-in user, what changed since the last visit, and each watchlist's private Atom feed. */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../../store/open-store.js';
import { KIND_NAMES } from '../../../model/kinds.js';
import { SEGMENT_IDS } from '../../../model/segments.js';
import { watchlistsOf, type WatchFilters, type Watchlist } from '../../../store/editorial/watchlists.js';
import { createWatchlist, ownWatchlist, removeWatchlist, rotateFeed, visit, watchlistOfFeed } from '../../../services/editorial/watchlists.js';
import type { AnalyticsRunner } from '../../../services/analytics-runner.js';
import { securityOf } from '../../auth.js';
import { ID_PARAMS, editorialResponses } from '../../editorial-schemas.js';
import { arr, int, nullable, obj, str, WORLD_CHANGE } from '../../schemas.js';
import { COUNTRY_PARAMETER, countryParameterError } from '../../country-parameter.js';
import { renderAtom, worldEntry } from '../../atom.js';
import { ApiError } from '../../errors.js';
import { actorOf } from './actor.js';

const FILTERS = obj([], {
  entity: { type: 'string', pattern: '^[a-z]+\\.[a-z0-9.-]+$', maxLength: 200 },
  kind: { type: 'string', enum: [...KIND_NAMES] },
  segment: { type: 'string', enum: [...SEGMENT_IDS] },
  country: COUNTRY_PARAMETER,
});
const WATCHLIST = obj(['id', 'name', 'filters', 'hasFeed', 'lastVisit', 'createdAt'], { id: int, name: str, filters: FILTERS, hasFeed: { type: 'boolean' }, lastVisit: nullable('string'), createdAt: str });
const FEED = obj(['feedUrl'], { feedUrl: { type: 'string', description: 'the private Atom feed: anyone with this URL reads it, so keep it private; shown once' } });

/** The rules are read in the analytics worker (the country check, the world change feed): no request parses them here. */
export function registerWatchlistRoutes(api: FastifyInstance, store: Store, analytics: AnalyticsRunner): void {
  const publicRow = ({ accountId: _a, ...w }: Watchlist) => w;
  const feedUrl = (req: { protocol: string; host: string }, token: string) => `${req.protocol}://${req.host}/api/v1/watchlist-feeds/${token}`;
  const owner = (req: Parameters<typeof actorOf>[0]) => ({ ...actorOf(req), accountId: req.principal!.accountId });

  api.get('/watchlists', {
    config: { access: 'signed-in' },
    schema: { operationId: 'listWatchlists', summary: 'Your watchlists', tags: ['editorial'], ...securityOf('signed-in'), response: editorialResponses(200, arr(WATCHLIST)) },
  }, async (req) => (await watchlistsOf(store.db, req.principal!.accountId)).map(publicRow));

  api.post<{ Body: { name: string; filters: WatchFilters } }>('/watchlists', {
    config: { access: 'signed-in' },
    schema: { operationId: 'createWatchlist', summary: 'Watch an entity, a kind, a segment or a country; returns the private Atom feed URL once', tags: ['editorial'], ...securityOf('signed-in'),
      body: obj(['name', 'filters'], { name: { type: 'string', minLength: 1, maxLength: 100 }, filters: FILTERS }),
      response: editorialResponses(201, obj(['watchlist', 'feedUrl'], { watchlist: WATCHLIST, feedUrl: { type: 'string', description: 'the private Atom feed URL, shown once' } })) },
  }, async (req, reply) => {
    if (req.body.filters.country) {
      const problem = await analytics.run('countryProblem', { country: req.body.filters.country });
      if (problem) throw countryParameterError(problem);
    }
    const { watchlist, feedToken } = await createWatchlist(store.db, req.body.name, req.body.filters, owner(req));
    return reply.status(201).send({ watchlist: publicRow(watchlist), feedUrl: feedUrl(req, feedToken) });
  });

  api.delete<{ Params: { id: number } }>('/watchlists/:id', {
    config: { access: 'signed-in' },
    schema: { operationId: 'deleteWatchlist', summary: 'Delete one of your watchlists (its feed stops)', tags: ['editorial'], ...securityOf('signed-in'), params: ID_PARAMS, response: editorialResponses(204, null) },
  }, async (req, reply) => { await removeWatchlist(store.db, req.params.id, owner(req)); return reply.status(204).send(); });

  api.post<{ Params: { id: number } }>('/watchlists/:id/feed', {
    config: { access: 'signed-in' },
    schema: { operationId: 'rotateWatchlistFeed', summary: 'A new private feed URL for a watchlist (the old one stops working)', tags: ['editorial'], ...securityOf('signed-in'), params: ID_PARAMS, response: editorialResponses(200, FEED) },
  }, async (req) => ({ feedUrl: feedUrl(req, (await rotateFeed(store.db, req.params.id, owner(req)))!) }));

  api.delete<{ Params: { id: number } }>('/watchlists/:id/feed', {
    config: { access: 'signed-in' },
    schema: { operationId: 'revokeWatchlistFeed', summary: 'Revoke a watchlist\'s feed URL', tags: ['editorial'], ...securityOf('signed-in'), params: ID_PARAMS, response: editorialResponses(204, null) },
  }, async (req, reply) => { await rotateFeed(store.db, req.params.id, owner(req), true); return reply.status(204).send(); });

  api.get<{ Params: { id: number } }>('/watchlists/:id/changes', {
    config: { access: 'signed-in' },
    schema: { operationId: 'getWatchlistChanges', summary: 'The newest changes in the world a watchlist matches, flagged when recorded since your last visit', tags: ['editorial'], ...securityOf('signed-in'), params: ID_PARAMS,
      response: editorialResponses(200, obj(['watchlist', 'items'], { watchlist: WATCHLIST, items: arr({ ...WORLD_CHANGE, properties: { ...(WORLD_CHANGE.properties as object), sinceLastVisit: { type: 'boolean' } } }) })) },
  }, async (req) => {
    const w = await ownWatchlist(store.db, req.params.id, req.principal!.accountId);
    const out = await analytics.run('watchedChanges', { watchlist: w, today: new Date().toISOString().slice(0, 10) });
    return { watchlist: publicRow(out.watchlist), items: out.items };
  });

  api.post<{ Params: { id: number } }>('/watchlists/:id/visit', {
    config: { access: 'signed-in' },
    schema: { operationId: 'visitWatchlist', summary: 'Mark a watchlist seen now: later changes count as new', tags: ['editorial'], ...securityOf('signed-in'), params: ID_PARAMS, response: editorialResponses(204, null) },
  }, async (req, reply) => { await visit(store.db, req.params.id, req.principal!.accountId); return reply.status(204).send(); });

  api.get<{ Params: { token: string } }>('/watchlist-feeds/:token', {
    schema: { operationId: 'getWatchlistFeed', summary: 'A watchlist\'s private Atom feed (the URL is the credential; revocable)', tags: ['editorial'],
      params: obj(['token'], { token: { type: 'string', maxLength: 100 } }), response: { 200: { content: { 'application/atom+xml': { schema: { type: 'string' } } } } } },
  }, async (req, reply) => {
    const w = await watchlistOfFeed(store.db, req.params.token);
    if (!w) throw new ApiError(404, 'not_found', 'no watchlist feed at this address (revoked, or never issued)');
    const out = await analytics.run('watchedChanges', { watchlist: w, today: new Date().toISOString().slice(0, 10) });
    const host = `${req.protocol}://${req.host}`;
    reply.header('cache-control', 'private, no-store').header('referrer-policy', 'no-referrer').type('application/atom+xml; charset=utf-8');
    const updated = out.items.map((c) => c.recordedAt).sort().at(-1) ?? new Date(0).toISOString();
    return renderAtom(out.items.map((c) => worldEntry(c, host)), { id: `urn:redshift-monitor:watchlist:${w.id}`, title: `Redshift Monitor watchlist: ${w.name}`, updated, selfUrl: `${host}${req.url}`, nextUrl: null });
  });
}
