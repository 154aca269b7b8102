/** POST/GET/DELETE /session: signing in (a rotated HttpOnly, SameSite=Strict cookie), who is signed in, signing out. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../../../store/open-store.js';
import { LoginThrottle } from '../../../services/editorial/login-throttle.js';
import { csrfFor, logIn, logOut, SESSION_HOURS } from '../../../services/editorial/sessions.js';
import { SESSION_COOKIE, securityOf } from '../../auth.js';
import { LOGIN_BODY, SESSION, editorialResponses } from '../../editorial-schemas.js';
import { ApiError } from '../../errors.js';

function cookieOptions(req: FastifyRequest, maxAge: number) {
  return { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: req.protocol === 'https', maxAge };
}

export function registerSessionRoutes(api: FastifyInstance, store: Store, throttle: LoginThrottle): void {
  api.post<{ Body: { name: string; password: string } }>('/session', {
    config: { access: 'public' },
    schema: { operationId: 'logIn', summary: 'Sign in: sets the session cookie and returns the CSRF value for writes', tags: ['editorial'], body: LOGIN_BODY, response: editorialResponses(200, SESSION) },
  }, async (req, reply: FastifyReply) => {
    const r = await logIn(store.db, throttle, { name: req.body.name, password: req.body.password, address: req.ip, previous: req.cookies[SESSION_COOKIE] });
    reply.setCookie(SESSION_COOKIE, r.session, cookieOptions(req, SESSION_HOURS * 3600));
    return { account: r.account, csrfToken: r.csrfToken, expiresAt: r.expiresAt, via: 'session' };
  });

  api.get('/session', {
    config: { access: 'public' },
    schema: { operationId: 'getSession', summary: 'Who is signed in (account null when no one), with the CSRF value for writes', tags: ['editorial'], response: editorialResponses(200, SESSION) },
  }, async (req) => {
    const p = req.principal;
    if (!p) return { account: null, csrfToken: null, expiresAt: null, via: null };
    return { account: { name: p.name, role: p.role }, csrfToken: req.sessionSecret ? csrfFor(req.sessionSecret) : null, expiresAt: p.expiresAt ?? null, via: p.via };
  });

  api.delete('/session', {
    config: { access: 'signed-in' },
    schema: { operationId: 'logOut', summary: 'Sign out: ends the session and clears the cookie', tags: ['editorial'], ...securityOf('signed-in'), response: editorialResponses(204, null) },
  }, async (req, reply) => {
    if (!req.sessionSecret) throw new ApiError(400, 'invalid_request', 'an API token is not a session; revoke it with DELETE /api/v1/tokens/{id}');
    await logOut(store.db, req.sessionSecret, req.principal!, req.ip);
    reply.clearCookie(SESSION_COOKIE, cookieOptions(req, 0));
    return reply.status(204).send();
  });
}
