/**
 * The authorization matrix, generated from the server's route table: every route that writes or needs an
 * account × (anonymous, contributor, reviewer, admin, revoked token, expired session), each with the status
 * its access rule implies. A new write route must declare a rule, or the server refuses to register it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { STORE_KINDS, type TestStore } from '../support/stores.js';
import { basicApp } from '../support/basic-app.js';
import { registerAuth, type RouteRule } from '../../src/api/auth.js';
import { allows, type Role } from '../../src/model/roles.js';
import { addAccount, signIn, tokenFor } from '../support/editorial.js';

type Actor = 'anonymous' | Role | 'revoked token' | 'expired session';
const ACTORS: Actor[] = ['anonymous', 'contributor', 'reviewer', 'admin', 'revoked token', 'expired session'];
const ROLE_OF: Partial<Record<Actor, Role>> = { contributor: 'contributor', reviewer: 'reviewer', admin: 'admin' };

/** The routes issue 12 prescribes; the table may hold more (account management, token list), never fewer. */
const PRESCRIBED = ['POST /api/v1/session', 'DELETE /api/v1/session', 'GET /api/v1/session', 'POST /api/v1/proposals', 'GET /api/v1/proposals',
  'GET /api/v1/proposals/:id', 'POST /api/v1/proposals/:id/approve', 'POST /api/v1/proposals/:id/reject', 'GET /api/v1/audit', 'POST /api/v1/tokens', 'DELETE /api/v1/tokens/:id'];

/** What the rule implies: null when the request passes authorization (any status but 401, 403 and 5xx). */
function expected(rule: RouteRule, actor: Actor): 401 | 403 | null {
  if (actor === 'revoked token') return 401;
  const role = ROLE_OF[actor] ?? null;
  if (allows(role, rule.access)) return null;
  return role === null ? 401 : 403;
}

describe.each(STORE_KINDS)('authorization matrix on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  let revoked = '';
  beforeAll(async () => {
    ({ store, app } = await basicApp(kind));
    for (const role of ['contributor', 'reviewer', 'admin'] as const) await addAccount(store.db, role, role);
    await addAccount(store.db, 'lapsed', 'admin');
    const t = await tokenFor(store.db, 'admin');
    await store.db.updateTable('api_tokens').set({ revoked_at: new Date().toISOString() }).where('id', '=', t.id).execute();
    revoked = t.token;
  });
  afterAll(async () => { await app?.close(); await store?.dispose(); });

  async function headersOf(actor: Actor): Promise<Record<string, string>> {
    if (actor === 'anonymous') return {};
    if (actor === 'revoked token') return { authorization: `Bearer ${revoked}` };
    if (actor === 'expired session') {
      const s = await signIn(app, 'lapsed');
      await store.db.updateTable('sessions').set({ expires_at: '2000-01-01T00:00:00.000Z' }).where('ended_at', 'is', null)
        .where('account_id', '=', (await store.db.selectFrom('accounts').select('id').where('name', '=', 'lapsed').executeTakeFirstOrThrow()).id).execute();
      return { cookie: s.cookie, 'x-csrf-token': s.csrf };
    }
    const s = await signIn(app, actor);
    return { cookie: s.cookie, 'x-csrf-token': s.csrf };
  }

  it('has a rule for every prescribed route', () => {
    const table = new Set(app.routeRules.map((r) => `${r.method} ${r.url}`));
    for (const route of PRESCRIBED) expect(table, route).toContain(route);
  });

  it('answers every guarded route for every actor as its rule says', async () => {
    const guarded = app.routeRules.filter((r) => r.url.startsWith('/api/') && (r.access !== 'public' || !['GET', 'HEAD'].includes(r.method)));
    expect(guarded.length).toBeGreaterThanOrEqual(PRESCRIBED.length);
    const rows: string[] = [];
    for (const rule of guarded) {
      for (const actor of ACTORS) {
        const url = rule.url.replace(':id', '999999');
        const res = await app.inject({ method: rule.method as 'POST', url, headers: await headersOf(actor), ...(['POST', 'PATCH', 'PUT'].includes(rule.method) ? { payload: {} } : {}) });
        const want = expected(rule, actor);
        const ok = want === null ? ![401, 403].includes(res.statusCode) && res.statusCode < 500 : res.statusCode === want;
        if (!ok) rows.push(`${rule.method} ${rule.url} as ${actor}: ${res.statusCode}, expected ${want ?? 'authorized'} (${res.body.slice(0, 120)})`);
      }
    }
    expect(rows).toEqual([]);
  });

  it('refuses to register a write route without an access rule', async () => {
    const bare = Fastify();
    registerAuth(bare, store.db);
    expect(() => bare.post('/api/v1/unguarded', async () => 'x')).toThrow(/declares no access rule/);
    await bare.close();
  });

  it('sends the security headers on every response: API, error and documentation', async () => {
    for (const url of ['/api/v1/entities', '/api/v1/no-such-route', '/api/v1/openapi.json', '/api/health', '/index.html']) {
      const res = await app.inject(url);
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toMatch(/frame-ancestors 'none'/);
      expect(/script-src[^;]*'unsafe-inline'/.test(csp), url).toBe(false);
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('same-origin');
    }
  });

  it('documents the editorial routes with their security schemes', async () => {
    const doc = (await app.inject('/api/v1/openapi.json')).json();
    expect(Object.keys(doc.components.securitySchemes)).toEqual(['session', 'bearer']);
    expect(doc.paths['/api/v1/proposals/{id}/approve'].post.security).toEqual([{ session: [] }, { bearer: [] }]);
    expect(doc.paths['/api/v1/session'].post.security).toBeUndefined();
  });
});
