/** POST /tokens, GET /tokens, DELETE /tokens/{id}: API tokens for scripts, shown once, stored hashed, revocable. */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../../store/open-store.js';
import { createToken } from '../../../services/editorial/accounts.js';
import { revokeToken, tokenById, tokensOf } from '../../../store/editorial/credentials.js';
import { appendAudit } from '../../../store/editorial/audit.js';
import { allows } from '../../../model/roles.js';
import { securityOf } from '../../auth.js';
import { ID_PARAMS, NEW_TOKEN, TOKEN, TOKEN_BODY, editorialResponses } from '../../editorial-schemas.js';
import { arr } from '../../schemas.js';
import { ApiError } from '../../errors.js';
import { actorOf } from './actor.js';

export function registerTokenRoutes(api: FastifyInstance, store: Store): void {
  api.post<{ Body: { label: string; account?: string } }>('/tokens', {
    config: { access: 'contributor' },
    schema: { operationId: 'createToken', summary: 'Create an API token (shown once); admins may create one for another account', tags: ['editorial'], ...securityOf('contributor'), body: TOKEN_BODY, response: editorialResponses(201, NEW_TOKEN) },
  }, async (req, reply) => {
    const p = req.principal!;
    const account = req.body.account ?? p.name;
    if (account !== p.name && !allows(p.role, 'admin')) throw new ApiError(403, 'forbidden', 'only an admin creates tokens for another account');
    return reply.status(201).send(await createToken(store.db, account, req.body.label, actorOf(req)));
  });

  api.get('/tokens', {
    config: { access: 'contributor' },
    schema: { operationId: 'listTokens', summary: 'Your API tokens (never their secrets)', tags: ['editorial'], ...securityOf('contributor'), response: editorialResponses(200, arr(TOKEN)) },
  }, async (req) => (await tokensOf(store.db, req.principal!.accountId)).map(({ accountId: _a, ...t }) => t));

  api.delete<{ Params: { id: number } }>('/tokens/:id', {
    config: { access: 'contributor' },
    schema: { operationId: 'revokeToken', summary: 'Revoke an API token (your own; admins any)', tags: ['editorial'], ...securityOf('contributor'), params: ID_PARAMS, response: editorialResponses(204, null) },
  }, async (req, reply) => {
    const p = req.principal!;
    const token = await tokenById(store.db, req.params.id);
    if (!token || (token.accountId !== p.accountId && !allows(p.role, 'admin'))) throw new ApiError(404, 'not_found', `no token ${req.params.id} of yours`);
    await store.db.transaction().execute(async (trx) => {
      if (!(await revokeToken(trx, token.id, new Date().toISOString()))) throw new ApiError(409, 'conflict', `token ${token.id} is already revoked`);
      await appendAudit(trx, { actorId: p.accountId, actorName: p.name, address: req.ip, action: 'token.revoke', subject: `token:${token.id}`, before: { revoked: false }, after: { revoked: true } });
    });
    return reply.status(204).send();
  });
}
