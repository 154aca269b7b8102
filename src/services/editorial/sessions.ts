/**
 * Signing in and out, and who a request is: a session (cookie) or an API token (Bearer).
 * A session's secret lives only in the client's cookie; the store keeps its SHA-256. Its CSRF
 * value is derived from that secret (a one-way hash), so the server can hand it out again
 * (GET /session) without storing it, and a page that cannot read the cookie cannot compute it.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { Role } from '../../model/roles.js';
import { accountByName } from '../../store/editorial/accounts.js';
import { endSession, insertSession, liveSession, useToken } from '../../store/editorial/credentials.js';
import { appendAudit } from '../../store/editorial/audit.js';
import { verifyPassword } from './passwords.js';
import { matchesHash, newSecret, secretHash } from './secrets.js';
import { EditorialError } from './accounts.js';
import type { LoginThrottle } from './login-throttle.js';

/** How long a session lasts from sign-in (absolute: it is not extended by use). */
export const SESSION_HOURS = 12;

/** The one message for every refused sign-in, so it never tells whether the account exists. */
export const LOGIN_REFUSED = 'that name and password do not match an active account';

export interface Principal {
  accountId: number;
  name: string;
  role: Role;
  via: 'session' | 'token';
  tokenId?: number;
  /** For a session: the CSRF value's hash, which every write must present. */
  csrfHash?: string;
  expiresAt?: string;
}

export function csrfFor(sessionSecret: string): string {
  return createHash('sha256').update(`csrf\u0000${sessionSecret}`).digest('base64url');
}

export interface LoginResult { session: string; csrfToken: string; expiresAt: string; account: { name: string; role: Role } }

/**
 * Checks a name and password (throttled per name and per address), ends the session the client
 * presented (a new id at every sign-in: no fixation), and opens a new one.
 */
export async function logIn(
  db: Kysely<Database>, throttle: LoginThrottle, input: { name: string; password: string; address: string; previous?: string },
  clock: () => Date = () => new Date(),
): Promise<LoginResult> {
  const keys = [`name:${input.name.toLowerCase()}`, `addr:${input.address}`];
  const wait = throttle.waitMs(keys);
  if (wait > 0) {
    await appendAudit(db, { actorId: null, actorName: input.name.slice(0, 40), address: input.address, action: 'login.throttled', subject: 'session' });
    throw new EditorialError(429, 'too_many_requests', `too many failed sign-ins; try again in ${Math.ceil(wait / 1000)} s`, [{ field: 'retryAfter', reason: String(Math.ceil(wait / 1000)) }]);
  }
  const account = await accountByName(db, input.name);
  const ok = await verifyPassword(account?.passwordHash ?? null, input.password);
  const now = clock();
  if (!ok || !account || account.disabledAt) {
    throttle.fail(keys);
    await appendAudit(db, { actorId: null, actorName: input.name.slice(0, 40), address: input.address, action: 'login.fail', subject: 'session' }, now.toISOString());
    throw new EditorialError(401, 'unauthorized', LOGIN_REFUSED);
  }
  throttle.succeed(keys);
  const session = newSecret();
  const csrfToken = csrfFor(session);
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString();
  await db.transaction().execute(async (trx) => {
    if (input.previous) await endSession(trx, secretHash(input.previous), now.toISOString());
    await insertSession(trx, { tokenHash: secretHash(session), accountId: account.id, csrfHash: secretHash(csrfToken), now: now.toISOString(), expiresAt });
    await appendAudit(trx, { actorId: account.id, actorName: account.name, address: input.address, action: 'login', subject: 'session', after: { expiresAt } }, now.toISOString());
  });
  return { session, csrfToken, expiresAt, account: { name: account.name, role: account.role } };
}

export async function logOut(db: Kysely<Database>, session: string, principal: Principal, address: string): Promise<void> {
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await endSession(trx, secretHash(session), now);
    await appendAudit(trx, { actorId: principal.accountId, actorName: principal.name, address, action: 'logout', subject: 'session' }, now);
  });
}

export async function sessionPrincipal(db: Kysely<Database>, session: string, now = new Date().toISOString()): Promise<Principal | null> {
  const s = await liveSession(db, secretHash(session), now);
  return s ? { accountId: s.accountId, name: s.name, role: s.role, via: 'session', csrfHash: s.csrfHash, expiresAt: s.expiresAt } : null;
}

export async function tokenPrincipal(db: Kysely<Database>, token: string, now = new Date().toISOString()): Promise<Principal | null> {
  const t = await useToken(db, secretHash(token), now);
  return t ? { accountId: t.accountId, name: t.name, role: t.role, via: 'token', tokenId: t.tokenId } : null;
}

export function csrfMatches(principal: Principal, presented: string | undefined): boolean {
  return !!presented && !!principal.csrfHash && matchesHash(presented, principal.csrfHash);
}
