/**
 * Space safety over HTTP: conjunction screening of a GP snapshot (each run in a worker thread, results memoised),
 * the reentry watch, maneuver detection over the element-set history and the GEO belt view (in the analytics worker).
 */
import { SAFETY_EVENT_KINDS, type SafetyEventKind } from '../../analytics/safety-events.js';
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../server-context.js';
import { guarded } from '../analytics-errors.js';
import { maneuversTable, geoBeltTable } from '../../analytics/maneuvers/table.js';
import { MAX_MANEUVER_OBJECTS } from '../../services/maneuvers.js';
import { reentriesTable } from '../../analytics/reentry/table.js';
import { DEFAULT_REENTRY_DAYS, MAX_REENTRY_DAYS } from '../../services/reentries.js';
import { AnalyticsError, CountryParameterError } from '../../services/analytics.js';
import { MAX_PRIMARIES, MAX_SCREEN_DAYS, MAX_THRESHOLD_KM, SCREEN_KINDS, ScreenParameterError } from '../../services/conjunctions.js';
import { conjunctionsTable } from '../../analytics/conjunctions/table.js';
import type { ObjectKind } from '../../analytics/attribution.js';
import { ApiError } from '../errors.js';
import { DATE } from '../date-parameters.js';
import { COUNTRY_PARAMETER, countryParameterError } from '../country-parameter.js';
import { FORMAT_PROPERTY, flatToTable, sendAs } from '../respond.js';
import { responses } from '../schemas.js';
import { CONJUNCTIONS_RESPONSE, ENTITY_SAFETY_RESPONSE, GEO_BELT_RESPONSE, MANEUVERS_RESPONSE, REENTRIES_RESPONSE } from '../generated/response-schemas.js';
import { getEntity } from '../../store/queries/entities.js';

interface Query { primary?: string; country?: string; kinds?: string; start?: string; days?: number; thresholdKm?: number; asOf?: string; format?: string }

const split = (s: string | undefined): string[] | undefined => s?.split(',').map((x) => x.trim()).filter(Boolean);

