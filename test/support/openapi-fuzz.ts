/**
 * Malformed requests generated from the API's own OpenAPI document: for every documented
 * GET route, each parameter in turn gets each hostile value (NUL and control bytes, very
 * long strings, Infinity, 1e309, negative and huge numbers, impossible dates, hand-made
 * cursors, broken percent-encoding, repeated parameters), every route gets an unknown
 * parameter, and a seeded generator adds random mixes. Deterministic for a seed.
 */

export interface OpenApiParameter {
  in: 'query' | 'path' | string; name: string; required?: boolean; schema?: Record<string, unknown>;
  example?: unknown; examples?: Record<string, { value: unknown }>;
}
export interface OpenApiDocument { paths: Record<string, { get?: { parameters?: OpenApiParameter[]; security?: unknown[] } }> }

export interface FuzzCase {
  /** The documented route, e.g. /api/v1/entities/{id}. */
  route: string;
  url: string;
  /** The parameter made malformed, as the error details name it (querystring.limit, params.id), or null for a mix. */
  field: string | null;
  /** What was sent, for failure messages. */
  label: string;
  /** The route needs credentials (its operation names a security scheme): an anonymous request gets 401 first. */
  guarded: boolean;
}

/** Routes that need one of several parameters (none required alone): the valid one the cases start from. */
const BASE_QUERY: Record<string, [string, string][]> = { '/api/v1/safety/conjunctions': [['primary', '48274']] };

/** A valid value for a path parameter, so the other parameters of a path route can be fuzzed. */
const VALID_PATH_VALUES: Record<string, string> = { id: 'program.guowang', norad: '48274', kind: 'Organization' };

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
/** Percent-encodes everything but unreserved characters (RFC 3986), so the URL reaches the server as sent. */
const encode = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Hostile values, already encoded for the query string or path (a raw `%` is sent as is). */
export const HOSTILE_VALUES: { label: string; encoded: string }[] = [
  ...['a\u0000b', '\u0000', '\u0001', 'x\r\ny', 'x'.repeat(2_000), 'x'.repeat(20_000), 'Infinity', '-Infinity', '1e309', '-1e309', 'NaN', '-1', '0', '1.5',
    '99999999999999999999', '9007199254740993', '-99999999999999999999', '2026-99-99', '2026-02-30', '2025-02-29', '0000-00-00',
    '2026-13-01T25:61:00Z', '2026-01-01T00:00:00+99:99', '', ' ', "' or 1=1 --", '\\', '{"$gt":""}', '../../etc/passwd', '北京', '💥',
    b64('{"s":"name","v":[1]}'), b64('{"s":"name","v":[{"a":1},[2]]}'), b64('{"s":"name","v":["\u0000","x"]}'), b64('null'), b64('[]'), b64('"s"'),
    b64('{"s":"relevance","o":-5}'), b64('{"s":"relevance","o":1e309}'), b64('{"s":"relevance","o":"x"}'), b64('{"s":"recent","v":["not a date","x"]}'),
    b64('{"s":"name","v":["' + 'x'.repeat(400) + '","y"]}'), '!!!', '====',
  ].map((v) => ({ label: JSON.stringify(v.length > 60 ? `${v.slice(0, 20)}…(${v.length} chars)` : v), encoded: encode(v) })),
  { label: 'raw %', encoded: '%' },
  { label: 'raw %FF (not UTF-8)', encoded: '%FF' },
  { label: 'raw %ED%A0%80 (a lone surrogate)', encoded: '%ED%A0%80' },
  { label: 'raw %zz', encoded: '%zz' },
];

