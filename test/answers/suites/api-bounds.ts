/**
 * The API's bounds on the loaded store: a fuzz over the OpenAPI document (every documented
 * route, every parameter, hostile values, a fixed seed and a bounded count) that must never
 * get a 5xx and must get every error in the one shape, a 400 naming the parameter; the
 * issue's reported requests one by one; and dates checked against the calendar.
 */
import { expect, it } from 'vitest';
import type { AnswerSuite } from '../harness.js';
import { fuzzCases, type FuzzCase, type OpenApiDocument } from '../../support/openapi-fuzz.js';
import { MAX_PATH_PARAMETER, MAX_URL_LENGTH } from '../../../src/api/request-bounds.js';

const SEED = 20260511;
const RANDOM_MIXES = 300;

interface Reply { statusCode: number; body: string; headers: Record<string, unknown> }

/** The one error shape, checked by hand (not with the product's schema): {error: {status, code, message, details?}}. */
function shapeProblem(res: Reply): string | null {
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    return 'body is not JSON';
  }
  const b = body as { error?: Record<string, unknown> };
  if (!b || typeof b !== 'object' || Object.keys(b).join() !== 'error' || !b.error) return 'not {"error": …}';
  const keys = Object.keys(b.error).sort().join();
  if (keys !== 'code,message,status' && keys !== 'code,details,message,status') return `error keys ${keys}`;
  if (b.error.status !== res.statusCode) return `error.status ${String(b.error.status)} ≠ HTTP ${res.statusCode}`;
  if (typeof b.error.code !== 'string' || typeof b.error.message !== 'string') return 'code or message not text';
  const details = b.error.details;
  if (details !== undefined && !(Array.isArray(details) && details.length > 0 && details.every((d) => typeof d?.field === 'string' && typeof d?.reason === 'string'))) return 'details not [{field, reason}]';
  return null;
}

const namedFields = (res: Reply): string[] => ((JSON.parse(res.body) as { error: { details?: { field: string }[] } }).error.details ?? []).map((d) => d.field);

function pathTooLong(c: FuzzCase): boolean {
  const path = c.url.split('?')[0]!;
  // The router (find-my-way) measures a path parameter after percent-decoding it.
  const decoded = (segment: string) => { try { return decodeURIComponent(segment); } catch { return segment; } };
  return path.split('/').some((segment) => decoded(segment).length > MAX_PATH_PARAMETER);
}

/** Why a response to a fuzz case is wrong, or null. */
function verdict(c: FuzzCase, res: Reply): string | null {
  if (res.statusCode >= 500) return `HTTP ${res.statusCode}`;
  if (res.statusCode < 400) return c.field === null || res.statusCode === 200 ? null : `HTTP ${res.statusCode}`;
  const shape = shapeProblem(res);
  if (shape) return shape;
  const tooLong = c.url.length > MAX_URL_LENGTH || pathTooLong(c);
  if (res.statusCode === 414) return tooLong ? null : 'a 414 for a URL within bounds';
  if (tooLong) return `HTTP ${res.statusCode} for an over-long URL (expected 414)`;
  if (c.field === null) return null;
  // A guarded route tells an anonymous caller to sign in before it reads the parameters.
  if (res.statusCode === 401) return c.guarded ? null : 'a 401 on a public route';
  if (res.statusCode === 404) return c.field.startsWith('params.') ? null : 'a 404 for a query parameter';
  if (res.statusCode !== 400) return `HTTP ${res.statusCode}`;
  const named = namedFields(res);
  return named.includes(c.field) || (c.field.startsWith('params.') && named.includes('path')) ? null : `the 400 names ${named.join(', ') || 'nothing'}, not ${c.field}`;
}

async function bad(app: ReturnType<Parameters<AnswerSuite>[0]>['app'], url: string, field: string): Promise<void> {
  const res = await app.inject(url);
  expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(400);
  expect(shapeProblem(res), url).toBeNull();
  expect(namedFields(res), url).toContain(field);
}

