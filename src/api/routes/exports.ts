/** Whole-knowledge-base downloads. */
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../server-context.js';
import { exportKnowledgeBase } from '../../store/export-import.js';
import { KNOWLEDGE_BASE_RESPONSE } from '../generated/response-schemas.js';

export function registerExportRoutes(api: FastifyInstance, ctx: ServerContext): void {
  const { store } = ctx;
  api.get('/export/datapackage.zip', {
    schema: { operationId: 'getDataPackage', summary: 'The whole knowledge base as a Frictionless Data Package (datapackage.json with resources, schemas, sources and licences, plus one CSV per table), zipped', tags: ['exports'], response: { 200: { content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } } } } },
  }, async (_req, reply) => {
    const zip = await ctx.analytics.run('dataPackageZip', {});
    return reply.type('application/zip').header('content-disposition', 'attachment; filename="redshift-monitor-datapackage.zip"').send(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength));
  });
  api.get('/export/knowledge-base.json', {
    schema: { operationId: 'getKnowledgeBase', summary: 'The whole knowledge base as one JSON document (docs/export-format.md), as redshift-monitor export writes it', tags: ['exports'], response: { 200: { content: { 'application/json': { schema: KNOWLEDGE_BASE_RESPONSE } } } } },
  }, (_req, reply) => {
    reply.header('content-disposition', 'attachment; filename="redshift-monitor-knowledge-base.json"');
    return exportKnowledgeBase(store.db);
  });
}
