/**
 * Data that loads anywhere, asked of the loaded store: CORS for browser notebooks,
 * compressed JSON/CSV/GeoJSON that decompress to the same bytes, weak ETags compared per
 * RFC 9110, 405 with Allow for a wrong method, the Frictionless data package checked by
 * the frictionlessdata validator (npm `datapackage`), every CSV endpoint read by real
 * pandas with default settings over HTTP, and country polygons wound per RFC 7946
 * (checked with a shoelace sum written here).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { beforeAll, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import type { AnswerSuite } from '../harness.js';
import { buildServer } from '../../../src/api/server.js';
import { parseCsv } from '../../web/support/csv.js';
import { pythonWithPandas, runWithInput } from '../../support/external-reader.js';

interface OpenApi { paths: Record<string, Record<string, { parameters?: { in: string; name: string; required?: boolean }[]; responses?: Record<string, { content?: Record<string, unknown> }> }>> }
interface Feature { geometry: { type: string; coordinates: unknown } | null; properties: { iso2: string } }

/** Twice the signed area of a ring by the shoelace sum over lon/lat: positive when counterclockwise. */
function shoelace(ring: number[][]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return sum;
}

/** Each URL read by pandas.read_csv(url) with default settings: its columns and row count, or the error. */
const PANDAS_READ = `
import json, sys, pandas
out = []
for url in json.load(sys.stdin):
    try:
        df = pandas.read_csv(url)
        out.append({"url": url, "columns": [str(c) for c in df.columns], "rows": int(len(df))})
    except Exception as e:
        out.append({"url": url, "error": repr(e)})
print(json.dumps(out))
`;