export const answers: AnswerSuite = (ctx) => {
  it('answers every malformed request generated from the OpenAPI document without a 5xx, each error in the one shape and each 400 naming the parameter', async () => {
    const { app } = ctx();
    const doc = (await app.inject('/api/v1/openapi.json')).json() as OpenApiDocument;
    const cases = fuzzCases(doc, SEED, RANDOM_MIXES);
    const routes = new Set(cases.map((c) => c.route));
    // Every readable route (the cases are GET requests); the write routes' malformed bodies and missing
    // credentials are the authorization matrix's and the editorial tests' (test/api/editorial*.test.ts).
    const readable = Object.entries(doc.paths).filter(([p, ops]) => p.startsWith('/api/v1/') && 'get' in ops).map(([p]) => p);
    expect([...routes].sort()).toEqual(readable.sort());
    expect(cases.length).toBeGreaterThan(3000);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (const c of cases) {
      const res = await app.inject(c.url);
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      const wrong = verdict(c, res);
      if (wrong) failures.push(`${c.route} ${c.label}: ${wrong} ${res.body.slice(0, 160)}`);
    }
    expect(failures.slice(0, 30)).toEqual([]);
    expect(statuses.get(400)).toBeGreaterThan(cases.length / 2);
  }, 600_000);

  it('answers the reported requests with a 400 naming the parameter', async () => {
    const { app } = ctx();
    await bad(app, '/api/v1/entities?q=a%00b', 'querystring.q');
    await bad(app, '/api/v1/sources/a%00b', 'params.id');
    await bad(app, '/api/v1/entities?limit=Infinity', 'querystring.limit');
    await bad(app, '/api/v1/changes?limit=1e309', 'querystring.limit');
    await bad(app, '/api/v1/changes?cursor=99999999999999999999', 'querystring.cursor');
    await bad(app, '/api/v1/changes.atom?cursor=99999999999999999999', 'querystring.cursor');
    await bad(app, '/api/v1/catalog/objects/Infinity', 'params.norad');
    await bad(app, `/api/v1/entities?cursor=${Buffer.from('null').toString('base64url')}`, 'querystring.cursor');
    await bad(app, `/api/v1/entities?sort=relevance&q=x&cursor=${Buffer.from('{"s":"relevance","o":-5}').toString('base64url')}`, 'querystring.cursor');
    await bad(app, `/api/v1/entities?q=${'x'.repeat(600)}`, 'querystring.q');
    await bad(app, '/api/v1/health?verbose=1', 'querystring.verbose');
  });

  it('checks dates against the calendar', async () => {
    const { app, get } = ctx();
    for (const route of ['analytics/constellations', 'analytics/spacecraft', 'analytics/launches', 'analytics/tiangong', 'catalog/objects', 'goals']) {
      await bad(app, `/api/v1/${route}?asOf=2026-99-99`, 'querystring.asOf');
      await bad(app, `/api/v1/${route}?asOf=2025-02-29`, 'querystring.asOf');
    }
    await bad(app, '/api/v1/changes?since=2026-02-30', 'querystring.since');
    await bad(app, '/api/v1/changes?until=2026-01-01T25:00:00Z', 'querystring.until');
    await bad(app, '/api/v1/timeline?from=2020-13', 'querystring.from');
    await bad(app, '/api/v1/analytics/tiangong?at=2026-07-11T24:30:00Z', 'querystring.at');
    expect((await get<{ asOf: string }>('/api/v1/goals?asOf=2024-02-29')).asOf).toBe('2024-02-29');
    expect((await get<{ items: unknown[] }>('/api/v1/changes?since=2024-02-29&limit=1')).items).toHaveLength(1);
    expect((await get<{ items: unknown[] }>('/api/v1/timeline?from=2020-12&to=2021')).items.length).toBeGreaterThan(0);
  });

  it('compares a date-time with an offset as the instant it names', async () => {
    const { get } = ctx();
    const changes = (await get<{ items: { id: number; at: string }[] }>('/api/v1/changes?view=records&limit=1000')).items;
    const middle = new Date(Date.parse(changes[Math.floor(changes.length / 2)]!.at) - 1000);
    const utc = middle.toISOString().slice(0, 19) + 'Z';
    const local = new Date(middle.getTime() + 2 * 3600_000).toISOString().slice(0, 19) + '+02:00';
    const inUtc = await get<{ items: { id: number }[] }>(`/api/v1/changes?view=records&limit=5&since=${encodeURIComponent(utc)}`);
    const inLocal = await get<{ items: { id: number }[] }>(`/api/v1/changes?view=records&limit=5&since=${encodeURIComponent(local)}`);
    expect(inUtc.items.length).toBeGreaterThan(0);
    expect(inLocal.items.map((c) => c.id)).toEqual(inUtc.items.map((c) => c.id));
  });
};
