/** The analytics over HTTP (JSON, or CSV of exactly what the chart draws): the same services the CLI calls. */
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../server-context.js';
import { guarded } from '../analytics-errors.js';
import { constellationsTable, launchesTable, spacecraftTable, tiangongTable } from '../../analytics/tables.js';
import { DATE, instantOf } from '../date-parameters.js';
import { COUNTRY_PARAMETER } from '../country-parameter.js';
import { FORMAT_PROPERTY, flatToTable, sendAs } from '../respond.js';
import { responses } from '../schemas.js';
import { CONSTELLATIONS_RESPONSE, LAUNCHES_RESPONSE, SPACECRAFT_RESPONSE, TIANGONG_RESPONSE } from '../generated/response-schemas.js';

const query = (properties: Record<string, unknown>) => ({ type: 'object', additionalProperties: false, properties: { ...properties, ...FORMAT_PROPERTY } } as const);

export function registerAnalyticsRoutes(api: FastifyInstance, ctx: ServerContext): void {
  const { analytics, store: { db } } = ctx;
  api.get<{ Querystring: { country?: string; from?: number; asOf?: string; format?: string } }>('/analytics/launches', {
    schema: { operationId: 'getLaunches',
      summary: 'Figure 7: orbital launches per year by launching country (GCAT LVState as ISO 3166-1 alpha-2 or a named group) and outcome; China split into state and commercial providers; coverage stated',
      tags: ['analytics'],
      querystring: query({ country: COUNTRY_PARAMETER, from: { type: 'integer', minimum: 1957, maximum: 2200 }, asOf: DATE }),
      response: responses(LAUNCHES_RESPONSE, true),
    },
  }, async (req, reply) => {
    const f = await guarded(() => analytics.run('launches', { country: req.query.country, fromYear: req.query.from, asOf: req.query.asOf }));
    return sendAs(reply, req.query.format, 'launches', f, () => flatToTable(db, f.title, launchesTable(f), f.coverage.to));
  });

  api.get<{ Querystring: { country?: string; asOf?: string; objects?: boolean; format?: string } }>('/analytics/spacecraft', {
    schema: { operationId: 'getSpacecraft',
      summary: 'Figure 8: operational spacecraft of a country by mission type and orbit regime, in the GP snapshot on or before asOf (objects=true lists each with the rules that attributed it)',
      tags: ['analytics'],
      querystring: query({ country: { ...COUNTRY_PARAMETER, default: 'CN' }, asOf: DATE, objects: { type: 'boolean', default: false } }),
      response: responses(SPACECRAFT_RESPONSE, true),
    },
  }, async (req, reply) => {
    const f = await guarded(() => analytics.run('spacecraft', req.query));
    return sendAs(reply, req.query.format, 'spacecraft', f, () => flatToTable(db, f.title, spacecraftTable(f), f.snapshot.asOf));
  });

  api.get<{ Querystring: { asOf?: string; format?: string } }>('/analytics/constellations', {
    schema: { operationId: 'getConstellations',
      summary: 'Constellations: deployed per GP snapshot vs planned, 90-day deployment rate, completion date at that rate, ITU milestones (sourced rule); the catalog count beside the latest reported count with a discrepancy flag and likely causes, the matched objects and near-miss names',
      tags: ['analytics'], querystring: query({ asOf: DATE }),
      response: responses(CONSTELLATIONS_RESPONSE, true),
    },
  }, async (req, reply) => {
    const c = await guarded(() => analytics.run('constellations', req.query));
    return sendAs(reply, req.query.format, 'constellations', c, () => flatToTable(db, 'Constellation deployment vs plan', constellationsTable(c.constellations), c.asOf));
  });

  api.get<{ Querystring: { asOf?: string; at?: string; format?: string } }>('/analytics/tiangong', {
    schema: { operationId: 'getTiangong',
      summary: 'Tiangong now: orbit, altitude and the docked or co-orbiting vehicles in the catalog',
      tags: ['analytics'], querystring: query({ asOf: DATE, at: { type: 'string', format: 'date-time', description: 'an RFC 3339 date-time (default now)' } }),
      response: responses(TIANGONG_RESPONSE, true),
    },
  }, async (req, reply) => {
    const t = await guarded(() => analytics.run('tiangong', { asOf: req.query.asOf, at: req.query.at ? instantOf('querystring.at', req.query.at) : undefined }));
    return sendAs(reply, req.query.format, 'tiangong', t, () => flatToTable(db, 'Tiangong and co-orbiting objects', tiangongTable(t), t.snapshot.asOf));
  });
}
