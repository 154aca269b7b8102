/**
 * The only door to data: GET requests to the API under /api/v1. Failures carry the
 * API's error shape ({error:{status,code,message}}) so pages can say what is missing.
 */

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export class ApiFailure extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly url: string) {
    super(message);
  }
  /** The endpoint does not exist (yet) on this server. */
  get missingEndpoint(): boolean {
    return this.status === 404 && this.message.startsWith('no route');
  }
}

export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== null && v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `/api/v1/${path.replace(/^\//, '')}${qs ? `?${qs}` : ''}`;
}

const cache = new Map<string, { at: number; value: Promise<unknown> }>();
const TTL_MS = 5 * 60_000;
/** Responses kept at most; the oldest request goes first. */
const MAX_CACHED = 100;

async function request<T>(url: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/json' } });
  } catch (err) {
    throw new ApiFailure(0, 'network_error', `the API could not be reached (${(err as Error).message})`, url);
  }
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiFailure(res.status, 'invalid_response', `the API answered with something other than JSON (HTTP ${res.status})`, url);
  }
  if (!res.ok) {
    const e = (body as { error?: { status?: number; code?: string; message?: string } } | null)?.error;
    throw new ApiFailure(e?.status ?? res.status, e?.code ?? 'http_error', e?.message ?? `HTTP ${res.status}`, url);
  }
  return body as T;
}

/** GET a JSON document from the API; identical requests within a few minutes share one response (at most MAX_CACHED kept). */
export function apiGet<T>(path: string, query: Query = {}): Promise<T> {
  const url = apiUrl(path, query);
  const hit = cache.get(url);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value as Promise<T>;
  const value = request<T>(url);
  cache.delete(url);
  cache.set(url, { at: Date.now(), value });
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  value.catch(() => cache.delete(url));
  return value;
}

/** Forgets every cached response (after a write changed the data). */
export function clearApiCache(): void {
  cache.clear();
}
