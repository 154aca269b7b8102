/** Proposals: POST /proposals, GET /proposals?status=, GET /proposals/{id} (beside the current values), approve, reject. */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../../store/open-store.js';
import { allows } from '../../../model/roles.js';
import { propertiesOf, type KindName } from '../../../model/kinds.js';
import { PROPOSAL_KINDS, PROPOSAL_STATUSES, type ProposalInput, type ProposalStatus } from '../../../model/proposal.js';
import { entityKindOf, listProposals, proposalById, statementsOf, type ProposalRow } from '../../../store/editorial/proposals.js';
import { approve, propose, reject } from '../../../services/editorial/proposals.js';
import { checkProposal } from '../../../services/editorial/validate-proposal.js';
import { securityOf } from '../../auth.js';
import { ID_PARAMS, editorialResponses } from '../../editorial-schemas.js';
import { arr, int, nullable, obj, str } from '../../schemas.js';
import { ApiError } from '../../errors.js';
import { actorOf } from './actor.js';

const TEXT = (max: number) => ({ type: 'string', minLength: 1, maxLength: max });
const SCALAR = { anyOf: [{ type: 'string', maxLength: 1000 }, { type: 'number' }, { type: 'boolean' }] };

const VALUE = obj(['property', 'value'], {
  property: TEXT(60), value: SCALAR, asOf: TEXT(40), status: TEXT(20), qualifier: TEXT(20), original: TEXT(1000), note: TEXT(1000),
});

export const PROPOSAL_BODY = obj(['kind'], {
  kind: { type: 'string', enum: [...PROPOSAL_KINDS] },
  entityId: TEXT(200), entityKind: TEXT(40),
  statements: { type: 'array', items: VALUE, maxItems: 50 },
  targetStatementId: TEXT(64),
  newSource: { type: 'object', maxProperties: 20, description: 'a source record as in data/kb/sources (id, kind, title, publisher, url, published, …)' },
  cite: obj(['source', 'locator'], { source: TEXT(200), locator: { type: 'string', maxLength: 1000 } }),
  comment: { type: 'string', maxLength: 2000 },
});

const STORED = obj(['id', 'property', 'value', 'sourceId', 'status'], {
  id: str, entityId: str, property: str, value: str, sourceId: str, locator: nullable('string'), asOf: nullable('string'), status: str,
  qualifier: nullable('string'), note: nullable('string'), origin: str, originalValue: nullable('string'),
});

/** A proposal as sent (PROPOSAL_BODY, which refused any other field); a new source's fields are text, numbers or lists of text. */
const PAYLOAD = {
  ...PROPOSAL_BODY,
  description: 'the proposal as sent',
  properties: {
    ...(PROPOSAL_BODY.properties as Record<string, unknown>),
    newSource: {
      type: 'object', maxProperties: 20, description: 'a source record as in data/kb/sources (id, kind, title, publisher, url, published, …)',
      additionalProperties: { type: ['string', 'number', 'boolean', 'null', 'array'], items: { type: 'string' } },
    },
  },
};

export const PROPOSAL = obj(['id', 'kind', 'status', 'entityId', 'payload', 'proposer', 'createdAt', 'reviewer', 'decidedAt', 'decisionComment'], {
  id: int, kind: { type: 'string', enum: [...PROPOSAL_KINDS] }, status: { type: 'string', enum: [...PROPOSAL_STATUSES] }, entityId: nullable('string'),
  payload: PAYLOAD, comment: nullable('string'), proposer: str, createdAt: str,
  reviewer: nullable('string'), decidedAt: nullable('string'), decisionComment: nullable('string'),
});

const PROPOSAL_DETAIL = obj(['proposal', 'current', 'conflicts', 'problems'], {
  proposal: PROPOSAL,
  current: { ...arr(STORED), description: 'the statements of the proposal\'s entity and properties today' },
  conflicts: { ...arr(STORED), description: 'current statements of a single-valued property with another value than the proposed one' },
  problems: { ...arr(obj(['field', 'reason'], { field: str, reason: str })), description: 'for an open proposal: why it would not be approved now (empty when it would)' },
});

const LIST_QUERY = {
  type: 'object', additionalProperties: false,
  properties: {
    status: { type: 'string', enum: [...PROPOSAL_STATUSES] },
    mine: { type: 'string', enum: ['1', 'true'], description: 'only your own proposals (contributors always see only theirs)' },
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
    before: { type: 'integer', minimum: 1, description: 'the next value of the previous page' },
  },
} as const;

