import type {} from '@fastify/swagger';
/** The HTTP server: JSON API under /api with one error shape, and the web app's static files. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Store } from '../store/open-store.js';
import { ApiError, errorBody } from './errors.js';
import { registerHealthRoutes, healthBody } from './routes/health.js';
import { registerEntityRoutes } from './routes/entities.js';
import { registerAnalyticsRoutes } from './routes/analytics.js';

export interface ServerOptions {
  store: Store;
  logLevel?: string;
  /** Folder of the built web app; served at / when it exists. */
  webDir?: string;
  /** Folder of the classification rules (default data/rules). */
  rulesDir?: string;
}

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logLevel && opts.logLevel !== 'silent' ? { level: opts.logLevel } : false,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, useDefaults: true, allErrors: true } },
  });

  app.setErrorHandler((err: FastifyError, _req, reply) => {
    if (err instanceof ApiError) return reply.status(err.status).send(errorBody(err.status, err.code, err.message, err.details));
    if (err.validation) {
      const details = err.validation.map((v) => {
        const params = v.params as Record<string, unknown>;
        const name = (params.missingProperty ?? params.additionalProperty ?? v.instancePath.replace(/^\//, '').replace(/\//g, '.')) as string;
        const field = `${err.validationContext ?? 'request'}${name ? `.${name}` : ''}`;
        const reason = params.additionalProperty ? `unknown parameter "${name}"` : (v.message ?? 'invalid');
        return { field, reason };
      });
      return reply.status(400).send(errorBody(400, 'invalid_request', `invalid ${details.map((d) => d.field).join(', ')}`, details));
    }
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) app.log.error(err);
    return reply.status(status).send(errorBody(status, status === 500 ? 'internal_error' : 'bad_request', status === 500 ? 'internal server error' : err.message));
  });
  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send(errorBody(404, 'not_found', `no route ${req.method} ${req.url.split('?')[0]}`));
  });

  app.get('/api/health', { schema: { hide: true } }, async () => healthBody(opts.store));
  await app.register(async (api) => {
    registerHealthRoutes(api, opts.store);
    registerEntityRoutes(api, opts.store);
    registerAnalyticsRoutes(api, opts.store, opts.rulesDir ?? 'data/rules');
  }, { prefix: '/api/v1' });

  const webDir = resolve(opts.webDir ?? 'web/dist');
  if (existsSync(webDir)) await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, index: ['index.html'] });
  return app;
}
