/**
 * The only door to data: GET requests to the API under /api/v1, made with openapi-fetch over the
 * types generated from the OpenAPI document (generated/openapi.ts, `npm run gen`), so a route, its
 * parameters and its body are checked against the contract. Failures carry the API's error shape
 * ({error:{status,code,message}}) so pages can say what is missing.
 */
import createClient, { createFinalURL, defaultPathSerializer } from 'openapi-fetch';
import type { paths } from './generated/openapi.ts';
import type { GeoJsonBody, JsonBody } from './contract.ts';

/** The API's GET routes, without the /api/v1 prefix: '/series', '/entities/{id}', … */
export type ApiRoute = { [P in keyof paths]: paths[P] extends { get: object } ? (P extends `/api/v1${infer R}` ? R : never) : never }[keyof paths];
type FullPath<R extends ApiRoute> = `/api/v1${R}` & keyof paths;
/** A route's body: JSON, or GeoJSON for the /geo routes. */
export type ApiBody<R extends ApiRoute> = [JsonBody<FullPath<R>>] extends [never] ? GeoJsonBody<FullPath<R>> : JsonBody<FullPath<R>>;
type Parameters<R extends ApiRoute> = paths[FullPath<R>] extends { get: { parameters: infer P } } ? P : never;

/** A route's query and path parameters, as the OpenAPI document declares them. */
export type ApiParams<R extends ApiRoute> = Pick<Parameters<R>, 'query' & keyof Parameters<R>>
  & (Parameters<R> extends { path: infer P } ? [P] extends [never] ? object : { path: P } : object);
/** A route's query parameters. */
export type ApiQuery<R extends ApiRoute> = NonNullable<Parameters<R> extends { query?: infer Q } ? Q : never>;

export class ApiFailure extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly url: string) {
    super(message);
  }
  /** The endpoint does not exist (yet) on this server. */
  get missingEndpoint(): boolean {
    return this.status === 404 && this.message.startsWith('no route');
  }
}

/** Query strings leave out empty values (null, undefined, ''), as the pages build queries from optional form fields. */
function querySerializer(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== null && v !== undefined && v !== '') params.set(k, String(v));
  return params.toString();
}

const client = createClient<paths, 'application/json'>({ querySerializer, headers: { accept: 'application/json' } });

/** The URL of a route with its parameters (a download link, or the key two identical requests share). */
export function apiUrl<R extends ApiRoute>(route: R, params?: ApiParams<R>): string {
  return routeUrl(`/api/v1${route}`, params as { query?: object; path?: object } | undefined);
}

/** Any path with its {parameters} filled in and its query appended, empty values left out (the editorial writes use it too). */
export function routeUrl(path: string, params?: { query?: object; path?: object }): string {
  const p = (params ?? {}) as { query?: Record<string, unknown>; path?: Record<string, unknown> };
  return createFinalURL(path, { baseUrl: '', params: p, querySerializer, pathSerializer: defaultPathSerializer });
}

const cache = new Map<string, { at: number; value: Promise<unknown> }>();
const TTL_MS = 5 * 60_000;
/** Responses kept at most; the oldest request goes first. */
const MAX_CACHED = 100;

async function request<R extends ApiRoute>(route: R, params: ApiParams<R> | undefined, url: string): Promise<ApiBody<R>> {
  let result;
  try {
    // openapi-fetch cannot resolve its overloads for a route left generic here; the callers' routes and parameters are checked by ApiParams.
    result = await client.GET(`/api/v1${route}` as never, { params } as never) as { data?: unknown; error?: unknown; response: Response };
  } catch (err) {
    if (err instanceof SyntaxError) throw new ApiFailure(200, 'invalid_response', 'the API answered with something other than JSON', url);
    throw new ApiFailure(0, 'network_error', `the API could not be reached (${(err as Error).message})`, url);
  }
  const { data, error, response } = result;
  if (!response.ok) {
    const e = (error as { error?: { status?: number; code?: string; message?: string } } | string | undefined);
    const body = typeof e === 'object' ? e?.error : undefined;
    if (!body && typeof e === 'string' && e) throw new ApiFailure(response.status, 'invalid_response', `the API answered with something other than JSON (HTTP ${response.status})`, url);
    throw new ApiFailure(body?.status ?? response.status, body?.code ?? 'http_error', body?.message ?? `HTTP ${response.status}`, url);
  }
  if (data === undefined) throw new ApiFailure(response.status, 'invalid_response', `the API answered with no JSON body (HTTP ${response.status})`, url);
  return data as ApiBody<R>;
}

/** GET a route's JSON body; identical requests within a few minutes share one response (at most MAX_CACHED kept). */
export function apiGet<R extends ApiRoute>(route: R, params?: ApiParams<R>): Promise<ApiBody<R>> {
  const url = apiUrl(route, params);
  const hit = cache.get(url);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value as Promise<ApiBody<R>>;
  const value = request(route, params, url);
  cache.delete(url);
  cache.set(url, { at: Date.now(), value });
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  value.catch(() => cache.delete(url));
  return value;
}

/** A route's JSON and CSV URLs, for the "From the API" links under a chart or a list. */
export interface ApiLinks { json: string; csv: string }

export function apiLinks<R extends ApiRoute>(route: R, params?: ApiParams<R>): ApiLinks {
  const p = (params ?? {}) as { query?: Record<string, unknown> };
  const csv = { ...p, query: { ...p.query, format: 'csv' } } as unknown as ApiParams<R>;
  return { json: apiUrl(route, params), csv: apiUrl(route, csv) };
}

/** Forgets every cached response (after a write changed the data). */
export function clearApiCache(): void {
  cache.clear();
}

/**
 * A request to a route outside the typed GET client (the editorial writes and the session): the
 * method, the path under /api/v1, a JSON body and the CSRF value of the session; resolves with the
 * status and the parsed JSON reply (null when empty). Network failures are ApiFailures.
 */
export async function apiRequest(method: string, path: string, body?: unknown, csrf?: string | null): Promise<{ ok: boolean; status: number; json: unknown; url: string }> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrf) headers['x-csrf-token'] = csrf;
  const url = `/api/v1/${path.replace(/^\//, '')}`;
  let res: Response;
  try {
    res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  } catch (err) {
    throw new ApiFailure(0, 'network_error', `the API could not be reached (${(err as Error).message})`, url);
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiFailure(res.status, 'invalid_response', `the API answered with something other than JSON (HTTP ${res.status})`, url);
  }
  return { ok: res.ok, status: res.status, json, url };
}