const DECISION = obj([], { comment: { type: 'string', maxLength: 2000 } });

function publicRow({ proposerId: _p, ...rest }: ProposalRow) {
  return rest;
}

export function registerProposalRoutes(api: FastifyInstance, store: Store): void {
  api.post<{ Body: ProposalInput }>('/proposals', {
    config: { access: 'contributor' },
    schema: { operationId: 'createProposal', summary: 'Propose a new statement, a changed value (supersedes the old), a retraction, a new entity or a new source; a source is mandatory', tags: ['editorial'], ...securityOf('contributor'), body: PROPOSAL_BODY, response: editorialResponses(201, PROPOSAL) },
  }, async (req, reply) => {
    const p = req.principal!;
    return reply.status(201).send(publicRow(await propose(store.db, req.body, { ...actorOf(req), accountId: p.accountId })));
  });

  api.get<{ Querystring: { status?: ProposalStatus; mine?: string; limit: number; before?: number } }>('/proposals', {
    config: { access: 'contributor' },
    schema: { operationId: 'listProposals', summary: 'Proposals, newest first: reviewers see all, contributors their own', tags: ['editorial'], ...securityOf('contributor'), querystring: LIST_QUERY, response: editorialResponses(200, obj(['items', 'next'], { items: arr(PROPOSAL), next: nullable('integer') })) },
  }, async (req) => {
    const p = req.principal!;
    const onlyMine = req.query.mine !== undefined || !allows(p.role, 'reviewer');
    const items = await listProposals(store.db, { status: req.query.status, proposerId: onlyMine ? p.accountId : undefined, limit: req.query.limit, before: req.query.before });
    return { items: items.map(publicRow), next: items.length === req.query.limit ? items[items.length - 1]!.id : null };
  });

  api.get<{ Params: { id: number } }>('/proposals/:id', {
    config: { access: 'contributor' },
    schema: { operationId: 'getProposal', summary: 'One proposal beside the current values of what it changes, with conflicts and, while open, any problem approval would meet', tags: ['editorial'], ...securityOf('contributor'), params: ID_PARAMS, response: editorialResponses(200, PROPOSAL_DETAIL) },
  }, async (req) => {
    const p = req.principal!;
    const row = await proposalById(store.db, req.params.id);
    if (!row || (row.proposerId !== p.accountId && !allows(p.role, 'reviewer'))) throw new ApiError(404, 'not_found', `no proposal ${req.params.id} you can see`);
    const props = new Set((row.payload.statements ?? []).map((s) => s.property));
    const current = row.entityId ? (await statementsOf(store.db, row.entityId)).filter((s) => props.has(s.property) || s.id === row.payload.targetStatementId) : [];
    const checked = row.status === 'open' ? await checkProposal(store.db, row.payload) : null;
    const proposed = checked?.ok ? checked.plan.statements : [];
    const kind = row.entityId ? (await entityKindOf(store.db, [row.entityId])).get(row.entityId) as KindName | undefined : undefined;
    const single = (property: string) => !!kind && !propertiesOf(kind)[property]?.multiple;
    const conflicts = current.filter((c) => c.status !== 'superseded' && c.id !== row.payload.targetStatementId
      && proposed.some((n) => n.property === c.property && n.value !== c.value && single(c.property)));
    return { proposal: publicRow(row), current, conflicts, problems: checked && !checked.ok ? checked.errors : [] };
  });

  api.post<{ Params: { id: number }; Body: { comment?: string } }>('/proposals/:id/approve', {
    config: { access: 'reviewer' },
    schema: { operationId: 'approveProposal', summary: 'Approve (not your own): writes it in one transaction with who proposed and approved', tags: ['editorial'], ...securityOf('reviewer'), params: ID_PARAMS, body: DECISION, response: editorialResponses(200, PROPOSAL) },
  }, async (req) => publicRow(await approve(store.db, req.params.id, req.body?.comment ?? null, { ...actorOf(req), accountId: req.principal!.accountId })));

  api.post<{ Params: { id: number }; Body: { comment?: string } }>('/proposals/:id/reject', {
    config: { access: 'reviewer' },
    schema: { operationId: 'rejectProposal', summary: 'Reject with a comment', tags: ['editorial'], ...securityOf('reviewer'), params: ID_PARAMS, body: DECISION, response: editorialResponses(200, PROPOSAL) },
  }, async (req) => publicRow(await reject(store.db, req.params.id, req.body?.comment ?? null, { ...actorOf(req), accountId: req.principal!.accountId })));
}

