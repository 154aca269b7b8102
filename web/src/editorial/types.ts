/** The editorial API's bodies, read from the generated contract types (docs/openapi.json has the full schemas). */
import type { ReplyOf } from './session.ts';

export type ProposalDetail = ReplyOf<'get', '/proposals/{id}'>;
export type Proposal = ProposalDetail['proposal'];
export type ProposalPayload = Proposal['payload'];
export type StoredStatement = ProposalDetail['current'][number];
export type Account = ReplyOf<'get', '/accounts'>[number];
export type AuditRow = ReplyOf<'get', '/audit'>['items'][number];
