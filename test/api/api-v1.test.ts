/**
 * API v1 on every store, loaded with the bundled data: a contract test of every route
 * against the OpenAPI document the server generates, conditional requests, cursors,
 * CSV exports, the change feed and the data package.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { unzipSync, strFromU8 } from 'fflate';
import { sql } from 'kysely';
import { STORE_KINDS, type TestStore } from '../support/stores.js';
import { readOnlyLoadedStore } from '../support/loaded-store.js';
import { buildServer } from '../../src/api/server.js';
import { RUNS_CACHE_MS, startRun } from '../../src/store/runs.js';
import { FIRST_READS, warmFirstReads } from '../../src/api/warm-up.js';
import { CACHED_PATHS, HOST_PATHS, MAX_AGE_MS } from '../../src/api/response-cache.js';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

/** A valid request for every route in the OpenAPI document (the test fails if a route has none). */
const EXAMPLES: Record<string, string[]> = {
  '/api/v1/health': ['/api/v1/health'],
  '/api/v1/status': ['/api/v1/status'],
  '/api/v1/entities': ['/api/v1/entities?kind=Organization&segment=launch-reentry&limit=5', '/api/v1/entities?q=Qianfan', '/api/v1/entities?country=PK&sort=kind', '/api/v1/entities?hub=hub.beijing&format=csv'],
  '/api/v1/search': ['/api/v1/search?q=Qianfan', '/api/v1/search?q=%E5%8D%83%E5%B8%86&kind=Program,Organization', '/api/v1/search?q=Landspce&limit=3', '/api/v1/search?q=x&limit=0'],
  '/api/v1/entities/{id}': ['/api/v1/entities/program.guowang', '/api/v1/entities/org.landspace', '/api/v1/entities/org.nobody'],
  '/api/v1/entities/{id}/safety': ['/api/v1/entities/obj.tianhe/safety', '/api/v1/entities/program.jilin-1/safety', '/api/v1/entities/org.nobody/safety'],
  '/api/v1/sources': ['/api/v1/sources?kind=dataset', '/api/v1/sources?q=spacenews&limit=3&format=csv'],
  '/api/v1/sources/{id}': ['/api/v1/sources/redshift-2025.ref-125', '/api/v1/sources/nothing'],
  '/api/v1/series': ['/api/v1/series?measure=funding-by-segment', '/api/v1/series?format=csv'],
  '/api/v1/series/{id}': ['/api/v1/series/funding.segment.eo', '/api/v1/series/funding.subtotal?format=csv'],
  '/api/v1/goals': ['/api/v1/goals', '/api/v1/goals?segment=space-exploration&status=pending&format=csv'],
  '/api/v1/risks': ['/api/v1/risks?scope=industry'],
  '/api/v1/recommendations': ['/api/v1/recommendations?segment=launch-reentry'],
  '/api/v1/timeline': ['/api/v1/timeline?kind=PolicyDocument&from=2014&to=2021', '/api/v1/timeline?segment=launch-reentry&format=csv'],
  '/api/v1/indicators': ['/api/v1/indicators', '/api/v1/indicators?format=csv'],
  '/api/v1/analytics/launches': ['/api/v1/analytics/launches?from=2015', '/api/v1/analytics/launches?country=US&format=csv', '/api/v1/analytics/launches?asOf=2020-06-30'],
  '/api/v1/analytics/spacecraft': ['/api/v1/analytics/spacecraft', '/api/v1/analytics/spacecraft?objects=true&country=PK', '/api/v1/analytics/spacecraft?asOf=2026-05-31&format=csv', '/api/v1/analytics/spacecraft?asOf=2001-01-01'],
  '/api/v1/analytics/constellations': ['/api/v1/analytics/constellations', '/api/v1/analytics/constellations?format=csv'],
  '/api/v1/analytics/tiangong': ['/api/v1/analytics/tiangong?at=2026-07-11T00:00:00Z'],
  '/api/v1/safety/conjunctions': ['/api/v1/safety/conjunctions?primary=48274&days=0.5', '/api/v1/safety/conjunctions?primary=48274&days=30'],
  '/api/v1/safety/reentries': ['/api/v1/safety/reentries', '/api/v1/safety/reentries?country=CN&days=365&format=csv', '/api/v1/safety/reentries?asOf=2026-05-31'],
  '/api/v1/safety/maneuvers': ['/api/v1/safety/maneuvers', '/api/v1/safety/maneuvers?norad=43874,55131&format=csv', '/api/v1/safety/maneuvers?asOf=2026-05-31'],
  '/api/v1/safety/geo-belt': ['/api/v1/safety/geo-belt', '/api/v1/safety/geo-belt?format=csv', '/api/v1/safety/geo-belt?country=US'],
  '/api/v1/geo/places': ['/api/v1/geo/places?kind=Facility'],
  '/api/v1/geo/hubs': ['/api/v1/geo/hubs'],
  '/api/v1/geo/countries': ['/api/v1/geo/countries?set=ilrs', '/api/v1/geo/countries?set=artemis-accords', '/api/v1/geo/countries?set=overseas-stations', '/api/v1/geo/countries?set=chinese-built-satellite-buyers'],
  '/api/v1/changes': ['/api/v1/changes?limit=5', '/api/v1/changes?view=records&subject=launch&limit=3&format=csv', '/api/v1/changes?type=launch&country=CN&limit=3&format=csv', '/api/v1/changes?type=maneuver&limit=3'],
  '/api/v1/changes.atom': ['/api/v1/changes.atom?limit=5', '/api/v1/changes.atom?view=records&limit=5'],
  '/api/v1/export/datapackage.zip': ['/api/v1/export/datapackage.zip'],
  '/api/v1/export/knowledge-base.json': ['/api/v1/export/knowledge-base.json'],
  '/api/v1/catalog/objects': ['/api/v1/catalog/objects?program=program.qianfan&limit=5', '/api/v1/catalog/objects?country=CN&regime=GEO&format=csv'],
  '/api/v1/tables/{kind}': ['/api/v1/tables/Organization?ownership=private&segment=launch-reentry&sort=-founded', '/api/v1/tables/Facility?facet=status&format=csv', '/api/v1/tables/Organization?columns=shoeSize'],
  '/api/v1/cite': ['/api/v1/cite?url=%2F%23%2Fentity%2Forg.landspace', '/api/v1/cite?url=%2F%23%2Fchart%2Ffunding&format=bibtex', '/api/v1/cite?url=%2F%23%2Fsegment%2Flaunch-reentry&format=csl-json',
    '/api/v1/cite?url=%2F%23%2Ftimeline&format=json', '/api/v1/cite?url=ftp%3A%2F%2Fx%2F', '/api/v1/cite?url=%2F%23%2Fentity%2Forg.nobody'],
  '/api/v1/catalog/objects/{norad}': ['/api/v1/catalog/objects/48274', '/api/v1/catalog/objects/999999'],
};

