/**
 * The signed-in account and the writes of the editorial pages. The session lives in an HttpOnly cookie the
 * page cannot read; the CSRF value every write must send comes from GET /api/v1/session and is kept in memory.
 */
import { ApiFailure, apiRequest, clearApiCache, routeUrl } from '../api/client.ts';
import type { paths } from '../api/generated/openapi.ts';

/**
 * The editorial routes' types, read from the OpenAPI document's generated types (`npm run gen`), so a
 * page's route, path parameters, body and reply are checked against the contract.
 */
type Verb = 'get' | 'post' | 'patch' | 'delete';
/** The API's routes (without /api/v1) that take the method. */
export type RouteOf<V extends Verb> = {
  [P in keyof paths]: paths[P] extends Record<V, object> ? (P extends `/api/v1${infer R}` ? R : never) : never;
}[keyof paths];
type Operation<V extends Verb, R extends RouteOf<V>> = paths[`/api/v1${R}` & keyof paths][V];
type JsonOf<C> = C extends { content: { 'application/json': infer J } } ? J : never;
/** The JSON body a route takes. */
export type BodyOf<V extends Verb, R extends RouteOf<V>> = Operation<V, R> extends { requestBody: infer B } ? JsonOf<B>
  : Operation<V, R> extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> | undefined : undefined;
type Success<Rs> = Rs[keyof Rs & (200 | 201)];
/** The JSON a route answers with on success (nothing for a 204). */
export type ReplyOf<V extends Verb, R extends RouteOf<V>> = Operation<V, R> extends { responses: infer Rs }
  ? ([JsonOf<Success<Rs>>] extends [never] ? void : JsonOf<Success<Rs>>) : never;
type PathOf<V extends Verb, R extends RouteOf<V>> = Operation<V, R> extends { parameters: { path: infer P } } ? P : never;
type QueryOf<V extends Verb, R extends RouteOf<V>> = Operation<V, R> extends { parameters: { query?: infer Q } } ? Q : never;

export interface Session { account: { name: string; role: 'contributor' | 'reviewer' | 'admin' }; csrfToken: string | null; expiresAt: string | null }

let current: Promise<Session | null> | null = null;

async function send<T>(method: string, path: string, body?: unknown, csrf?: string | null): Promise<T> {
  const { ok, status, json, url } = await apiRequest(method, path, body, csrf);
  if (!ok) {
    const e = (json as { error?: { status?: number; code?: string; message?: string; details?: { field: string; reason: string }[] } } | null)?.error;
    throw new WriteFailure(e?.status ?? status, e?.code ?? 'http_error', e?.message ?? `HTTP ${status}`, url, e?.details ?? []);
  }
  return json as T;
}

export class WriteFailure extends ApiFailure {
  constructor(status: number, code: string, message: string, url: string, readonly details: { field: string; reason: string }[]) {
    super(status, code, message, url);
  }
}

/** The signed-in account, or null (asked once per page load and after sign-in or sign-out). */
export function session(): Promise<Session | null> {
  current ??= send<Session | { account: null }>('GET', '/session').then((s) => (s.account ? s as Session : null));
  return current;
}

export async function signIn(name: string, password: string): Promise<Session> {
  const s = await send<Session>('POST', '/session', { name, password });
  current = Promise.resolve(s);
  notify();
  return s;
}

export async function signOut(): Promise<void> {
  const s = await session();
  if (s) await send('DELETE', '/session', undefined, s.csrfToken);
  current = Promise.resolve(null);
  notify();
}

/** A write with the session's CSRF value; every cached read is dropped afterwards, since the data may have changed. */
export async function write<V extends 'post' | 'patch' | 'delete', R extends RouteOf<V>>(
  method: V, route: R, args: { path?: PathOf<V, R>; body?: BodyOf<V, R> } = {},
): Promise<ReplyOf<V, R>> {
  const s = await session();
  const out = await send<ReplyOf<V, R>>(method.toUpperCase(), routeUrl(route, { path: args.path as object | undefined }), args.body ?? {}, s?.csrfToken ?? null);
  clearApiCache();
  return out;
}

/** GET that needs the session (never cached: proposals and the audit trail change under review). */
export function read<R extends RouteOf<'get'>>(route: R, args: { path?: PathOf<'get', R>; query?: QueryOf<'get', R> } = {}): Promise<ReplyOf<'get', R>> {
  return send<ReplyOf<'get', R>>('GET', routeUrl(route, { path: args.path as object | undefined, query: args.query as object | undefined }));
}

const listeners: (() => void)[] = [];
export function onSessionChange(listener: () => void): void {
  listeners.push(listener);
}
function notify(): void {
  for (const l of listeners) l();
}
