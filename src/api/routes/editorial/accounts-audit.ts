/** GET /audit (reviewers and admins) and account management (admins): GET/POST /accounts, PATCH /accounts/{id}. */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../../store/open-store.js';
import type { Role } from '../../../model/roles.js';
import { readAudit } from '../../../store/editorial/audit.js';
import { listAccounts } from '../../../store/editorial/accounts.js';
import { changeAccount, createAccount } from '../../../services/editorial/accounts.js';
import { securityOf } from '../../auth.js';
import { ACCOUNT, ACCOUNT_BODY, ACCOUNT_CHANGE, AUDIT_PAGE, ID_PARAMS, editorialResponses } from '../../editorial-schemas.js';
import { arr } from '../../schemas.js';
import { actorOf } from './actor.js';

const AUDIT_QUERY = {
  type: 'object', additionalProperties: false,
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
    before: { type: 'string', pattern: '^[0-9]{1,18}$', description: 'the next value of the previous page' },
    action: { type: 'string', maxLength: 40 },
    actor: { type: 'string', maxLength: 40 },
  },
} as const;

export function registerAccountAuditRoutes(api: FastifyInstance, store: Store): void {
  api.get<{ Querystring: { limit: number; before?: string; action?: string; actor?: string } }>('/audit', {
    config: { access: 'reviewer' },
    schema: { operationId: 'listAudit', summary: 'The audit trail, newest first: every sign-in, token use, proposal, decision and account change with actor, time, before and after', tags: ['editorial'], ...securityOf('reviewer'), querystring: AUDIT_QUERY, response: editorialResponses(200, AUDIT_PAGE) },
  }, async (req) => {
    const items = await readAudit(store.db, { limit: req.query.limit, before: req.query.before, action: req.query.action, actorName: req.query.actor });
    return { items, next: items.length === req.query.limit ? items[items.length - 1]!.id : null };
  });

  api.get('/accounts', {
    config: { access: 'admin' },
    schema: { operationId: 'listAccounts', summary: 'Every account (admins)', tags: ['editorial'], ...securityOf('admin'), response: editorialResponses(200, arr(ACCOUNT)) },
  }, async () => listAccounts(store.db));

  api.post<{ Body: { name: string; role: Role; password: string } }>('/accounts', {
    config: { access: 'admin' },
    schema: { operationId: 'createAccount', summary: 'Create an account (admins)', tags: ['editorial'], ...securityOf('admin'), body: ACCOUNT_BODY, response: editorialResponses(201, ACCOUNT) },
  }, async (req, reply) => reply.status(201).send(await createAccount(store.db, req.body.name, req.body.role, req.body.password, actorOf(req))));

  api.patch<{ Params: { id: number }; Body: { role?: Role; disabled?: boolean; password?: string } }>('/accounts/:id', {
    config: { access: 'admin' },
    schema: { operationId: 'changeAccount', summary: 'Change an account\'s role, disable or enable it, or set its password (admins); its sessions end', tags: ['editorial'], ...securityOf('admin'), params: ID_PARAMS, body: ACCOUNT_CHANGE, response: editorialResponses(200, ACCOUNT) },
  }, async (req) => changeAccount(store.db, req.params.id, req.body, actorOf(req)));
}
