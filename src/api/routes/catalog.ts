/** Catalog objects as classified in a GP snapshot (who owns them, what for, which rule said so), and one object's orbit history. */
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../server-context.js';
import { MISSION_TYPES, ORBIT_REGIMES } from '../../model/kinds.js';
import { elementHistory } from '../../store/queries/catalog.js';
import { attributionCatalogs } from '../../services/analytics.js';
import { guarded } from '../analytics-errors.js';
import { COUNTRY_PARAMETER } from '../country-parameter.js';
import { ApiError } from '../errors.js';
import { DATE } from '../date-parameters.js';
import { FORMAT_PROPERTY, sendAs, tableMeta } from '../respond.js';
import { responses } from '../schemas.js';
import { CATALOG_OBJECTS_RESPONSE, ELEMENT_HISTORY_RESPONSE } from '../generated/response-schemas.js';

interface ObjectsQuery { program?: string; country?: string; missionType?: string; regime?: string; q?: string; asOf?: string; limit: number; format?: string }

export function registerCatalogRoutes(api: FastifyInstance, ctx: ServerContext): void {
  const { store } = ctx;
  api.get<{ Querystring: ObjectsQuery }>('/catalog/objects', {
    schema: { operationId: 'listCatalogObjects',
      summary: 'Objects in the GP snapshot on or before asOf, with attribution (country, operator, program, mission type, and the rule that decided each) and orbit regime',
      tags: ['analytics'],
      querystring: {
        type: 'object', additionalProperties: false,
        properties: {
          program: { type: 'string', pattern: '^program\\.[a-z0-9.-]+$' }, country: COUNTRY_PARAMETER,
          missionType: { type: 'string', enum: [...MISSION_TYPES] }, regime: { type: 'string', enum: [...ORBIT_REGIMES] },
          q: { type: 'string', minLength: 1, maxLength: 100 }, asOf: DATE,
          limit: { type: 'integer', minimum: 1, maximum: 5000, default: 500 }, ...FORMAT_PROPERTY,
        },
      },
      response: responses(CATALOG_OBJECTS_RESPONSE, true),
    },
  }, async (req, reply) => {
    const { format, ...q } = req.query;
    const { snapshot, total, items } = await guarded(() => ctx.analytics.run('catalogObjects', q));
    return sendAs(reply, format, 'catalog-objects', { snapshot, total, items }, async () => ({
      columns: ['norad_id', 'object_name', 'cospar', 'epoch', 'country', 'country_rule', 'country_code', 'operator', 'program', 'mission_type', 'mission_rule', 'kind', 'regime', 'perigee_km', 'apogee_km', 'inclination_deg'],
      rows: items.map((o) => [o.noradId, o.objectName, o.objectId, o.epoch, o.country, o.countryRule, o.countryCode, o.operator, o.program, o.missionType, o.missionRule, o.kind, o.regime, o.perigeeKm, o.apogeeKm, o.inclination]),
      meta: await tableMeta(store.db, `Catalog objects, GP snapshot of ${snapshot.asOf}`, [snapshot.sourceId, ...(await attributionCatalogs(store.db)).map((c) => c.sourceId)], snapshot.asOf),
    }));
  });

  api.get<{ Params: { norad: number } }>('/catalog/objects/:norad', {
    schema: { operationId: 'getCatalogObject',
      summary: 'One catalog object: every element set ingested for it (its orbit history), with sources',
      tags: ['analytics'], params: { type: 'object', required: ['norad'], properties: { norad: { type: 'integer', minimum: 1, maximum: 999999999 } } },
      response: responses(ELEMENT_HISTORY_RESPONSE),
    },
  }, async (req) => {
    const history = await elementHistory(store.db, req.params.norad);
    if (!history.length) throw new ApiError(404, 'not_found', `no element set for NORAD ${req.params.norad}`);
    return { noradId: req.params.norad, elementSets: history };
  });
}