export function registerSafetyRoutes(api: FastifyInstance, ctx: ServerContext): void {
  const db = ctx.store.db;
  const analytics = ctx.analytics;
  api.get<{ Querystring: Query }>('/safety/conjunctions', {
    schema: { operationId: 'getConjunctions',
      summary: 'Conjunction screening: close approaches of primaries (NORAD IDs, or a country\'s objects by kind) to every object of a GP snapshot over a window, by SGP4/SDP4; TCA, miss distance, relative speed, radial/in-track/cross-track, element sets and ages; docked stacks and formation flyers grouped. Runs in a worker; memoised per snapshot and parameters.',
      tags: ['safety'],
      querystring: { type: 'object', additionalProperties: false, properties: {
        primary: { type: 'string', pattern: '^[0-9]{1,9}(,[0-9]{1,9})*$', maxLength: 10 * MAX_PRIMARIES, description: 'comma-separated NORAD catalog numbers, e.g. 48274 (the station)' },
        country: COUNTRY_PARAMETER,
        kinds: { type: 'string', pattern: `^(${SCREEN_KINDS.join('|')})(,(${SCREEN_KINDS.join('|')}))*$`, description: 'with country: object kinds to screen (default payload)' },
        start: { type: 'string', format: 'date-time', description: 'window start, RFC 3339 UTC (default: the snapshot date at 00:00 UTC)' },
        days: { type: 'number', exclusiveMinimum: 0, maximum: MAX_SCREEN_DAYS, default: 7 },
        thresholdKm: { type: 'number', exclusiveMinimum: 0, maximum: MAX_THRESHOLD_KM, default: 5 },
        asOf: DATE,
        ...FORMAT_PROPERTY,
      } },
      response: responses(CONJUNCTIONS_RESPONSE, true),
    },
  }, async (req, reply) => {
    const q = req.query;
    let report;
    try {
      // In the analytics worker, which parsed the rules once; the screening runs in a worker of its own.
      report = await analytics.run('conjunctions', {
        primaries: split(q.primary)?.map(Number), country: q.country, kinds: split(q.kinds) as ObjectKind[] | undefined,
        start: q.start ? new Date(q.start).toISOString() : undefined, days: q.days, thresholdKm: q.thresholdKm, asOf: q.asOf,
      });
    } catch (err) {
      if (err instanceof ScreenParameterError) {
        const field = `querystring.${err.parameter}`;
        throw new ApiError(400, 'invalid_request', `invalid ${field}`, [{ field, reason: err.message }]);
      }
      if (err instanceof CountryParameterError) throw countryParameterError(err.message);
      if (err instanceof AnalyticsError) throw new ApiError(409, 'no_data', err.message);
      throw err;
    }
    const r = report;
    return sendAs(reply, q.format, 'conjunctions', r, () => flatToTable(db, 'Conjunction screening', conjunctionsTable(r, r.snapshot.sourceId, r.staleness ? `${r.staleness} ${r.method}` : r.method), r.snapshot.asOf));
  });

  api.get<{ Querystring: { country?: string; days?: number; asOf?: string; format?: string } }>('/safety/reentries', {
    schema: { operationId: 'getReentries',
      summary: 'Reentry watch: objects of a GP snapshot whose element sets show decay, with a modelled reentry window (circular-orbit drag decay fitted to the mean-motion rate), the element sets used and their ages, Chinese rocket bodies and large objects (SATCAT RCS) flagged; with the backtest of the model on the snapshot before. Runs in the analytics worker.',
      tags: ['safety'],
      querystring: { type: 'object', additionalProperties: false, properties: {
        country: COUNTRY_PARAMETER,
        days: { type: 'number', exclusiveMinimum: 0, maximum: MAX_REENTRY_DAYS, default: DEFAULT_REENTRY_DAYS, description: 'horizon: candidates whose central estimate falls within this many days of the snapshot date' },
        asOf: DATE,
        ...FORMAT_PROPERTY,
      } },
      response: responses(REENTRIES_RESPONSE, true),
    },
  }, async (req, reply) => {
    const r = await guarded(() => analytics.run('reentries', { country: req.query.country, days: req.query.days, asOf: req.query.asOf }));
    return sendAs(reply, req.query.format, 'reentries', r, () => flatToTable(db, 'Reentry watch', reentriesTable(r, r.snapshot.sourceId), r.snapshot.asOf));
  });

  api.get<{ Params: { id: string }; Querystring: { kinds?: string } }>('/entities/:id/safety', {
    schema: { operationId: 'getEntitySafety',
      summary: 'The safety events of an entity\'s catalog objects (its NORAD number, or the objects the counting rules attribute to a program): close approaches in the 7 days from the snapshot date (5 km), reentry-watch candidates (90 days) and maneuvers, each with the element sets used, their epochs and ages, and the snapshot. kinds= limits the answer to some kinds (the others are not computed: close approaches are the costly part). Runs in the analytics worker; memoised per snapshot.',
      tags: ['safety'],
      params: { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[a-z]+\\.[a-z0-9.-]+$', maxLength: 200 } } },
      querystring: {
        type: 'object', additionalProperties: false,
        properties: {
          kinds: {
            type: 'string', pattern: `^(${SAFETY_EVENT_KINDS.join('|')})(,(${SAFETY_EVENT_KINDS.join('|')})){0,${SAFETY_EVENT_KINDS.length - 1}}$`,
            description: `event kinds to compute, separated by commas (default all: ${SAFETY_EVENT_KINDS.join(', ')})`, examples: ['reentry-watch,maneuver'],
          },
        },
      },
      response: responses(ENTITY_SAFETY_RESPONSE),
    },
  }, async (req) => {
    if (!await getEntity(db, req.params.id)) throw new ApiError(404, 'not_found', `no entity "${req.params.id}"`);
    const kinds = req.query.kinds?.split(',') as SafetyEventKind[] | undefined;
    return guarded(() => analytics.run('entitySafety', { id: req.params.id, kinds }));
  });

  registerManeuverRoutes(api, ctx);
}

const snapshotSources = (r: { snapshots: { sourceId: string }[] }): string[] => [...new Set(r.snapshots.map((s) => s.sourceId))];

function registerManeuverRoutes(api: FastifyInstance, ctx: ServerContext): void {
  const { analytics, store: { db } } = ctx;
  api.get<{ Querystring: { norad?: string; country?: string; asOf?: string; format?: string } }>('/safety/maneuvers', {
    schema: { operationId: 'getManeuvers',
      summary: 'Maneuvers detected between consecutive element sets of each object (GP snapshots up to asOf): changes of semi-major axis, inclination and eccentricity beyond drag and the per-regime allowances, GEO longitude and drift-rate changes; each with the two element sets, their epochs, sources and ages, the interval and the rule that fired',
      tags: ['safety'],
      querystring: { type: 'object', additionalProperties: false, properties: {
        norad: { type: 'string', pattern: '^[0-9]{1,9}(,[0-9]{1,9})*$', maxLength: 10 * MAX_MANEUVER_OBJECTS, description: 'comma-separated NORAD catalog numbers (instead of a country)' },
        country: { ...COUNTRY_PARAMETER, default: 'CN' },
        asOf: DATE,
        ...FORMAT_PROPERTY,
      } },
      response: responses(MANEUVERS_RESPONSE, true),
    },
  }, async (req, reply) => {
    const q = req.query;
    const norad = split(q.norad)?.map(Number);
    if (norad && new Set(norad).size > MAX_MANEUVER_OBJECTS) {
      throw new ApiError(400, 'invalid_request', 'invalid querystring.norad', [{ field: 'querystring.norad', reason: `at most ${MAX_MANEUVER_OBJECTS} objects` }]);
    }
    const r = await guarded(() => analytics.run('maneuvers', { norad, country: q.country, asOf: q.asOf }));
    return sendAs(reply, q.format, 'maneuvers', r, () => flatToTable(db, 'Maneuvers detected between consecutive element sets',
      maneuversTable(r.detections, snapshotSources(r), [r.selection, r.method]), r.snapshot.asOf));
  });

  api.get<{ Querystring: { country?: string; asOf?: string; format?: string } }>('/safety/geo-belt', {
    schema: { operationId: 'getGeoBelt',
      summary: 'GEO belt: a country\'s objects with an element set in the GEO regime, the mean geographic longitude and drift rate at each element set\'s epoch (GP snapshots up to asOf), and the maneuvers and relocations detected between them',
      tags: ['safety'],
      querystring: { type: 'object', additionalProperties: false, properties: { country: { ...COUNTRY_PARAMETER, default: 'CN' }, asOf: DATE, ...FORMAT_PROPERTY } },
      response: responses(GEO_BELT_RESPONSE, true),
    },
  }, async (req, reply) => {
    const q = req.query;
    const r = await guarded(() => analytics.run('geoBelt', { country: q.country, asOf: q.asOf }));
    return sendAs(reply, q.format, 'geo-belt', r, () => flatToTable(db, 'GEO belt: mean longitude and drift per element set',
      geoBeltTable(r.objects, snapshotSources(r), [r.selection, r.definition]), r.snapshot.asOf));
  });
}
