/**
 * A client typed by the generated OpenAPI types (openapi-fetch over web/src/api/generated/openapi.ts,
 * one per media type: JSON, GeoJSON)
 * against a listening server: the typed fields it reads hold what the raw responses hold.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../../web/src/api/generated/openapi.js';
import { STORE_KINDS, type TestStore } from '../support/stores.js';
import { readOnlyLoadedStore } from '../support/loaded-store.js';
import { buildServer } from '../../src/api/server.js';

describe.each(STORE_KINDS)('the typed client on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  let client: Client<paths, 'application/json'>;
  let geo: Client<paths, 'application/geo+json'>;
  beforeAll(async () => {
    store = await readOnlyLoadedStore(kind);
    app = await buildServer({ store, webDir: 'test/fixtures/no-web-app' });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    client = createClient<paths, 'application/json'>({ baseUrl: address });
    geo = createClient<paths, 'application/geo+json'>({ baseUrl: address });
  }, 300_000);
  afterAll(async () => { await app?.close(); await store?.dispose(); });

  const raw = async (url: string) => (await app.inject(url)).json();

  it('reads launches per year with their outcome counts', async () => {
    const { data, error } = await client.GET('/api/v1/analytics/launches', { params: { query: { from: 2015 } } });
    expect(error).toBeUndefined();
    const chinaTotals: [number, number][] = data!.china.map((y) => [y.year, y.state.total + y.commercial.total + y.unattributed.total]);
    const rawChina = (await raw('/api/v1/analytics/launches?from=2015')).china as { year: number; state: { total: number }; commercial: { total: number }; unattributed: { total: number } }[];
    expect(chinaTotals).toEqual(rawChina.map((y) => [y.year, y.state.total + y.commercial.total + y.unattributed.total]));
    expect(chinaTotals[0]![0]).toBe(2015);
  });

  it('reads spacecraft cells and the objects behind them', async () => {
    const { data } = await client.GET('/api/v1/analytics/spacecraft', { params: { query: { country: 'PK', objects: true } } });
    const cellSum = data!.cells.reduce((n, c) => n + c.count, 0);
    expect(cellSum).toBe(data!.total);
    expect(data!.objects?.length).toBe(data!.total);
    const regimes = new Set(data!.objects!.map((o) => o.regime));
    expect([...regimes].sort()).toEqual([...new Set(data!.cells.map((c) => c.regime))].sort());
  });

  it('reads GeoJSON points and the key findings', async () => {
    const { data: places } = await geo.GET('/api/v1/geo/places', { params: { query: { kind: 'Facility' } } });
    const jiuquan = places!.features.find((f) => f.properties.id === 'facility.jiuquan');
    const rawPlaces = (await raw('/api/v1/geo/places?kind=Facility')).features as { properties: { id: string }; geometry: { coordinates: number[] } }[];
    const [lon, lat] = jiuquan!.geometry.coordinates;
    expect([lon, lat]).toEqual(rawPlaces.find((f) => f.properties.id === 'facility.jiuquan')!.geometry.coordinates);
    const { data: indicators } = await client.GET('/api/v1/indicators', {});
    const numbers: number[] = indicators!.findings.map((f) => f.number);
    expect(numbers).toEqual((await raw('/api/v1/indicators')).findings.map((f: { number: number }) => f.number));
  });

  it('gets the pinned error shape as a typed error', async () => {
    const { data, error, response } = await client.GET('/api/v1/catalog/objects/{norad}', { params: { path: { norad: 999999 } } });
    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect(error).toMatchObject({ error: { status: 404, code: 'not_found' } });
  });
});