export const answers: AnswerSuite = (ctx) => {
  let base = '';
  beforeAll(async () => { base = await ctx().baseUrl(); });

  /** Routes that need one of several parameters (none required alone): what this test chooses. */
  const CHOSEN: Record<string, string> = { '/api/v1/safety/conjunctions': 'primary=48274&days=0.5' };

  /** Every route that documents a text/csv response, with a real value for a path parameter. */
  async function csvUrls(): Promise<string[]> {
    const { app, get } = ctx();
    const doc = (await app.inject('/api/v1/openapi.json')).json<OpenApi>();
    const seriesId = (await get<{ items: { id: string }[] }>('/api/v1/series')).items[0]!.id;
    const urls: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      const op = ops.get;
      if (!op?.responses?.['200']?.content?.['text/csv']) continue;
      expect(op.parameters?.filter((p) => p.in === 'query' && p.required) ?? [], path).toEqual([]);
      const values: Record<string, string> = { id: seriesId, kind: 'Organization' };
      const filled = path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(values[name] ?? `{${name}}`));
      expect(filled, `a CSV route with a path parameter this test has no value for: ${path}`).not.toContain('{');
      urls.push(`${filled}?format=csv${CHOSEN[path] ? `&${CHOSEN[path]}` : ''}`);
    }
    return urls;
  }

  it('answers a CORS preflight and marks reads readable from any origin by default, or only from the configured ones', async () => {
    const { app, store } = ctx();
    const preflight = await app.inject({ method: 'OPTIONS', url: '/api/v1/entities?kind=Hub&limit=5', headers: { origin: 'https://notebook.example', 'access-control-request-method': 'GET' } });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(String(preflight.headers['access-control-allow-methods']).split(/,\s*/)).toEqual(['GET', 'HEAD']);
    const read = await app.inject({ url: '/api/v1/indicators', headers: { origin: 'https://notebook.example' } });
    expect(read.headers['access-control-allow-origin']).toBe('*');
    expect(String(read.headers['access-control-expose-headers'])).toContain('ETag');
    const listed = await buildServer({ store, webDir: 'test/fixtures/no-web-app', corsOrigins: ['https://a.example'] });
    try {
      expect((await listed.inject({ url: '/api/v1/indicators', headers: { origin: 'https://a.example' } })).headers['access-control-allow-origin']).toBe('https://a.example');
      expect((await listed.inject({ url: '/api/v1/indicators', headers: { origin: 'https://b.example' } })).headers['access-control-allow-origin']).toBeUndefined();
    } finally { await listed.close(); }
  });

  it('compresses JSON, CSV and GeoJSON with gzip and brotli, each decompressing to the uncompressed body', async () => {
    const { app } = ctx();
    for (const url of ['/api/v1/export/knowledge-base.json', '/api/v1/analytics/launches?format=csv', '/api/v1/geo/countries?set=ilrs']) {
      const plain = await app.inject({ url, headers: { 'accept-encoding': 'identity' } });
      expect(plain.headers['content-encoding'], url).toBeUndefined();
      const gzip = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
      expect(gzip.headers['content-encoding'], url).toBe('gzip');
      expect(gunzipSync(gzip.rawPayload).equals(plain.rawPayload), url).toBe(true);
      const br = await app.inject({ url, headers: { 'accept-encoding': 'br, gzip' } });
      expect(br.headers['content-encoding'], url).toBe('br');
      expect(brotliDecompressSync(br.rawPayload).equals(plain.rawPayload), url).toBe(true);
      expect(br.rawPayload.length, url).toBeLessThan(plain.rawPayload.length / 2);
      expect(String(br.headers.vary), url).toMatch(/accept-encoding/i);
      expect(br.headers.etag, url).toBe(plain.headers.etag);
    }
  });

  it('compares ETags weakly: W/ tags, lists and * get 304; another tag gets 200', async () => {
    const { app } = ctx();
    const url = '/api/v1/entities/program.qianfan';
    const etag = (await app.inject(url)).headers.etag as string;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    const strongForm = etag.slice(2);
    for (const inm of [etag, strongForm, `"other", ${etag}`, `W/"a",${strongForm}`, '*']) {
      const res = await app.inject({ url, headers: { 'if-none-match': inm, 'accept-encoding': 'gzip' } });
      expect(res.statusCode, inm).toBe(304);
      expect(res.body, inm).toBe('');
    }
    expect((await app.inject({ url, headers: { 'if-none-match': 'W/"other", "else"' } })).statusCode).toBe(200);
  });

  it('answers a wrong method on an existing route with 405 and Allow, and an unknown path with 404', async () => {
    const { app } = ctx();
    for (const [method, url] of [['POST', '/api/v1/entities'], ['DELETE', '/api/v1/entities/program.qianfan'], ['PUT', '/api/v1/export/datapackage.zip'], ['PATCH', '/api/v1/geo/countries?set=ilrs']] as const) {
      const res = await app.inject({ method, url });
      expect(res.statusCode, `${method} ${url}`).toBe(405);
      expect(res.headers.allow, `${method} ${url}`).toBe('GET, HEAD, OPTIONS');
      expect(res.json().error).toMatchObject({ status: 405, code: 'method_not_allowed' });
    }
    expect((await app.inject({ method: 'POST', url: '/api/v1/no-such-route' })).statusCode).toBe(404);
  });

  it('refuses an impossible calendar date with a 400 naming the parameter', async () => {
    const { app } = ctx();
    for (const url of ['/api/v1/analytics/launches?asOf=2026-99-99', '/api/v1/goals?asOf=2026-02-30']) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.details[0].field, url).toBe('querystring.asOf');
    }
  });

  it('exports a data package the frictionlessdata validator opens from the zip and finds valid, every row cast to its field type', async () => {
    const { app, get } = ctx();
    const zip = (await app.inject('/api/v1/export/datapackage.zip')).rawPayload;
    const names = Object.keys(unzipSync(new Uint8Array(zip)));
    expect(names[0]).toBe('datapackage.json');
    const dir = mkdtempSync(join(tmpdir(), 'redshift-datapackage-'));
    try {
      const path = join(dir, 'package.zip');
      writeFileSync(path, zip);
      const { Package } = createRequire(import.meta.url)('datapackage') as { Package: { load(p: string): Promise<FrictionlessPackage> } };
      const dp = await Package.load(path);
      expect(dp.errors.map(String)).toEqual([]);
      expect(dp.valid).toBe(true);
      const kb = await get<{ entities: { statements: unknown[] }[]; sources: unknown[] }>('/api/v1/export/knowledge-base.json');
      const expected: Record<string, number> = { sources: kb.sources.length, entities: kb.entities.length, statements: kb.entities.reduce((n, e) => n + e.statements.length, 0) };
      for (const resource of dp.resources) {
        expect(resource.valid, resource.name).toBe(true);
        const rows = await resource.read({ forceCast: true });
        const failed = rows.filter((r) => r instanceof Error).map((e) => `${resource.name}: ${String((e as Error & { errors?: unknown[] }).errors?.map(String) ?? e)}`);
        expect(failed.slice(0, 5)).toEqual([]);
        if (expected[resource.name] !== undefined) expect(rows.length, resource.name).toBe(expected[resource.name]);
        else expect(rows.length, resource.name).toBeGreaterThan(0);
      }
    } finally { rmSync(dir, { recursive: true, force: true }); }
  }, 120_000);

  it('serves every CSV endpoint so that pandas.read_csv(url) reads it with default settings, columns and rows as sent', async () => {
    const python = pythonWithPandas();
    if (!python) {
      console.warn('SKIPPED pandas check: no python3 with pandas (apt-get install python3-pandas; .ci/run installs it)');
      return;
    }
    const urls = await csvUrls();
    expect(urls.length).toBeGreaterThanOrEqual(15);
    const read = JSON.parse(await runWithInput(python, ['-c', PANDAS_READ], JSON.stringify(urls.map((u) => base + u)))) as { url: string; columns?: string[]; rows?: number; error?: string }[];
    for (const r of read) {
      expect(r.error, r.url).toBeUndefined();
      const body = (await ctx().app.inject(r.url.slice(base.length))).body;
      expect(body.startsWith('#'), r.url).toBe(false);
      const rows = parseCsv(body);
      const header = body.slice(0, body.indexOf('\r\n')).split(',');
      expect(r.columns, r.url).toEqual(header);
      expect(r.rows, r.url).toBe(rows.length);
      for (const row of rows) {
        for (const [column, value] of Object.entries(row)) {
          expect(['null', 'undefined', 'NaN'], `${r.url} ${column}: one empty-value convention`).not.toContain(value);
          if (/country$/.test(column)) expect(value, `${r.url} ${column}`).toMatch(/^(?:[A-Z]{2}|[a-z][a-z0-9-]*|)$/);
        }
      }
    }
  }, 300_000);

  it('honours Accept: text/csv, links each CSV to its sources, licence and as-of date, and writes # lines only on request', async () => {
    const { app } = ctx();
    const byFormat = await app.inject('/api/v1/analytics/spacecraft?format=csv');
    const byAccept = await app.inject({ url: '/api/v1/analytics/spacecraft', headers: { accept: 'text/csv' } });
    expect(byAccept.headers['content-type']).toMatch(/^text\/csv/);
    expect(byAccept.body).toBe(byFormat.body);
    expect(String(byAccept.headers.vary)).toMatch(/accept/i);
    expect((await app.inject({ url: '/api/v1/analytics/spacecraft', headers: { accept: 'application/json, text/csv;q=0.5' } })).headers['content-type']).toMatch(/^application\/json/);
    const link = String(byFormat.headers.link);
    const metaUrl = /^<([^>]+)>; rel="describedby"/.exec(link)?.[1];
    expect(metaUrl).toBe('/api/v1/analytics/spacecraft?format=csv-metadata');
    const meta = (await app.inject(metaUrl!)).json();
    expect(meta['dc:source'].join(' ')).toMatch(/celestrak-gp-active-2026-07-10/);
    expect(meta['dc:date']).toBe('2026-07-10');
    expect(meta.url).toBe('/api/v1/analytics/spacecraft?format=csv');
    expect(meta.tableSchema.columns.map((c: { titles: string }) => c.titles)).toEqual(byFormat.body.split('\r\n')[0]!.split(','));
    const commented = (await app.inject('/api/v1/analytics/spacecraft?format=csv&comments=1')).body.split('\r\n');
    expect(commented[3]).toBe('# as of: 2026-07-10');
    expect(commented.filter((l) => !l.startsWith('#')).join('\r\n')).toBe(byFormat.body);
  });

  it('winds every country polygon per RFC 7946 (exterior counterclockwise, holes clockwise) and gives every country a geometry', async () => {
    const { app } = ctx();
    const doc = (await app.inject('/api/v1/openapi.json')).json<{ paths: Record<string, { get: { parameters: { name: string; schema: { enum?: string[] } }[] } }> }>();
    const sets = doc.paths['/api/v1/geo/countries']!.get.parameters.find((p) => p.name === 'set')!.schema.enum!;
    expect(sets.length).toBeGreaterThanOrEqual(8);
    let rings = 0;
    for (const set of sets) {
      const fc = (await app.inject(`/api/v1/geo/countries?set=${set}`)).json<{ features: Feature[] }>();
      for (const f of fc.features) {
        expect(f.geometry, `${set} ${f.properties.iso2}`).not.toBeNull();
        const polygons = f.geometry!.type === 'Polygon' ? [f.geometry!.coordinates as number[][][]] : f.geometry!.coordinates as number[][][][];
        for (const polygon of polygons) {
          polygon.forEach((ring, i) => {
            rings++;
            if (i === 0) expect(shoelace(ring), `${set} ${f.properties.iso2} exterior`).toBeGreaterThan(0);
            else expect(shoelace(ring), `${set} ${f.properties.iso2} hole`).toBeLessThan(0);
          });
        }
      }
    }
    expect(rings).toBeGreaterThan(100);
  });
};

interface FrictionlessResource { name: string; valid: boolean; read(opts: { forceCast: boolean }): Promise<unknown[]> }
interface FrictionlessPackage { valid: boolean; errors: unknown[]; resources: FrictionlessResource[] }
