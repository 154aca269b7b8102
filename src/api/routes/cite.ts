/** GET /api/v1/cite?url=PERMALINK&format=text|bibtex|csl-json|json: a citation of any view of the web app. */
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../server-context.js';
import { AnalyticsError, CountryParameterError } from '../../services/analytics.js';
import { MAX_PERMALINK, PermalinkError } from '../../services/permalink.js';
import { citationBibtex } from '../../analytics/citation-bibtex.js';
import { citationCsl } from '../../analytics/citation-csl.js';
import { ApiError, ERROR_SCHEMA } from '../errors.js';
import { CITATION_JSON, CSL_ITEMS, str } from '../schemas.js';

export const CITE_FORMATS = ['text', 'bibtex', 'csl-json', 'json'] as const;
type Format = (typeof CITE_FORMATS)[number];

export const CSL_JSON_TYPE = 'application/vnd.citationstyles.csl+json';

export function registerCiteRoutes(api: FastifyInstance, ctx: ServerContext): void {
  api.get<{ Querystring: { url: string; format: Format } }>('/cite', {
    schema: { operationId: 'getCitation',
      summary: 'A citation of any view of the web app (entity, statement, chart, indicator, map, segment, timeline, changes, other pages) from its permalink: product, view title, permalink, '
        + 'the data\'s as-of date and the sources behind it with the Redshift report\'s reference numbers; as text (default), BibTeX, CSL-JSON, or all three in JSON',
      tags: ['citation'],
      querystring: {
        type: 'object', required: ['url'], additionalProperties: false,
        properties: {
          url: { type: 'string', minLength: 1, maxLength: MAX_PERMALINK, examples: ['https://monitor.example.org/#/entity/org.landspace', '/#/chart/launches?from=2015'], description: 'a permalink of the web app, e.g. https://host/#/entity/org.landspace or /#/chart/launches?from=2015; a statement: #/entity/{id}?statement={statementId}; an indicator: #/?indicator={claimId}' },
          format: { type: 'string', enum: [...CITE_FORMATS], default: 'text', description: 'text (default), bibtex, csl-json (an array of one CSL item) or json (all of them with the resolved view)' },
        },
      },
      response: {
        200: {
          content: {
            'text/plain': { schema: str }, 'application/x-bibtex': { schema: str },
            [CSL_JSON_TYPE]: { schema: CSL_ITEMS }, 'application/json': { schema: CITATION_JSON },
          },
        },
        '4xx': ERROR_SCHEMA, '5xx': ERROR_SCHEMA,
      },
    },
  }, async (req, reply) => {
    const base = `${req.protocol}://${req.host}`;
    let c;
    try {
      c = await ctx.analytics.run('citation', { url: req.query.url, base, accessed: new Date().toISOString().slice(0, 10) });
    } catch (err) {
      if (err instanceof PermalinkError) {
        throw new ApiError(err.status, err.status === 404 ? 'not_found' : 'invalid_request', err.message, err.status === 400 ? [{ field: 'querystring.url', reason: err.message }] : undefined);
      }
      if (err instanceof AnalyticsError) throw new ApiError(409, 'no_data', err.message);
      if (err instanceof CountryParameterError) throw new ApiError(400, 'invalid_request', `invalid querystring.url: ${err.message}`, [{ field: 'querystring.url', reason: err.message }]);
      throw err;
    }
    switch (req.query.format) {
      case 'bibtex': return reply.type('application/x-bibtex; charset=utf-8').send(citationBibtex(c));
      case 'csl-json': return reply.type(`${CSL_JSON_TYPE}; charset=utf-8`).send(JSON.stringify(citationCsl(c), null, 2));
      case 'json': return { key: c.key, accessed: c.accessed, view: c.view, text: c.text, bibtex: citationBibtex(c), csl: citationCsl(c) };
      default: return reply.type('text/plain; charset=utf-8').send(c.text);
    }
  });
}