describe.each(STORE_KINDS)('API v1 on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  let openapi: { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>; components?: { schemas?: Record<string, object> } };
  beforeAll(async () => {
    store = await readOnlyLoadedStore(kind);
    app = await buildServer({ store, webDir: 'test/fixtures/no-web-app' });
    openapi = (await app.inject('/api/v1/openapi.json')).json();
  }, 300_000);
  afterAll(async () => { await app?.close(); await store?.dispose(); });

  it('publishes an OpenAPI 3.1 document and a reference page', async () => {
    expect(openapi).toMatchObject({ openapi: '3.1.0', info: { title: 'Redshift Monitor API' } });
    const docs = await app.inject('/api/v1/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('names every operation once, in camelCase', () => {
    const ids = Object.values(openapi.paths).flatMap((ops) => Object.values(ops).map((op) => (op as { operationId?: string }).operationId));
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]*$/.test(id)), ids.join(' ')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('every route\'s responses match the OpenAPI document', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    for (const [name, schema] of Object.entries(openapi.components?.schemas ?? {})) ajv.addSchema(schema, `#/components/schemas/${name}`);
    // The editorial routes (sign-in, proposals, audit, watchlists) need accounts: test/api/editorial.test.ts checks their responses.
    const editorial = (p: string) => Object.values(openapi.paths[p]!).some((op) => (op as { tags?: string[] }).tags?.includes('editorial'));
    const documented = Object.keys(openapi.paths).filter((p) => p.startsWith('/api/v1/') && !editorial(p));
    expect(documented.sort()).toEqual(Object.keys(EXAMPLES).sort());
    for (const [path, urls] of Object.entries(EXAMPLES)) {
      for (const url of urls) {
        const res = await app.inject(url);
        const responses = openapi.paths[path]!.get!.responses;
        const declared = responses[String(res.statusCode)] ?? responses[`${String(res.statusCode)[0]}XX`];
        expect(declared, `${url} → ${res.statusCode} not documented`).toBeDefined();
        const type = String(res.headers['content-type']).split(';')[0]!;
        const media = declared!.content?.[type];
        expect(media, `${url}: content type ${type} not documented for ${res.statusCode}`).toBeDefined();
        if (type.endsWith('json')) {
          const validate = ajv.compile(media!.schema);
          const ok = validate(res.json());
          expect(ok, `${url}: ${ajv.errorsText(validate.errors)}`).toBe(true);
        }
      }
    }
  }, 120_000);

  it('answers conditional requests with 304', async () => {
    const first = await app.inject('/api/v1/entities/program.qianfan');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers['last-modified']).toBeDefined();
    const again = await app.inject({ url: '/api/v1/entities/program.qianfan', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const since = await app.inject({ url: '/api/v1/entities/program.qianfan', headers: { 'if-modified-since': first.headers['last-modified'] as string } });
    expect(since.statusCode).toBe(304);
    const changed = await app.inject({ url: '/api/v1/entities/program.qianfan', headers: { 'if-none-match': '"other"' } });
    expect(changed.statusCode).toBe(200);
  });

  it('warms the pages\' first reads, every one answering 200, and serves the first visitor from them, by any host', async () => {
    const all = await warmFirstReads(app);
    expect(all.failed).toEqual([]);
    expect(FIRST_READS.length).toBeGreaterThan(10);
    const url = '/api/v1/sources?limit=7';
    expect((await warmFirstReads(app, [url])).failed).toEqual([]);
    const visit = await app.inject({ url, headers: { host: 'monitor.example:8080', accept: '*/*' } });
    expect(visit.headers['x-response-cache']).toBe('hit');
    // The same URL asked for as CSV is another representation, computed once.
    expect((await app.inject({ url, headers: { accept: 'text/csv' } })).headers['x-response-cache']).toBe('miss');
    expect((await app.inject({ url, headers: { accept: 'text/csv;q=0.9, application/json;q=0.5' } })).headers['x-response-cache']).toBe('hit');
    // A route that writes links with the host is kept per host.
    const changes = '/api/v1/changes?limit=2';
    expect((await warmFirstReads(app, [changes])).failed).toEqual([]);
    expect((await app.inject({ url: changes, headers: { host: 'monitor.example:8080' } })).headers['x-response-cache']).toBe('miss');
  });

  it('keys by host exactly the cached routes whose responses hold the host: every other one answers alike by any host', async () => {
    const hostBound: string[] = [];
    const urls = Object.values(EXAMPLES).flat().filter((u) => CACHED_PATHS.test(u) && !u.startsWith('/api/v1/export/'));
    expect(urls.length).toBeGreaterThan(40);
    for (const url of urls) {
      // A cookie keeps the request out of the response cache: both answers are computed.
      const holds = async (host: string) => {
        const r = await app.inject({ url, headers: { host, cookie: 'x=1' } });
        return r.body.includes(host) || String(r.headers.link ?? '').includes(host);
      };
      if ((await holds('a.example:1')) || (await holds('b.example:2'))) hostBound.push(url);
    }
    expect(hostBound.filter((u) => !HOST_PATHS.test(u))).toEqual([]);
    expect(hostBound.length).toBeGreaterThan(0);
  }, 120_000);

  it('counts, for each source listed or read alone, the statements and series points citing it, as the stored rows give them', async () => {
    // Counted here in SQL over the stored rows: statements and points by source, and the report's statements
    // whose locator names a numbered reference ([NNN], once per statement).
    const bySource = new Map<string, number>();
    for (const r of (await sql<{ id: string; n: number }>`select source_id as id, count(*)::int as n from statements group by source_id`.execute(store.db)).rows) bySource.set(r.id, r.n);
    for (const r of (await sql<{ id: string; n: number }>`select 'redshift-2025.ref-' || ref as id, count(distinct s.id)::int as n
      from statements s, regexp_matches(s.locator, '\\[(\\d{3})\\]', 'g') as m(refs), unnest(m.refs) as ref
      where s.source_id = 'redshift-2025' group by ref`.execute(store.db)).rows) bySource.set(r.id, (bySource.get(r.id) ?? 0) + r.n);
    const points = new Map((await sql<{ id: string; n: number }>`select source_id as id, count(*)::int as n from series_points group by source_id`.execute(store.db)).rows.map((r) => [r.id, r.n]));
    const listed: { id: string; statements: number; points: number }[] = [];
    for (let cursor: string | null = ''; cursor !== null;) {
      const page = (await app.inject(`/api/v1/sources?limit=60${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).json() as { items: typeof listed; next: string | null };
      listed.push(...page.items);
      cursor = page.next;
    }
    expect(listed.length).toBeGreaterThan(300);
    expect(listed.filter((s) => s.id.startsWith('redshift-2025.ref-') && s.statements > 0).length).toBeGreaterThan(50);
    for (const s of listed) expect([s.id, s.statements, s.points]).toEqual([s.id, bySource.get(s.id) ?? 0, points.get(s.id) ?? 0]);
    for (const id of ['redshift-2025', 'redshift-2025.ref-125', 'celestrak-gp-active-2026-07-10']) {
      const one = (await app.inject(`/api/v1/sources/${id}`)).json() as { statements: number; points: number };
      expect([id, one.statements, one.points]).toEqual([id, bySource.get(id) ?? 0, points.get(id) ?? 0]);
    }
  });

  it('answers a repeated read from the response cache until a run changes the store', async () => {
    const url = '/api/v1/status';
    const origin = { origin: 'https://notebook.example' };
    const first = await app.inject({ url, headers: origin });
    const again = await app.inject({ url, headers: origin });
    expect(again.headers['x-response-cache']).toBe('hit');
    expect(again.body).toBe(first.body);
    expect(again.headers.etag).toBe(first.headers.etag);
    // CORS and conditional requests apply to a hit as to any response.
    expect(again.headers['access-control-allow-origin']).toBe('*');
    // A compressed hit: the same bytes once decompressed, the same weak tag as the uncompressed body.
    for (const [coding, decode] of [['br', brotliDecompressSync], ['gzip', gunzipSync]] as const) {
      const packed = await app.inject({ url, headers: { ...origin, 'accept-encoding': `${coding}, identity;q=0.5` } });
      expect(packed.headers['x-response-cache']).toBe('hit');
      expect(packed.headers['content-encoding']).toBe(coding);
      expect(String(packed.headers.vary)).toMatch(/Accept-Encoding/i);
      expect(packed.headers.etag).toBe(first.headers.etag);
      expect(decode(packed.rawPayload).toString('utf8')).toBe(first.body);
    }
    expect((await app.inject({ url, headers: { 'if-none-match': first.headers.etag as string } })).statusCode).toBe(304);
    // Credentials, other routes' representations and a time-dependent route are never served from it.
    expect((await app.inject({ url, headers: { authorization: 'Bearer x' } })).headers['x-response-cache']).toBeUndefined();
    expect((await app.inject({ url, headers: { accept: 'text/csv' } })).headers['x-response-cache']).toBe('miss');
    expect((await app.inject('/api/v1/analytics/tiangong')).headers['x-response-cache']).toBeUndefined();
    // A new run (a load, an ingest, a failure) makes the next read a miss that shows it.
    const run = await startRun(store.db, 'test:response-cache', new Date().toISOString());
    const after = await app.inject({ url, headers: origin });
    expect(after.headers['x-response-cache']).toBe('miss');
    expect(after.json().origins.map((o: { origin: string }) => o.origin)).toContain('test:response-cache');
    await store.db.deleteFrom('runs').where('id', '=', run).execute();
  });

  it('keeps the status (its staleness moves with the clock) for at most MAX_AGE_MS, and other reads until the data change', async () => {
    const [status, sources] = ['/api/v1/status', '/api/v1/sources?limit=3'];
    // The clock as the cache reads it; it starts past RUNS_CACHE_MS, so the runs' version is read afresh.
    let clock = Date.now() + RUNS_CACHE_MS + 1;
    const mocked = vi.spyOn(Date, 'now').mockImplementation(() => clock);
    try {
      for (const url of [status, sources]) await app.inject(url);
      expect((await app.inject(status)).headers['x-response-cache']).toBe('hit');
      clock += MAX_AGE_MS + 1000;
      expect((await app.inject(status)).headers['x-response-cache']).toBe('miss');
      expect((await app.inject(sources)).headers['x-response-cache']).toBe('hit');
    } finally {
      mocked.mockRestore();
    }
  });

  it('computes a cold URL once for a burst of concurrent requests, and never holds a failing one', async () => {
    const url = '/api/v1/entities?kind=Organization&limit=7';
    const burst = await Promise.all(Array.from({ length: 12 }, () => app.inject(url)));
    const how = burst.map((r) => r.headers['x-response-cache']);
    expect(how.filter((h) => h === 'miss')).toHaveLength(1);
    expect(how.filter((h) => h === 'shared')).toHaveLength(11);
    for (const r of burst) {
      expect(r.statusCode).toBe(200);
      expect(r.body).toBe(burst[0]!.body);
      expect(r.headers.etag).toBe(burst[0]!.headers.etag);
    }
    // A response that is not stored (404) wakes its waiters, which then compute in turn.
    const missing = await Promise.all(Array.from({ length: 4 }, () => app.inject('/api/v1/entities/org.nobody-burst')));
    expect(missing.map((r) => r.statusCode)).toEqual([404, 404, 404, 404]);
    expect(missing.every((r) => r.headers['x-response-cache'] === 'miss')).toBe(true);
  });

  it('pages through a list with the cursor, every item once', async () => {
    const seen: string[] = [];
    let url = '/api/v1/entities?kind=Hub,KeyFinding&limit=4';
    let total = 0;
    for (let guard = 0; guard < 10; guard++) {
      const page = (await app.inject(url)).json();
      total = page.total;
      seen.push(...page.items.map((i: { id: string }) => i.id));
      if (!page.next) break;
      url = `/api/v1/entities?kind=Hub,KeyFinding&limit=4&cursor=${page.next}`;
    }
    expect(total).toBe(16);
    expect(new Set(seen).size).toBe(16);
    const bad = await app.inject('/api/v1/entities?sort=-name&cursor=' + (await app.inject('/api/v1/entities?limit=1')).json().next);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('querystring.cursor');
  });

  it('limits page size and query complexity, naming the parameter', async () => {
    expect((await app.inject('/api/v1/entities?limit=201')).json().error.details[0]).toEqual({ field: 'querystring.limit', reason: 'must be <= 200' });
    const tooMany = await app.inject('/api/v1/entities?kind=Hub,Goal,Risk,Event,Claim,Person,Country');
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.details[0].field).toBe('querystring.kind');
  });

  it('CSV downloads name sources, licence and as-of date (in # lines on request), and hold the same numbers as the JSON', async () => {
    const json = (await app.inject('/api/v1/analytics/spacecraft')).json();
    const csv = (await app.inject('/api/v1/analytics/spacecraft?format=csv&comments=1')).body;
    const lines = csv.trim().split('\r\n');
    expect(lines[1]).toMatch(/^# sources: celestrak-gp-active-2026-07-10/);
    expect(lines[2]).toMatch(/^# licence: /);
    expect(lines[3]).toBe('# as of: 2026-07-10');
    const rows = lines.filter((l) => !l.startsWith('#')).slice(1).map((l) => l.split(','));
    expect(rows.map((r) => [r[1], r[2], Number(r[3])])).toEqual(json.cells.map((c: { missionType: string; regime: string; count: number }) => [c.missionType, c.regime, c.count]));
  });

  it('publishes changes since a date as JSON and Atom', async () => {
    const all = (await app.inject('/api/v1/changes?view=records&subject=launch&limit=1000')).json();
    expect(all.items.length).toBeGreaterThan(0);
    expect(all.items[0]).toMatchObject({ action: 'added', subject: 'launch', origin: 'ingest:gcat-launchlog' });
    expect((await app.inject('/api/v1/changes?since=2999-01-01')).json().items).toEqual([]);
    const atom = await app.inject('/api/v1/changes.atom?view=records&kind=Program&limit=3');
    expect(atom.headers['content-type']).toMatch(/application\/atom\+xml/);
    expect(atom.body.match(/<entry>/g)).toHaveLength(3);
    expect(atom.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
  });

  it('exports a Frictionless data package (datapackage.json first, at the zip root) whose CSVs match their declared schemas', async () => {
    const res = await app.inject('/api/v1/export/datapackage.zip');
    const files = unzipSync(new Uint8Array(res.rawPayload));
    expect(Object.keys(files)[0]).toBe('datapackage.json');
    const descriptor = JSON.parse(strFromU8(files['datapackage.json']!));
    expect(descriptor.profile).toBe('tabular-data-package');
    expect(descriptor.licenses.length).toBeGreaterThan(0);
    for (const r of descriptor.resources as { path: string; schema: { fields: { name: string }[] } }[]) {
      const header = strFromU8(files[r.path]!).split('\r\n')[0]!;
      expect(header.split(',')).toEqual(r.schema.fields.map((f) => f.name));
    }
    const statements = strFromU8(files['statements.csv']!).trim().split('\r\n').length - 1;
    expect(statements).toBe((await app.inject('/api/v1/status')).json().totals.statements);
  });

  it('names referenced entities in entity detail, and lists a program\'s catalog objects', async () => {
    const guowang = (await app.inject('/api/v1/entities/program.guowang')).json();
    const operator = guowang.properties.find((p: { property: string }) => p.property === 'operator');
    expect(operator.statements[0]).toMatchObject({ value: 'org.china-satnet', valueCaption: expect.stringMatching(/China Sat/) });
    const qianfan = (await app.inject('/api/v1/catalog/objects?program=program.qianfan&limit=1000')).json();
    expect(qianfan.total).toBe(200);
    expect(qianfan.items.every((o: { countryRule: string; missionRule: string }) => o.countryRule && o.missionRule)).toBe(true);
    const history = (await app.inject('/api/v1/catalog/objects/48274')).json();
    expect(history.elementSets.map((e: { sourceId: string }) => e.sourceId)).toEqual(['celestrak-tle-active-2026-05-04', 'celestrak-gp-active-2026-07-10']);
  });

  it('serves GeoJSON for places, hubs and country sets', async () => {
    const places = (await app.inject('/api/v1/geo/places?kind=Facility')).json();
    const jiuquan = places.features.find((f: { properties: { id: string } }) => f.properties.id === 'facility.jiuquan');
    expect(jiuquan.geometry).toEqual({ type: 'Point', coordinates: [100.31, 41.31] });
    expect(jiuquan.properties.locationSource).toBe('gcat-sites-2024-11-27');
    const stations = (await app.inject('/api/v1/geo/countries?set=overseas-stations')).json();
    expect(stations.features.length).toBeGreaterThan(3);
    expect(stations.features[0].properties.members.length).toBeGreaterThan(0);
    const ilrs = (await app.inject('/api/v1/geo/countries?set=ilrs')).json();
    expect(ilrs.features.map((f: { properties: { iso2: string } }) => f.properties.iso2)).toEqual(expect.arrayContaining(['PK', 'RU', 'VE', 'BY']));
  });
});
