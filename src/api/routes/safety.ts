/** Space safety over HTTP: conjunction screening of a GP snapshot (each run in a worker thread, results memoised). */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/open-store.js';
import type { AnalyticsRunner } from '../../services/analytics-runner.js';
import { guarded } from '../analytics-errors.js';
import { reentriesTable } from '../../analytics/reentry/table.js';
import { DEFAULT_REENTRY_DAYS, MAX_REENTRY_DAYS } from '../../services/reentries.js';
import { AnalyticsError, CountryParameterError, loadRules } from '../../services/analytics.js';
import { conjunctionReport, MAX_PRIMARIES, MAX_SCREEN_DAYS, MAX_THRESHOLD_KM, SCREEN_KINDS, ScreenParameterError } from '../../services/conjunctions.js';
import { workerRunner } from '../../services/screen-runners.js';
import { conjunctionsTable } from '../../analytics/conjunctions/table.js';
import type { ObjectKind } from '../../analytics/attribution.js';
import { ApiError } from '../errors.js';
import { DATE } from '../date-parameters.js';
import { COUNTRY_PARAMETER, countryParameterError } from '../country-parameter.js';
import { FORMAT_PROPERTY, flatToTable, sendAs } from '../respond.js';
import { responses } from '../schemas.js';
import { CONJUNCTIONS_RESPONSE, ENTITY_SAFETY_RESPONSE, REENTRIES_RESPONSE } from '../generated/response-schemas.js';
import { getEntity } from '../../store/queries/entities.js';

interface Query { primary?: string; country?: string; kinds?: string; start?: string; days?: number; thresholdKm?: number; asOf?: string; format?: string }

const split = (s: string | undefined): string[] | undefined => s?.split(',').map((x) => x.trim()).filter(Boolean);

export function registerSafetyRoutes(api: FastifyInstance, store: Store, rulesDir: string, analytics: AnalyticsRunner): void {
  const db = store.db;
  const run = workerRunner();
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
      report = await conjunctionReport(db, loadRules(rulesDir), {
        primaries: split(q.primary)?.map(Number), country: q.country, kinds: split(q.kinds) as ObjectKind[] | undefined,
        start: q.start ? new Date(q.start).toISOString() : undefined, days: q.days, thresholdKm: q.thresholdKm, asOf: q.asOf,
      }, run);
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
    return sendAs(reply, q.format, 'conjunctions', r, () => flatToTable(db, 'Conjunction screening', conjunctionsTable(r, r.snapshot.sourceId, r.method), r.snapshot.asOf));
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

  api.get<{ Params: { id: string } }>('/entities/:id/safety', {
    schema: { operationId: 'getEntitySafety',
      summary: 'The safety events of an entity\'s catalog objects (its NORAD number, or the objects the counting rules attribute to a program): upcoming close approaches (7 days from the snapshot date, 5 km) and reentry-watch candidates (90 days), each with the element sets used, their epochs and ages, and the snapshot. Runs in the analytics worker; memoised per snapshot.',
      tags: ['safety'],
      params: { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[a-z]+\\.[a-z0-9.-]+$', maxLength: 200 } } },
      response: responses(ENTITY_SAFETY_RESPONSE),
    },
  }, async (req) => {
    if (!await getEntity(db, req.params.id)) throw new ApiError(404, 'not_found', `no entity "${req.params.id}"`);
    return guarded(() => analytics.run('entitySafety', { id: req.params.id }));
  });
}
