/** The HTTP server: the versioned JSON API under /api/v1 with one error shape, its OpenAPI document, and the web app. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifyCors from '@fastify/cors';
import fastifyCompress from '@fastify/compress';
import type { CorsOrigins } from '../config/settings.js';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import { EditorialError } from '../services/editorial/accounts.js';
import { LoginThrottle } from '../services/editorial/login-throttle.js';
import { SECURITY_SCHEMES, registerAuth } from './auth.js';
import { CONTENT_SECURITY_POLICY } from './security-headers.js';
import { registerSessionRoutes } from './routes/editorial/session.js';
import { registerTokenRoutes } from './routes/editorial/tokens.js';
import { registerAccountAuditRoutes } from './routes/editorial/accounts-audit.js';
import { registerProposalRoutes } from './routes/editorial/proposals.js';
import { registerWatchlistRoutes } from './routes/editorial/watchlists.js';
import type { Store } from '../store/open-store.js';
import { createServerContext, type ServerContext } from './server-context.js';
import { ApiError, errorBody, oneReasonPerField } from './errors.js';
import { registerHttpCache } from './http-cache.js';
import { registerResponseCache } from './response-cache.js';
import { MAX_BODY_BYTES, MAX_PATH_PARAMETER, MAX_URL_LENGTH, boundRoute } from './request-bounds.js';
import { registerHealthRoutes, healthBody } from './routes/health.js';
import { registerEntityRoutes } from './routes/entities.js';
import { registerSearchRoutes } from './routes/search.js';
import { registerAnalyticsRoutes } from './routes/analytics.js';
import { registerCatalogueRoutes } from './routes/sources-series.js';
import { registerViewRoutes } from './routes/views.js';
import { registerGeoRoutes } from './routes/geo.js';
import { registerChangeRoutes } from './routes/changes.js';
import { registerExportRoutes } from './routes/exports.js';
import { registerCatalogRoutes } from './routes/catalog.js';
import { registerTableRoutes } from './routes/tables.js';
import { registerCiteRoutes } from './routes/cite.js';
import { registerSafetyRoutes } from './routes/safety.js';

export interface ServerOptions {
  store: Store;
  logLevel?: string;
  /** Folder of the built web app; served at / when it exists. */
  webDir?: string;
  /** Folder of the classification rules (default data/rules). */
  rulesDir?: string;
  /** Web origins allowed to read the API from a browser: '*' (the default), a list, or [] for no CORS headers. */
  corsOrigins?: CorsOrigins;
  /** The routes' context, when the caller built it (serve: analytics in a worker); else one is built here with analytics in this thread. */
  context?: ServerContext;
  /** Sign-in throttling (default: 5 free failures per name and per address, then a doubling wait). */
  loginThrottle?: LoginThrottle;
}

/** Response headers a browser script may read on a cross-origin response (beyond the CORS-safelisted ones). */
const EXPOSED_HEADERS = ['ETag', 'Last-Modified', 'Link', 'Content-Disposition', 'Vary'];

/** The methods to look for when a path exists but not for the request's method (405 with Allow). */
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export const API_VERSION = '1.0.0';

