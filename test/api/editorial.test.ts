/** The editorial workflow through the API: sign-in, CSRF, tokens, proposals, review, audit, on every store. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { STORE_KINDS, type TestStore } from '../support/stores.js';
import { basicApp } from '../support/basic-app.js';
import { LoginThrottle } from '../../src/services/editorial/login-throttle.js';
import { LOGIN_REFUSED } from '../../src/services/editorial/sessions.js';
import { GCAT_ORGS_SOURCE, LANDSPACE_FOUNDED, PASSWORD, addAccount, asSession, signIn, tokenFor, type SignedIn } from '../support/editorial.js';

describe.each(STORE_KINDS)('editorial workflow on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  let now = Date.parse('2026-12-06T00:00:00Z');
  let alice: SignedIn;
  let rita: SignedIn;
  beforeAll(async () => {
    ({ store, app } = await basicApp(kind, { loginThrottle: new LoginThrottle({ free: 3, baseDelayMs: 60_000, maxDelayMs: 600_000, windowMs: 3_600_000 }, () => now) }));
    await addAccount(store.db, 'alice', 'contributor');
    await addAccount(store.db, 'rita', 'reviewer');
    await addAccount(store.db, 'ron', 'reviewer');
    alice = await signIn(app, 'alice');
    rita = await signIn(app, 'rita');
  });
  afterAll(async () => { await app?.close(); await store?.dispose(); });

  it('signs in with an HttpOnly, SameSite=Strict, expiring cookie, a new one at every sign-in', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { name: 'alice', password: PASSWORD }, headers: { cookie: alice.cookie } });
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((x) => x.name === 'rsm_session')!;
    expect(c).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/', maxAge: 12 * 3600 });
    expect(`rsm_session=${c.value}`).not.toBe(alice.cookie);
    // The session presented at sign-in is ended (no fixation): the old cookie no longer works.
    expect((await app.inject({ url: '/api/v1/session', headers: { cookie: alice.cookie } })).json().account).toBeNull();
    alice = { cookie: `rsm_session=${c.value}`, csrf: res.json().csrfToken, name: 'alice' };
    const me = await app.inject({ url: '/api/v1/session', headers: { cookie: alice.cookie } });
    expect(me.json()).toMatchObject({ account: { name: 'alice', role: 'contributor' }, csrfToken: alice.csrf, via: 'session' });
    expect(me.headers['cache-control']).toBe('private, no-store');
  });

  it('refuses a wrong password and an unknown account with the same message', async () => {
    const wrong = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { name: 'ron', password: 'not the password at all' } });
    const unknown = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { name: 'nobody-here', password: 'not the password at all' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.message).toBe(LOGIN_REFUSED);
  });

  it('throttles sign-in per account and per address, even with the right password', async () => {
    const login = (name: string, password: string, remoteAddress = '127.0.0.1') =>
      app.inject({ method: 'POST', url: '/api/v1/session', payload: { name, password }, remoteAddress });
    // ron failed once above (from 127.0.0.1); three more failures from three addresses pass the three free ones.
    for (const a of ['127.0.0.21', '127.0.0.22', '127.0.0.23']) expect((await login('ron', 'not the password at all', a)).statusCode).toBe(401);
    const throttled = await login('ron', PASSWORD, '127.0.0.24');
    expect(throttled.statusCode).toBe(429);
    expect(Number(throttled.headers['retry-after'])).toBe(60);
    // 127.0.0.1 failed twice above; two more (for names that do not exist) throttle the address for every name.
    for (const n of ['nobody-1', 'nobody-2']) expect((await login(n, 'not the password at all')).statusCode).toBe(401);
    expect((await login('rita', PASSWORD)).statusCode).toBe(429);
    expect((await login('rita', PASSWORD, '127.0.0.30')).statusCode).toBe(200);
    now += 10 * 60_000;
    expect((await login('ron', PASSWORD)).statusCode).toBe(200);
  });

  it('refuses a cookie-authenticated write without the CSRF value, or with another session\'s', async () => {
    const none = await app.inject({ method: 'POST', url: '/api/v1/proposals', payload: LANDSPACE_FOUNDED, headers: { cookie: alice.cookie } });
    expect(none.statusCode).toBe(403);
    expect(none.json().error.code).toBe('csrf');
    const other = await app.inject({ method: 'POST', url: '/api/v1/proposals', payload: LANDSPACE_FOUNDED, headers: { cookie: alice.cookie, 'x-csrf-token': rita.csrf } });
    expect(other.statusCode).toBe(403);
    expect(await store.db.selectFrom('proposals').select('id').execute()).toEqual([]);
  });

  it('refuses a cross-site form body: writes take JSON only', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/session', payload: 'name=alice&password=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.statusCode).toBe(415);
    const plain = await app.inject({ method: 'POST', url: '/api/v1/session', payload: JSON.stringify({ name: 'alice', password: PASSWORD }), headers: { 'content-type': 'text/plain' } });
    expect(plain.statusCode).toBe(415);
  });

  it('refuses a control character anywhere in a JSON body with a 400 naming its path, storing nothing (PostgreSQL cannot store U+0000)', async () => {
    const before = await store.db.selectFrom('proposals').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const cases: [string, Record<string, unknown>, Record<string, string>, string][] = [
      ['/api/v1/session', { name: 'a\u0000b', password: PASSWORD }, {}, 'body.name'],
      ['/api/v1/proposals', { ...LANDSPACE_FOUNDED, entityId: 'org.land\u0000space' }, asSession(alice), 'body.entityId'],
      ['/api/v1/proposals', { ...LANDSPACE_FOUNDED, newSource: undefined, cite: { source: 'redshift-2025', locator: '§3\u0000' } }, asSession(alice), 'body.cite.locator'],
      ['/api/v1/proposals', { ...LANDSPACE_FOUNDED, statements: [{ property: 'founded', value: 2015, note: 'bell\u0007' }] }, asSession(alice), 'body.statements[0].note'],
      ['/api/v1/tokens', { label: 'x\u0000y' }, asSession(alice), 'body.label'],
    ];
    for (const [url, payload, headers, field] of cases) {
      const res = await app.inject({ method: 'POST', url, payload, headers });
      expect([url, res.statusCode], field).toEqual([url, 400]);
      expect(JSON.stringify(res.json()), field).toContain(`"field":"${field}"`);
    }
    // Tab and line breaks pass the check: an unknown account with them is refused as unknown (401), not as malformed.
    const spaced = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { name: 'two\nlines\tand a tab', password: 'not the password at all' }, remoteAddress: '10.9.9.9' });
    expect(spaced.statusCode).toBe(401);
    const after = await store.db.selectFrom('proposals').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('validates a proposal with the curated rules, field by field, and stores nothing invalid', async () => {
    const bad = await app.inject({ method: 'POST', url: '/api/v1/proposals', headers: asSession(alice), payload: {
      kind: 'statement', entityId: 'org.landspace', statements: [{ property: 'founded', value: '2015-13' }], cite: { source: 'no-such-source', locator: '' },
    } });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['cite.locator', 'cite.source', 'statements[0].value']);
    const noSource = await app.inject({ method: 'POST', url: '/api/v1/proposals', headers: asSession(alice), payload: { kind: 'statement', entityId: 'org.landspace', statements: [{ property: 'founded', value: 2015 }] } });
    expect(noSource.json().error.details).toContainEqual({ field: 'cite', reason: expect.stringContaining('a source is mandatory') });
    const unknownProperty = await app.inject({ method: 'POST', url: '/api/v1/proposals', headers: asSession(alice), payload: { ...LANDSPACE_FOUNDED, statements: [{ property: 'foundedOn', value: 2015 }] } });
    expect(unknownProperty.json().error.details).toContainEqual({ field: 'statements[0].property', reason: 'unknown property "foundedOn" for kind Organization (see docs/model.md)' });
    const newSourceBad = await app.inject({ method: 'POST', url: '/api/v1/proposals', headers: asSession(alice), payload: { ...LANDSPACE_FOUNDED, newSource: { ...LANDSPACE_FOUNDED.newSource, url: 'ftp://x', published: undefined } } });
    const details = newSourceBad.json().error.details.map((d: { field: string }) => d.field);
    expect(details).toEqual(expect.arrayContaining(['newSource.url', 'newSource.published']));
    expect(await store.db.selectFrom('proposals').select('id').execute()).toEqual([]);
  });

  let proposalId = 0;
  it('a contributor proposes a sourced statement; the reviewer sees it beside the current values', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/proposals', headers: asSession(alice), payload: LANDSPACE_FOUNDED });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'statement', status: 'open', proposer: 'alice', entityId: 'org.landspace' });
    proposalId = res.json().id;
    const detail = await app.inject({ url: `/api/v1/proposals/${proposalId}`, headers: { cookie: rita.cookie } });
    expect(detail.json()).toMatchObject({ current: [], conflicts: [], problems: [] });
    const queue = await app.inject({ url: '/api/v1/proposals?status=open', headers: { cookie: rita.cookie } });
    expect(queue.json().items.map((p: { id: number }) => p.id)).toEqual([proposalId]);
    // Contributors approve nothing.
    const denied = await app.inject({ method: 'POST', url: `/api/v1/proposals/${proposalId}/approve`, headers: asSession(alice), payload: {} });
    expect(denied.statusCode).toBe(403);
  });

  it('a reviewer cannot approve their own proposal', async () => {
    const own = await app.inject({ method: 'POST', url: '/api/v1/proposals', headers: asSession(rita), payload: { ...LANDSPACE_FOUNDED, newSource: undefined, cite: { source: 'redshift-2025', locator: '§3.2.3 [125]' }, statements: [{ property: 'headquarters', value: 'Beijing' }] } });
    expect(own.statusCode).toBe(201);
    const res = await app.inject({ method: 'POST', url: `/api/v1/proposals/${own.json().id}/approve`, headers: asSession(rita), payload: {} });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe('a reviewer cannot approve their own proposal');
    const rejected = await app.inject({ method: 'POST', url: `/api/v1/proposals/${own.json().id}/reject`, headers: asSession(rita), payload: { comment: 'withdrawn' } });
    expect(rejected.json()).toMatchObject({ status: 'rejected', reviewer: 'rita', decisionComment: 'withdrawn' });
  });

  it('approval writes the statement with its new source, who proposed and who approved, and the change feed shows it', async () => {
    const res = await app.inject({ method: 'POST', url: `/api/v1/proposals/${proposalId}/approve`, headers: asSession(rita), payload: { comment: 'matches GCAT' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', reviewer: 'rita', decisionComment: 'matches GCAT' });
    const entity = (await app.inject('/api/v1/entities/org.landspace')).json();
    const founded = entity.properties.find((p: { property: string }) => p.property === 'founded');
    expect(founded.preferred[0]).toMatchObject({ value: '2015', sourceId: 'gcat-orgs-2026-03-26', locator: 'orgs.tsv Code LANDSP', origin: 'editorial',
      editors: { proposalId, proposer: 'alice', approver: 'rita', approvedAt: expect.any(String) } });
    const editors = await store.db.selectFrom('statement_editors').innerJoin('accounts as p', 'p.id', 'statement_editors.proposer_id')
      .innerJoin('accounts as a', 'a.id', 'statement_editors.approver_id').select(['statement_editors.statement_id', 'p.name as proposer', 'a.name as approver']).execute();
    expect(editors).toEqual([{ statement_id: founded.preferred[0].id, proposer: 'alice', approver: 'rita' }]);
    const feed = (await app.inject('/api/v1/changes?entity=org.landspace')).json();
    expect(feed.items).toContainEqual(expect.objectContaining({ type: 'milestone', entityId: 'org.landspace', property: 'founded', value: '2015', date: '2015', sourceId: 'gcat-orgs-2026-03-26' }));
    const again = await app.inject({ method: 'POST', url: `/api/v1/proposals/${proposalId}/approve`, headers: asSession(rita), payload: {} });
    expect(again.statusCode).toBe(409);
  });

  it('a changed value supersedes the old statement instead of deleting it', async () => {
    const old = (await app.inject('/api/v1/entities/org.landspace')).json().properties.find((p: { property: string }) => p.property === 'founded').preferred[0];
    const token = await tokenFor(store.db, 'alice');
    const proposed = await app.inject({ method: 'POST', url: '/api/v1/proposals', headers: { authorization: `Bearer ${token.token}` }, payload: {
      kind: 'change', entityId: 'org.landspace', targetStatementId: old.id, statements: [{ property: 'founded', value: '2015-06' }],
      cite: { source: 'gcat-orgs-2026-03-26', locator: 'orgs.tsv Code LANDSP' },
    } });
    expect(proposed.statusCode).toBe(201);
    const ron = await signIn(app, 'ron');
    const detail = (await app.inject({ url: `/api/v1/proposals/${proposed.json().id}`, headers: { cookie: ron.cookie } })).json();
    expect(detail.current.map((s: { id: string }) => s.id)).toEqual([old.id]);
    // A script with a token needs no CSRF value; with a session the reviewer does.
    expect((await app.inject({ method: 'POST', url: `/api/v1/proposals/${proposed.json().id}/approve`, headers: asSession(ron), payload: {} })).statusCode).toBe(200);
    const statements = await store.db.selectFrom('statements').select(['value', 'status']).where('entity_id', '=', 'org.landspace').where('property', '=', 'founded').orderBy('value').execute();
    expect(statements).toEqual([{ value: '2015', status: 'superseded' }, { value: '2015-06', status: 'reported' }]);
  });

  it('stores SQL metacharacters verbatim', async () => {
    const comment = "Robert'); drop table statements; -- \\ $1 %_";
    const res = await app.inject({ method: 'POST', url: '/api/v1/proposals', headers: asSession(alice), payload: { ...LANDSPACE_FOUNDED, newSource: undefined, statements: [{ property: 'headquarters', value: 'Beijing' }], comment } });
    expect(res.statusCode).toBe(201);
    expect(res.json().comment).toBe(comment);
    const stored = await store.db.selectFrom('proposals').select('comment').where('id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(stored.comment).toBe(comment);
    expect((await store.db.selectFrom('statements').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n).not.toBe(0);
  });

  it('records every write in the audit trail, which the database keeps append-only', async () => {
    const res = await app.inject({ url: '/api/v1/audit?limit=500', headers: { cookie: rita.cookie } });
    expect(res.statusCode).toBe(200);
    const actions = res.json().items.map((a: { action: string }) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['account.create', 'login', 'login.fail', 'login.throttled', 'proposal.create', 'proposal.approve', 'proposal.reject', 'token.create', 'token.use']));
    const approval = res.json().items.find((a: { action: string; subject: string }) => a.action === 'proposal.approve' && a.subject === `proposal:${proposalId}`);
    expect(approval).toMatchObject({ actorName: 'rita', before: { status: 'open' }, after: { status: 'approved', comment: 'matches GCAT' } });
    expect((await app.inject({ url: '/api/v1/audit', headers: { cookie: alice.cookie } })).statusCode).toBe(403);
    await expect(sql`update audit set actor_name = 'mallory'`.execute(store.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit`.execute(store.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit`.execute(store.db)).rejects.toThrow(/append-only/);
  });

  it('answers as the OpenAPI document says', async () => {
    const doc = (await app.inject('/api/v1/openapi.json')).json();
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const check = async (method: 'GET' | 'POST', url: string, path: string, headers: Record<string, string>, payload?: object) => {
      const res = await app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
      const op = doc.paths[path][method.toLowerCase()];
      const schema = op.responses[String(res.statusCode)] ?? op.responses[`${String(res.statusCode)[0]}XX`];
      expect(schema, `${url} → ${res.statusCode}`).toBeDefined();
      const validate = ajv.compile(schema.content['application/json'].schema);
      expect(validate(res.json()), `${url}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    };
    const reviewer = { cookie: rita.cookie };
    await check('GET', '/api/v1/session', '/api/v1/session', reviewer);
    await check('GET', '/api/v1/session', '/api/v1/session', {});
    await check('GET', '/api/v1/proposals?status=approved', '/api/v1/proposals', reviewer);
    await check('GET', `/api/v1/proposals/${proposalId}`, '/api/v1/proposals/{id}', reviewer);
    await check('GET', '/api/v1/audit?limit=50', '/api/v1/audit', reviewer);
    await check('GET', '/api/v1/tokens', '/api/v1/tokens', reviewer);
    await check('POST', '/api/v1/proposals', '/api/v1/proposals', asSession(alice), { kind: 'statement' });
    await check('POST', '/api/v1/tokens', '/api/v1/tokens', asSession(rita), { label: 'contract' });
  });

  it('revokes a token and signs out', async () => {
    const t = await tokenFor(store.db, 'alice');
    const bearer = { authorization: `Bearer ${t.token}` };
    expect((await app.inject({ url: '/api/v1/session', headers: bearer })).json()).toMatchObject({ via: 'token', csrfToken: null });
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/tokens/${t.id}`, headers: bearer })).statusCode).toBe(204);
    expect((await app.inject({ url: '/api/v1/session', headers: bearer })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/v1/proposals', headers: bearer })).statusCode).toBe(401);
    const stored = await store.db.selectFrom('api_tokens').select('token_hash').where('id', '=', t.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(t.token);
    const out = await app.inject({ method: 'DELETE', url: '/api/v1/session', headers: asSession(alice) });
    expect(out.statusCode).toBe(204);
    expect((await app.inject({ url: '/api/v1/session', headers: { cookie: alice.cookie } })).json()).toEqual({ account: null, csrfToken: null, expiresAt: null, via: null });
  });
});

describe.each(STORE_KINDS)('other proposals and account management on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  let alice: SignedIn;
  let rita: SignedIn;
  let ada: SignedIn;
  beforeAll(async () => {
    ({ store, app } = await basicApp(kind));
    await addAccount(store.db, 'alice', 'contributor');
    await addAccount(store.db, 'rita', 'reviewer');
    await addAccount(store.db, 'ada', 'admin');
    alice = await signIn(app, 'alice');
    rita = await signIn(app, 'rita');
    ada = await signIn(app, 'ada');
  });
  afterAll(async () => { await app?.close(); await store?.dispose(); });

  const proposeAndApprove = async (payload: object) => {
    const p = await app.inject({ method: 'POST', url: '/api/v1/proposals', headers: asSession(alice), payload });
    expect(p.statusCode, p.body).toBe(201);
    const a = await app.inject({ method: 'POST', url: `/api/v1/proposals/${p.json().id}/approve`, headers: asSession(rita), payload: {} });
    expect(a.statusCode, a.body).toBe(200);
  };

  it('adds a new entity with its first statements (data/kb: Galactic Energy, report §3.2.3)', async () => {
    const entity = { kind: 'entity', entityId: 'org.galactic-energy', entityKind: 'Organization', cite: { source: 'redshift-2025', locator: '§3.2.3' },
      statements: [{ property: 'name', value: 'Galactic Energy' }, { property: 'orgKind', value: 'private-company', status: 'unverified' }, { property: 'country', value: 'CN' }] };
    const missing = await app.inject({ method: 'POST', url: '/api/v1/proposals', headers: asSession(alice), payload: { ...entity, statements: entity.statements.slice(0, 1) } });
    expect(missing.json().error.details).toContainEqual({ field: 'statements', reason: 'Organization org.galactic-energy lacks required property "orgKind"' });
    const badRef = await app.inject({ method: 'POST', url: '/api/v1/proposals', headers: asSession(alice), payload: { ...entity, cite: { source: 'redshift-2025', locator: '§3.2.3 [999]' } } });
    expect(badRef.json().error.details).toContainEqual({ field: 'cite.locator', reason: 'locator cites [999], which is not a reference of redshift-2025' });
    await proposeAndApprove(entity);
    const e = (await app.inject('/api/v1/entities/org.galactic-energy')).json();
    expect(e).toMatchObject({ id: 'org.galactic-energy', kind: 'Organization', caption: 'Galactic Energy' });
    expect((await app.inject('/api/v1/search?q=Galactic')).json().items[0]).toMatchObject({ id: 'org.galactic-energy' });
  });

  it('adds a new source, and retracts a statement without deleting it', async () => {
    await proposeAndApprove({ kind: 'source', newSource: GCAT_ORGS_SOURCE });
    expect(await store.db.selectFrom('sources').select(['id', 'origin']).where('id', '=', GCAT_ORGS_SOURCE.id).execute()).toEqual([{ id: GCAT_ORGS_SOURCE.id, origin: 'editorial' }]);
    const target = await store.db.selectFrom('statements').select('id').where('entity_id', '=', 'program.guowang').where('property', '=', 'plannedSize').where('value', '=', '26000').executeTakeFirstOrThrow();
    const retraction = { kind: 'retraction', entityId: 'program.guowang', targetStatementId: target.id, cite: { source: 'redshift-2025.ref-212', locator: 'test of the retraction mechanism' } };
    await proposeAndApprove(retraction);
    expect(await store.db.selectFrom('statements').select('status').where('id', '=', target.id).executeTakeFirstOrThrow()).toEqual({ status: 'superseded' });
    const again = await app.inject({ method: 'POST', url: '/api/v1/proposals', headers: asSession(alice), payload: retraction });
    expect(again.json().error.details).toContainEqual({ field: 'targetStatementId', reason: `statement ${target.id} is already superseded` });
  });

  it('lets admins manage accounts: create, change a role, disable (ending its sessions), never their own', async () => {
    const made = await app.inject({ method: 'POST', url: '/api/v1/accounts', headers: asSession(ada), payload: { name: 'bob', role: 'contributor', password: PASSWORD } });
    expect(made.statusCode).toBe(201);
    const bob = await signIn(app, 'bob');
    const promoted = await app.inject({ method: 'PATCH', url: `/api/v1/accounts/${made.json().id}`, headers: asSession(ada), payload: { role: 'reviewer' } });
    expect(promoted.json()).toMatchObject({ name: 'bob', role: 'reviewer', disabledAt: null });
    // A role change ends the account's sessions, so the new role applies at the next sign-in.
    expect((await app.inject({ url: '/api/v1/session', headers: { cookie: bob.cookie } })).json().account).toBeNull();
    await app.inject({ method: 'PATCH', url: `/api/v1/accounts/${made.json().id}`, headers: asSession(ada), payload: { disabled: true } });
    const refused = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { name: 'bob', password: PASSWORD } });
    expect(refused.json().error.message).toBe(LOGIN_REFUSED);
    const adaId = (await store.db.selectFrom('accounts').select('id').where('name', '=', 'ada').executeTakeFirstOrThrow()).id;
    expect((await app.inject({ method: 'PATCH', url: `/api/v1/accounts/${adaId}`, headers: asSession(ada), payload: { disabled: true } })).statusCode).toBe(409);
    const audit = (await app.inject({ url: '/api/v1/audit?action=account.change', headers: { cookie: ada.cookie } })).json().items;
    expect(audit[0]).toMatchObject({ actorName: 'ada', before: { role: 'reviewer', disabled: false }, after: { role: 'reviewer', disabled: true } });
  });
});

describe.each(STORE_KINDS)('watchlists on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ store, app } = await basicApp(kind));
    await addAccount(store.db, 'alice', 'contributor');
    await addAccount(store.db, 'rita', 'reviewer');
  });
  afterAll(async () => { await app?.close(); await store?.dispose(); });

  it('shows what changed since the last visit, with a private, revocable Atom feed', async () => {
    const alice = await signIn(app, 'alice');
    const rita = await signIn(app, 'rita');
    const made = await app.inject({ method: 'POST', url: '/api/v1/watchlists', headers: asSession(alice), payload: { name: 'LandSpace', filters: { entity: 'org.landspace' } } });
    expect(made.statusCode).toBe(201);
    const { watchlist, feedUrl } = made.json();
    const feedPath = new URL(feedUrl).pathname;
    expect((await app.inject({ method: 'POST', url: `/api/v1/watchlists/${watchlist.id}/visit`, headers: asSession(alice) })).statusCode).toBe(204);
    const before = (await app.inject({ url: `/api/v1/watchlists/${watchlist.id}/changes`, headers: { cookie: alice.cookie } })).json();
    expect(before.items.filter((c: { sinceLastVisit: boolean }) => c.sinceLastVisit)).toEqual([]);

    const p = await app.inject({ method: 'POST', url: '/api/v1/proposals', headers: asSession(alice), payload: LANDSPACE_FOUNDED });
    expect((await app.inject({ method: 'POST', url: `/api/v1/proposals/${p.json().id}/approve`, headers: asSession(rita), payload: {} })).statusCode).toBe(200);
    const after = (await app.inject({ url: `/api/v1/watchlists/${watchlist.id}/changes`, headers: { cookie: alice.cookie } })).json();
    expect(after.items.filter((c: { sinceLastVisit: boolean }) => c.sinceLastVisit)).toEqual([expect.objectContaining({ type: 'milestone', property: 'founded', value: '2015' })]);

    const feed = await app.inject(feedPath);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    expect(feed.body).toContain('<title>2015: ');
    // Another user cannot read it through the API; the feed stops when revoked.
    expect((await app.inject({ url: `/api/v1/watchlists/${watchlist.id}/changes`, headers: { cookie: rita.cookie } })).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/watchlists/${watchlist.id}/feed`, headers: asSession(alice) })).statusCode).toBe(204);
    expect((await app.inject(feedPath)).statusCode).toBe(404);
    const stored = await store.db.selectFrom('watchlists').select('feed_token_hash').execute();
    expect(stored).toEqual([{ feed_token_hash: null }]);
  });
});
