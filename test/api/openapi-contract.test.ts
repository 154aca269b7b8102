/**
 * The published contract (docs/openapi.json) types every response: an operationId on every
 * operation, a schema for every media type of every 200 answer, no object left untyped or open
 * (no `unknown` in the generated web types), GeoJSON as application/geo+json, and JSON, CSV and
 * CSVW metadata as separate media types wherever a route takes ?format=csv.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

type Schema = Record<string, unknown>;
interface Operation { operationId?: string; parameters?: { in: string; name: string; schema?: Schema }[]; responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }
const doc = JSON.parse(readFileSync('docs/openapi.json', 'utf8')) as { paths: Record<string, Record<string, Operation>> };
const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, path, op })));

/** Keywords that describe a schema without constraining it. */
const ANNOTATIONS = new Set(['description', 'title', 'examples', 'default', 'deprecated']);

/** Where a schema leaves a value untyped: an empty schema, an object with no properties or an open one, an array without items. */
export function looseSpots(schema: unknown, where: string): string[] {
  if (schema === undefined) return [`${where}: no schema`];
  if (typeof schema !== 'object' || schema === null) return [];
  const s = schema as Schema;
  if (s.$ref) return [];
  if (Object.keys(s).every((k) => ANNOTATIONS.has(k))) return [`${where}: untyped (any value)`];
  const out: string[] = [];
  const types = ([] as unknown[]).concat(s.type ?? []);
  const extra = s.additionalProperties;
  const properties = (s.properties ?? {}) as Record<string, unknown>;
  if (types.includes('object')) {
    if (extra === true || extra === undefined) out.push(`${where}: object open to any property`);
    if (extra === false && !Object.keys(properties).length) out.push(`${where}: object with no properties`);
  }
  if (types.includes('array') && s.items === undefined && s.prefixItems === undefined) out.push(`${where}: array with untyped items`);
  for (const [k, v] of Object.entries(properties)) out.push(...looseSpots(v, `${where}.${k}`));
  if (s.items !== undefined) out.push(...looseSpots(s.items, `${where}[]`));
  for (const [i, v] of ((s.prefixItems ?? []) as unknown[]).entries()) out.push(...looseSpots(v, `${where}[${i}]`));
  if (extra && typeof extra === 'object') out.push(...looseSpots(extra, `${where}{*}`));
  for (const k of ['anyOf', 'oneOf', 'allOf']) for (const [i, v] of ((s[k] ?? []) as unknown[]).entries()) out.push(...looseSpots(v, `${where}|${k}[${i}]`));
  return out;
}

/**
 * Values left free-form on purpose, each with its reason: an audit entry keeps the record before and
 * after the write as it was, whatever kind of record it is (an account, a token, a proposal, a watchlist).
 */
const FREE_FORM: Record<string, string[]> = {
  'GET /api/v1/audit': ['application/json.items[].before: untyped (any value)', 'application/json.items[].after: untyped (any value)'],
};

const takesCsv = (op: Operation) => op.parameters?.some((p) => p.in === 'query' && p.name === 'format' && ((p.schema?.enum ?? []) as string[]).includes('csv')) ?? false;
const mediaTypes = (op: Operation) => Object.keys(op.responses?.['200']?.content ?? {}).sort();

describe('the OpenAPI document', () => {
  it('finds loose schemas where there are some (the check checks)', () => {
    expect(looseSpots({}, 'x')).toEqual(['x: untyped (any value)']);
    expect(looseSpots({ type: 'object', additionalProperties: true }, 'x')).toEqual(['x: object open to any property']);
    expect(looseSpots({ type: 'object', properties: { a: { type: 'string' } } }, 'x')).toEqual(['x: object open to any property']);
    expect(looseSpots({ type: 'object', additionalProperties: {} }, 'x')).toEqual(['x{*}: untyped (any value)']);
    expect(looseSpots({ type: 'array' }, 'x')).toEqual(['x: array with untyped items']);
    expect(looseSpots({ type: 'object', additionalProperties: false, properties: { a: { anyOf: [{ type: 'null' }, { type: 'object' }] } } }, 'x'))
      .toEqual(['x.a|anyOf[1]: object open to any property']);
    expect(looseSpots({ type: 'object', additionalProperties: { type: 'integer' } }, 'x')).toEqual([]);
  });

  it('documents the routes', () => {
    expect(operations.length).toBeGreaterThan(25);
  });

  it('gives every operation its own operationId', () => {
    const ids = operations.map((o) => o.op.operationId);
    expect(operations.filter((o) => !o.op.operationId).map((o) => o.name)).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(operations)('$name: types every media type of its success response, leaving nothing untyped', ({ name, op }) => {
    // 200 or 201 with a body; 204 (a write with nothing to say) has none.
    const status = ['200', '201', '204'].find((s) => op.responses?.[s]);
    expect(status, 'a success response').toBeDefined();
    if (status === '204') return expect(op.responses![status]!.content).toBeUndefined();
    const content = op.responses![status!]!.content;
    expect(content, `a ${status} response with content`).toBeDefined();
    const loose = Object.entries(content!).flatMap(([media, m]) => looseSpots(m.schema, media));
    expect(loose).toEqual(FREE_FORM[name] ?? []);
  });

  it.each(operations)('$name: declares the media types it answers with', ({ path, op }) => {
    const types = mediaTypes(op);
    if (path.startsWith('/api/v1/geo/')) expect(types).toEqual(['application/geo+json']);
    else expect(types).not.toContain('application/geo+json');
    if (takesCsv(op)) expect(types).toEqual(expect.arrayContaining(['application/json', 'text/csv', 'application/csvm+json']));
    else expect(types).not.toContain('text/csv');
    if (takesCsv(op)) {
      const content = op.responses!['200']!.content!;
      expect(content['text/csv']!.schema).toMatchObject({ type: 'string' });
      expect(content['application/json']!.schema).not.toEqual(content['text/csv']!.schema);
    }
  });
});
