/** The analytics over HTTP: the same services the CLI calls. */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/open-store.js';
import { AnalyticsError, constellationsAnalytic, launchesAnalytic, loadRules, spacecraftAnalytic, tiangongAnalytic } from '../../services/analytics.js';
import { ApiError } from '../errors.js';

const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const query = (properties: Record<string, unknown>) => ({ type: 'object', additionalProperties: false, properties } as const);

export function registerAnalyticsRoutes(api: FastifyInstance, store: Store, rulesDir: string): void {
  const run = async <T>(compute: () => Promise<T>): Promise<T> => {
    try {
      return await compute();
    } catch (err) {
      if (err instanceof AnalyticsError) throw new ApiError(409, 'no_data', err.message);
      throw err;
    }
  };
  api.get<{ Querystring: { country?: string; from?: number; asOf?: string } }>('/analytics/launches', {
    schema: {
      summary: 'Figure 7: orbital launches per year by launching country (GCAT LVState) and outcome; China split into state and commercial providers',
      querystring: query({ country: { type: 'string', pattern: '^[A-Z]{1,3}$' }, from: { type: 'integer', minimum: 1957, maximum: 2200 }, asOf: DATE }),
    },
  }, (req) => run(() => launchesAnalytic(store.db, loadRules(rulesDir), { country: req.query.country, fromYear: req.query.from, asOf: req.query.asOf })));

  api.get<{ Querystring: { country?: string; asOf?: string; objects?: boolean } }>('/analytics/spacecraft', {
    schema: {
      summary: 'Figure 8: operational spacecraft of a country by mission type and orbit regime, in the GP snapshot on or before asOf',
      querystring: query({ country: { type: 'string', pattern: '^[A-Z]{2}$', default: 'CN' }, asOf: DATE, objects: { type: 'boolean', default: false } }),
    },
  }, (req) => run(() => spacecraftAnalytic(store.db, loadRules(rulesDir), req.query)));

  api.get<{ Querystring: { asOf?: string } }>('/analytics/constellations', {
    schema: { summary: 'Constellations: deployed per snapshot vs planned, 90-day rate, projected completion, ITU milestones', querystring: query({ asOf: DATE }) },
  }, (req) => run(() => constellationsAnalytic(store.db, loadRules(rulesDir), req.query)));

  api.get<{ Querystring: { asOf?: string; at?: string } }>('/analytics/tiangong', {
    schema: { summary: 'Tiangong now: orbit, altitude, and co-orbiting vehicles in the catalog', querystring: query({ asOf: DATE, at: { type: 'string', format: 'date-time' } }) },
  }, (req) => run(() => tiangongAnalytic(store.db, { asOf: req.query.asOf, at: req.query.at ? new Date(req.query.at) : undefined })));
}
