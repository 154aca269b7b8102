/** One error shape for the whole API (after datasette's test_error_shape), on every store. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { STORE_KINDS, type TestStore } from '../support/stores.js';
import { basicApp } from '../support/basic-app.js';

const SHAPE_KEYS = ['code', 'message', 'status'];

function expectErrorShape(body: unknown, status: number, code: string) {
  const b = body as { error: Record<string, unknown> };
  expect(Object.keys(b)).toEqual(['error']);
  expect(Object.keys(b.error).filter((k) => k !== 'details').sort()).toEqual(SHAPE_KEYS);
  expect(b.error.status).toBe(status);
  expect(b.error.code).toBe(code);
  expect(typeof b.error.message).toBe('string');
}

describe.each(STORE_KINDS)('API on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ store, app } = await basicApp(kind));
  });
  afterAll(async () => { await app?.close(); await store?.dispose(); });

  it('answers /api/health', async () => {
    const res = await app.inject('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', store: kind, entities: 3 });
  });

  it('lists and filters entities, and searches Chinese aliases', async () => {
    expect((await app.inject('/api/v1/entities?kind=Organization')).json()).toMatchObject({ total: 2, items: [{ id: 'org.china-satnet' }, { id: 'org.landspace' }] });
    const found = await app.inject(`/api/v1/entities?q=${encodeURIComponent('蓝箭航天')}`);
    expect(found.json().items).toEqual([{ id: 'org.landspace', kind: 'Organization', caption: 'LandSpace', firstSeen: expect.any(String) }]);
  });

  it('returns one entity with statements and sources', async () => {
    const res = await app.inject('/api/v1/entities/program.guowang');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.caption).toBe('Guowang');
    expect(body.properties.find((p: { property: string }) => p.property === 'plannedSize').statements).toHaveLength(2);
    expect(body.sources.find((s: { id: string }) => s.id === 'redshift-2025.ref-212').url).toBe('https://en.wikipedia.org/wiki/Guowang');
  });

  it('uses the one error shape for an unknown entity', async () => {
    const res = await app.inject('/api/v1/entities/org.nobody');
    expect(res.statusCode).toBe(404);
    expectErrorShape(res.json(), 404, 'not_found');
  });

  it('uses the one error shape for an unknown route', async () => {
    const res = await app.inject('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expectErrorShape(res.json(), 404, 'not_found');
  });

  it('names the invalid parameter in a 400', async () => {
    const bad = await app.inject('/api/v1/entities?limit=100000');
    expect(bad.statusCode).toBe(400);
    expectErrorShape(bad.json(), 400, 'invalid_request');
    expect(bad.json().error.details).toEqual([{ field: 'querystring.limit', reason: 'must be <= 200' }]);
    const unknown = await app.inject('/api/v1/entities?colour=red');
    expect(unknown.json().error.details).toEqual([{ field: 'querystring.colour', reason: 'unknown parameter "colour"' }]);
    const kindBad = await app.inject('/api/v1/entities?kind=Rocket');
    expect(kindBad.json().error.details[0].field).toBe('querystring.kind');
    // A parameter that may be a date or a date-time, and is neither: one detail, naming both forms.
    const since = await app.inject('/api/v1/changes?since=2026-02-30');
    expect(since.statusCode).toBe(400);
    expect(since.json().error).toMatchObject({ message: 'invalid querystring.since',
      details: [{ field: 'querystring.since', reason: 'must match one of: format "date"; format "date-time"' }] });
  });
});
