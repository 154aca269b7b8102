/**
 * Bounds on every API request, applied to each documented route as it is registered:
 *  - every text parameter has a maxLength (MAX_TEXT_PARAMETER unless the route sets one);
 *  - a route without query parameters rejects unknown ones, like every other route;
 *  - before validation, a parameter holding a control character (U+0000–U+001F, U+007F),
 *    or a numeric parameter that is not plain decimal digits within ±(2^53 − 1) (Infinity,
 *    1e309, NaN, 0x10, 99999999999999999999), gets a 400 naming it;
 *  - before validation, a JSON body holding a string with a control character other than tab, line
 *    feed and carriage return (PostgreSQL cannot store U+0000 in text) gets a 400 naming its path.
 * The server (server.ts) also caps the body, the length of a path parameter and the URL.
 */
import type { FastifyReply, FastifyRequest, RouteOptions, preValidationHookHandler } from 'fastify';
import { ApiError } from './errors.js';
import { parseDecimal } from '../ingest/celestrak-gp/field-values.js';

/** The longest text parameter any route accepts (routes set smaller limits where they know better). */
export const MAX_TEXT_PARAMETER = 500;
/** The longest path parameter the router matches; longer ones get a 414 (schemas cap ids lower, with a 400). */
export const MAX_PATH_PARAMETER = 1000;
/** The longest request URL (path and query string) accepted, in characters; longer ones get a 414. */
export const MAX_URL_LENGTH = 8192;
/** The largest request body accepted, in bytes (the editorial routes' JSON bodies). */
export const MAX_BODY_BYTES = 64 * 1024;

type JsonSchema = Record<string, unknown>;
type Detail = { field: string; reason: string };
type Part = 'querystring' | 'params';

const CONTROL = /[\u0000-\u001f\u007f]/;
/** Control characters a JSON body's text may not hold: all but tab, line feed and carriage return. */
const BODY_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** How deep the body check walks (the body parser already bounds the size). */
const MAX_BODY_DEPTH = 64;
const DECIMAL_INTEGER = /^[+-]?\d+$/;

function propertiesOf(schema: unknown): Record<string, JsonSchema> {
  const p = (schema as JsonSchema | undefined)?.properties;
  return p && typeof p === 'object' ? (p as Record<string, JsonSchema>) : {};
}

/** The schema with a maxLength on every text property that has neither one nor an enum. */
function withTextBounds(schema: unknown): unknown {
  if (!schema || typeof schema !== 'object' || !('properties' in schema)) return schema;
  const properties = Object.fromEntries(Object.entries(propertiesOf(schema)).map(([name, p]) => [
    name, p.type === 'string' && p.maxLength === undefined && p.enum === undefined ? { ...p, maxLength: MAX_TEXT_PARAMETER } : p,
  ]));
  return { ...(schema as JsonSchema), properties };
}

function numericParameters(schema: unknown): Map<string, 'integer' | 'number'> {
  const out = new Map<string, 'integer' | 'number'>();
  for (const [name, p] of Object.entries(propertiesOf(schema))) if (p.type === 'integer' || p.type === 'number') out.set(name, p.type);
  return out;
}

function problems(part: Part, values: unknown, numeric: Map<string, 'integer' | 'number'>): Detail[] {
  if (!values || typeof values !== 'object') return [];
  const out: Detail[] = [];
  for (const [name, raw] of Object.entries(values as Record<string, unknown>)) {
    const field = `${part}.${name}`;
    for (const v of Array.isArray(raw) ? raw : [raw]) {
      if (typeof v !== 'string') continue;
      if (CONTROL.test(v)) {
        out.push({ field, reason: 'must not contain control characters (U+0000–U+001F, U+007F)' });
        break;
      }
      const kind = numeric.get(name);
      if (kind === 'integer' && !DECIMAL_INTEGER.test(v.trim())) out.push({ field, reason: 'must be an integer written in decimal digits' });
      else if (kind === 'number' && parseDecimal(v) === null) out.push({ field, reason: 'must be a number written in decimal digits' });
      else if (kind === 'integer' && !Number.isSafeInteger(Number(v))) out.push({ field, reason: 'is out of range' });
      else if (kind === 'number' && !Number.isFinite(Number(v))) out.push({ field, reason: 'is out of range' });
      else continue;
      break;
    }
  }
  return out;
}

/** The first string of a parsed JSON body (keys included) that holds a forbidden control character, as a detail naming its path. */
function bodyProblem(value: unknown, path = 'body', depth = 0): Detail | null {
  if (typeof value === 'string') return BODY_CONTROL.test(value) ? { field: path, reason: 'must not contain control characters other than tab and line breaks (U+0000–U+001F, U+007F)' } : null;
  if (!value || typeof value !== 'object' || depth > MAX_BODY_DEPTH) return null;
  for (const [key, v] of Object.entries(value)) {
    const at = Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`;
    if (BODY_CONTROL.test(key)) return { field: at, reason: 'a property name must not contain control characters' };
    const found = bodyProblem(v, at, depth + 1);
    if (found) return found;
  }
  return null;
}

function rawChecks(query: Map<string, 'integer' | 'number'>, params: Map<string, 'integer' | 'number'>): preValidationHookHandler {
  return function checkRawParameters(req: FastifyRequest, _reply: FastifyReply, done: (err?: Error) => void) {
    const inBody = bodyProblem(req.body);
    const details = [...problems('params', req.params, params), ...problems('querystring', req.query, query), ...(inBody ? [inBody] : [])];
    if (details.length) return done(new ApiError(400, 'invalid_request', `invalid ${details.map((d) => d.field).join(', ')}`, details));
    done();
  };
}

/** onRoute hook: bounds the parameters of every route under /api/ (schemas of documented routes, raw checks on all). */
export function boundRoute(route: RouteOptions): void {
  if (!route.url.startsWith('/api/')) return;
  const schema = route.schema as (JsonSchema & { hide?: boolean }) | undefined;
  if (schema && !schema.hide && route.url.startsWith('/api/v1/')) {
    route.schema = {
      ...schema,
      querystring: withTextBounds(schema.querystring ?? { type: 'object', additionalProperties: false, properties: {} }),
      ...(schema.params ? { params: withTextBounds(schema.params) } : {}),
    };
  }
  const check = rawChecks(numericParameters(route.schema?.querystring), numericParameters(route.schema?.params));
  const existing = route.preValidation;
  route.preValidation = existing ? [...(Array.isArray(existing) ? existing : [existing]), check] : [check];
}
