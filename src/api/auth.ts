/**
 * Who is asking, and may they: every API request is anonymous, a session (the HttpOnly cookie) or an
 * API token (Authorization: Bearer). Every route declares who may call it in its config (`access`);
 * a write route (anything but GET/HEAD) without a rule is refused at registration, so it cannot ship
 * unguarded. A cookie-authenticated write must also carry the session's CSRF value (X-CSRF-Token).
 * Token-authenticated writes are recorded in the audit trail. The check runs before the request is validated,
 * so a caller without the right learns nothing from validation errors.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { allows, type Access } from '../model/roles.js';
import { appendAudit } from '../store/editorial/audit.js';
import { csrfMatches, sessionPrincipal, tokenPrincipal, type Principal } from '../services/editorial/sessions.js';
import { ApiError } from './errors.js';

export const SESSION_COOKIE = 'rsm_session';
export const CSRF_HEADER = 'x-csrf-token';

/** One row of the route table the authorization matrix test is generated from. */
export interface RouteRule { method: string; url: string; access: Access }

declare module 'fastify' {
  interface FastifyRequest { principal: Principal | null; sessionSecret: string | null }
  interface FastifyContextConfig { access?: Access }
  interface FastifyInstance { routeRules: RouteRule[] }
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const SECURITY_SCHEMES = {
  session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: `The session cookie set by POST /api/v1/session (HttpOnly, SameSite=Strict). Writes also need the header ${CSRF_HEADER} with the session's csrfToken.` },
  bearer: { type: 'http', scheme: 'bearer', description: 'An API token (redshift-monitor tokens create NAME, or POST /api/v1/tokens): Authorization: Bearer TOKEN' },
} as const;

/** The OpenAPI security requirement of a route with this access. */
export function securityOf(access: Access): { security?: Record<string, string[]>[] } {
  return access === 'public' ? {} : { security: [{ session: [] }, { bearer: [] }] };
}

/** A route's rule, and the write routes found without one. */
export function routeAccess(route: Pick<RouteOptions, 'method' | 'url' | 'config'>): Access | undefined {
  return (route.config as { access?: Access } | undefined)?.access;
}

function isWrite(method: RouteOptions['method']): boolean {
  return (Array.isArray(method) ? method : [method]).some((m) => !READ_METHODS.has(String(m)));
}

export function requireRules(route: RouteOptions): void {
  if (isWrite(route.method) && routeAccess(route) === undefined) {
    throw new Error(`write route ${String(route.method)} ${route.url} declares no access rule (config.access)`);
  }
}

function bearerOf(req: FastifyRequest): string | null | undefined {
  const h = req.headers.authorization;
  if (h === undefined) return undefined;
  const m = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(h);
  return m ? m[1]! : null;
}

export function registerAuth(app: FastifyInstance, db: Kysely<Database>): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionSecret', null);
  const rules: RouteRule[] = [];
  app.decorate('routeRules', rules);
  app.addHook('onRoute', (route) => {
    requireRules(route);
    for (const method of Array.isArray(route.method) ? route.method : [route.method]) {
      rules.push({ method: String(method), url: route.url, access: routeAccess(route) ?? 'public' });
    }
  });
  app.addHook('preValidation', async (req: FastifyRequest, reply: FastifyReply) => {
    if (!req.url.startsWith('/api/')) return;
    const access = req.routeOptions.config?.access ?? 'public';
    const bearer = bearerOf(req);
    if (bearer === null) throw new ApiError(401, 'unauthorized', 'the Authorization header must be "Bearer TOKEN"');
    if (bearer !== undefined) {
      req.principal = await tokenPrincipal(db, bearer);
      if (!req.principal) throw new ApiError(401, 'unauthorized', 'that API token is not valid (unknown, revoked, or its account is disabled)');
      if (!READ_METHODS.has(req.method)) {
        await appendAudit(db, { actorId: req.principal.accountId, actorName: req.principal.name, address: req.ip, action: 'token.use', subject: `token:${req.principal.tokenId}`, after: { method: req.method, route: req.routeOptions.url } });
      }
    } else {
      const cookie = req.cookies[SESSION_COOKIE];
      if (cookie && cookie.length <= 100) {
        req.principal = await sessionPrincipal(db, cookie);
        if (req.principal) req.sessionSecret = cookie;
      }
      if (req.principal && !READ_METHODS.has(req.method) && access !== 'public') {
        const presented = req.headers[CSRF_HEADER];
        if (!csrfMatches(req.principal, typeof presented === 'string' ? presented : undefined)) {
          throw new ApiError(403, 'csrf', `a signed-in write needs the ${CSRF_HEADER} header with the session's csrfToken (GET /api/v1/session)`);
        }
      }
    }
    if (req.principal || access !== 'public' || req.routeOptions.url === '/api/v1/session') reply.header('cache-control', 'private, no-store');
    if (!allows(req.principal?.role ?? null, access)) {
      if (!req.principal) throw new ApiError(401, 'unauthorized', 'sign in (POST /api/v1/session) or send an API token (Authorization: Bearer TOKEN)');
      throw new ApiError(403, 'forbidden', `this needs the ${access} role; ${req.principal.name} is a ${req.principal.role}`);
    }
  });
}