const CLIENT_ERROR_CODES: Record<number, string> = { 405: 'method_not_allowed', 406: 'not_acceptable', 413: 'payload_too_large', 414: 'uri_too_long', 415: 'unsupported_media_type' };

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logLevel && opts.logLevel !== 'silent' ? { level: opts.logLevel } : false,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, useDefaults: true, allErrors: true } },
    bodyLimit: MAX_BODY_BYTES,
    routerOptions: { maxParamLength: MAX_PATH_PARAMETER },
    frameworkErrors: (err, _req, reply) => {
      const tooLong = err.code === 'FST_ERR_MAX_PARAM_LENGTH';
      const status: number = tooLong ? 414 : 400;
      const reason = tooLong ? `a path segment is longer than ${MAX_PATH_PARAMETER} characters` : 'not valid percent-encoded UTF-8';
      (reply as FastifyReply).status(status).send(errorBody(status, tooLong ? 'uri_too_long' : 'invalid_request', `invalid path: ${reason}`, [{ field: 'path', reason }]));
    },
  });
  // Response schemas document the contract (a test validates real bodies against them); they never
  // reshape a body, so a field the schema lacks is a failing test rather than a silently dropped value.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.addHook('onRoute', boundRoute);
  app.addHook('onRequest', (req, reply, done) => {
    if (req.url.length <= MAX_URL_LENGTH) return done();
    reply.status(414).send(errorBody(414, 'uri_too_long', `the URL is longer than ${MAX_URL_LENGTH} characters`));
  });

  app.setErrorHandler((err: FastifyError, _req, reply) => {
    if (err instanceof ApiError) return reply.status(err.status).send(errorBody(err.status, err.code, err.message, err.details));
    if (err instanceof EditorialError) {
      const retry = err.status === 429 ? err.details?.find((d) => d.field === 'retryAfter')?.reason : undefined;
      if (retry) reply.header('retry-after', retry);
      return reply.status(err.status).send(errorBody(err.status, err.code, err.message, err.details));
    }
    if (err.validation) {
      const details = oneReasonPerField(err.validation.map((v) => {
        const params = v.params as Record<string, unknown>;
        const name = (params.missingProperty ?? params.additionalProperty ?? v.instancePath.replace(/^\//, '').replace(/\//g, '.')) as string;
        const field = `${err.validationContext ?? 'request'}${name ? `.${name}` : ''}`;
        const reason = params.additionalProperty ? `unknown parameter "${name}"` : (v.message ?? 'invalid');
        return { field, reason };
      }));
      return reply.status(400).send(errorBody(400, 'invalid_request', `invalid ${details.map((d) => d.field).join(', ')}`, details));
    }
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) app.log.error(err);
    return reply.status(status).send(errorBody(status, status === 500 ? 'internal_error' : CLIENT_ERROR_CODES[status] ?? 'bad_request', status === 500 ? 'internal server error' : err.message.slice(0, 300)));
  });
  const corsOrigins = opts.corsOrigins ?? '*';
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0]!;
    const allowed = METHODS.filter((method) => app.findRoute({ method, url: path }) !== null);
    if (allowed.length > 0) {
      const allow = [...allowed, ...(corsOrigins.length > 0 ? ['OPTIONS'] : [])].join(', ');
      return reply.status(405).header('allow', allow).send(errorBody(405, 'method_not_allowed', `${req.method} is not allowed on ${path.length > 200 ? `${path.slice(0, 200)}…` : path}; allowed: ${allow}`));
    }
    return reply.status(404).send(errorBody(404, 'not_found', `no route ${req.method} ${path.length > 200 ? `${path.slice(0, 200)}…` : path}`));
  });

  // Writes take JSON only: a cross-site form (text/plain, urlencoded, multipart) cannot reach a write route.
  app.removeContentTypeParser('text/plain');
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
  });
  await app.register(fastifyCookie);
  registerAuth(app, opts.store.db);
  // The response cache keeps the handler's own body: its onSend hook comes before the ETag's and compression's.
  const responseCache = registerResponseCache(app, opts.store.db);
  // The ETag hook comes before compression, so it hashes the uncompressed body (one weak tag for every coding).
  registerHttpCache(app, opts.store.db);
  await app.register(fastifyCompress, { global: true, encodings: ['br', 'gzip'], threshold: 1024 });
  if (corsOrigins.length > 0) {
    await app.register(fastifyCors, { origin: corsOrigins, methods: ['GET', 'HEAD'], exposedHeaders: EXPOSED_HEADERS, strictPreflight: false, maxAge: 86400 });
  }
  // Cached responses are looked up after CORS has set its headers on the reply.
  responseCache.serve();

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Redshift Monitor API', version: API_VERSION,
        description: 'Sourced data on China\'s commercial and civil space enterprise. Every value carries its source; errors have one shape: {"error": {"status", "code", "message", "details"?}}. GET responses carry a weak ETag and Last-Modified; conditional requests get 304 (If-None-Match compared weakly, lists and * accepted). Responses are compressed (br, gzip); reads are open to other origins (CORS); a wrong method gets 405 with Allow. CSV (format=csv or Accept: text/csv) is a header row and the rows; its sources, licence and as-of date are at its Link rel="describedby" (format=csv-metadata).',
        license: { name: 'MIT (code); data under the terms of each cited source', identifier: 'MIT' },
      },
      servers: [{ url: '/' }],
      components: { securitySchemes: SECURITY_SCHEMES },
    },
  });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, () => app.swagger());
  await app.register(fastifySwaggerUi, { routePrefix: '/api/v1/docs', staticCSP: true });

  app.get('/api/health', { schema: { hide: true } }, async () => healthBody(opts.store));
  const ctx = opts.context ?? await createServerContext(opts.store, opts.rulesDir ?? 'data/rules');
  app.addHook('onClose', () => ctx.analytics.close());
  const throttle = opts.loginThrottle ?? new LoginThrottle();
  await app.register(async (api) => {
    registerHealthRoutes(api, opts.store);
    registerEntityRoutes(api, opts.store);
    registerSearchRoutes(api, opts.store);
    registerCatalogueRoutes(api, opts.store);
    registerViewRoutes(api, ctx);
    registerAnalyticsRoutes(api, ctx);
    registerSafetyRoutes(api, ctx);
    registerGeoRoutes(api, ctx);
    registerChangeRoutes(api, ctx);
    registerExportRoutes(api, ctx);
    registerCatalogRoutes(api, ctx);
    registerTableRoutes(api, opts.store, ctx.analytics);
    registerCiteRoutes(api, ctx);
    registerSessionRoutes(api, opts.store, throttle);
    registerTokenRoutes(api, opts.store);
    registerAccountAuditRoutes(api, opts.store);
    registerProposalRoutes(api, opts.store);
    registerWatchlistRoutes(api, opts.store, ctx.analytics);
  }, { prefix: '/api/v1' });

  const webDir = resolve(opts.webDir ?? 'web/dist');
  if (existsSync(webDir)) await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, index: ['index.html'], preCompressed: true });
  return app;
}