/** mulberry32: a small seeded generator, so a failing case can be replayed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomValue(next: () => number): { label: string; encoded: string } {
  if (next() < 0.6) return HOSTILE_VALUES[Math.floor(next() * HOSTILE_VALUES.length)]!;
  const length = Math.floor(next() * (next() < 0.1 ? 3000 : 40));
  let s = '';
  for (let i = 0; i < length; i++) s += String.fromCodePoint(next() < 0.8 ? Math.floor(next() * 0x80) : Math.floor(next() * 0xd7ff));
  return { label: JSON.stringify(s.slice(0, 60)), encoded: encode(s) };
}

interface Route { path: string; query: OpenApiParameter[]; pathParams: OpenApiParameter[]; guarded: boolean }

function routesOf(doc: OpenApiDocument): Route[] {
  return Object.entries(doc.paths).filter(([p, ops]) => p.startsWith('/api/v1/') && ops.get).map(([path, ops]) => {
    const params = ops.get!.parameters ?? [];
    return { path, query: params.filter((p) => p.in === 'query'), pathParams: params.filter((p) => p.in === 'path'), guarded: (ops.get!.security ?? []).length > 0 };
  });
}

/** A valid value for a required query parameter (its first enum value, default or example). */
function requiredValue(p: OpenApiParameter): string {
  const s = p.schema ?? {};
  const v = (s.enum as unknown[] | undefined)?.[0] ?? s.default ?? (s.examples as unknown[] | undefined)?.[0] ?? p.example ?? Object.values(p.examples ?? {})[0]?.value;
  if (v === undefined) throw new Error(`no valid value for required query parameter ${p.name}`);
  return String(v);
}

function url(route: Route, path: Record<string, string>, query: [string, string][]): string {
  const p = route.path.replace(/\{(\w+)\}/g, (_m, name: string) => path[name] ?? encode(VALID_PATH_VALUES[name] ?? '1'));
  const required = route.query.filter((q) => q.required && !query.some(([n]) => n === q.name)).map((q): [string, string] => [q.name, encode(requiredValue(q))]);
  const base = (BASE_QUERY[route.path] ?? []).filter(([n]) => !query.some(([m]) => m === n));
  const all = [...required, ...base, ...query];
  return all.length ? `${p}?${all.map(([n, v]) => `${n}=${v}`).join('&')}` : p;
}

/** Every parameter × every hostile value, an unknown parameter and a repeated parameter per route, then `randomCount` seeded mixes. */
export function fuzzCases(doc: OpenApiDocument, seed: number, randomCount: number): FuzzCase[] {
  const routes = routesOf(doc);
  const cases: FuzzCase[] = [];
  for (const route of routes) {
    for (const v of HOSTILE_VALUES) {
      for (const q of route.query) cases.push({ route: route.path, guarded: route.guarded, url: url(route, {}, [[q.name, v.encoded]]), field: `querystring.${q.name}`, label: `${q.name}=${v.label}` });
      for (const p of route.pathParams) cases.push({ route: route.path, guarded: route.guarded, url: url(route, { [p.name]: v.encoded }, []), field: `params.${p.name}`, label: `{${p.name}}=${v.label}` });
    }
    cases.push({ route: route.path, guarded: route.guarded, url: url(route, {}, [['zzUnknown', '1']]), field: 'querystring.zzUnknown', label: 'unknown parameter zzUnknown' });
    for (const q of route.query) cases.push({ route: route.path, guarded: route.guarded, url: url(route, {}, [[q.name, '1'], [q.name, '2']]), field: `querystring.${q.name}`, label: `${q.name} repeated` });
  }
  const next = seeded(seed);
  for (let i = 0; i < randomCount; i++) {
    const route = routes[Math.floor(next() * routes.length)]!;
    const names = [...route.query.map((q) => q.name), 'zzUnknown'];
    const picked: [string, string][] = [];
    for (let k = 1 + Math.floor(next() * 3); k > 0; k--) picked.push([names[Math.floor(next() * names.length)]!, randomValue(next).encoded]);
    const path = Object.fromEntries(route.pathParams.filter(() => next() < 0.5).map((p) => [p.name, randomValue(next).encoded]));
    cases.push({ route: route.path, guarded: route.guarded, url: url(route, path, picked), field: null, label: `seed ${seed} mix #${i}` });
  }
  return cases;
}
