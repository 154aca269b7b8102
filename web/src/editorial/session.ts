/**
 * The signed-in account and the writes of the editorial pages. The session lives in an HttpOnly cookie the
 * page cannot read; the CSRF value every write must send comes from GET /api/v1/session and is kept in memory.
 */
import { ApiFailure, apiRequest, clearApiCache } from '../api/client.ts';

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
  current ??= send<Session | { account: null }>('GET', 'session').then((s) => (s.account ? s as Session : null));
  return current;
}

export async function signIn(name: string, password: string): Promise<Session> {
  const s = await send<Session>('POST', 'session', { name, password });
  current = Promise.resolve(s);
  notify();
  return s;
}

export async function signOut(): Promise<void> {
  const s = await session();
  if (s) await send('DELETE', 'session', undefined, s.csrfToken);
  current = Promise.resolve(null);
  notify();
}

/** A write with the session's CSRF value; every cached read is dropped afterwards, since the data may have changed. */
export async function write<T>(method: 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const s = await session();
  const out = await send<T>(method, path, body ?? {}, s?.csrfToken ?? null);
  clearApiCache();
  return out;
}

/** GET that needs the session (never cached: proposals and the audit trail change under review). */
export function read<T>(path: string, query: Record<string, string> = {}): Promise<T> {
  const qs = new URLSearchParams(query).toString();
  return send<T>('GET', `${path}${qs ? `?${qs}` : ''}`);
}

const listeners: (() => void)[] = [];
export function onSessionChange(listener: () => void): void {
  listeners.push(listener);
}
function notify(): void {
  for (const l of listeners) l();
}
