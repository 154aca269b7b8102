/** Proposals and their review, and the reads a review needs (the statements a proposal touches). */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';
import type { ProposalInput, ProposalKind, ProposalStatus } from '../../model/proposal.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface ProposalRow {
  id: number; kind: ProposalKind; status: ProposalStatus; entityId: string | null; payload: ProposalInput; comment: string | null;
  proposer: string; proposerId: number; createdAt: string; reviewer: string | null; decidedAt: string | null; decisionComment: string | null;
}

function baseQuery(db: Db) {
  return db.selectFrom('proposals')
    .innerJoin('accounts as p', 'p.id', 'proposals.proposer_id')
    .leftJoin('accounts as r', 'r.id', 'proposals.reviewer_id')
    .select(['proposals.id', 'proposals.kind', 'proposals.status', 'proposals.entity_id', 'proposals.payload', 'proposals.comment',
      'proposals.proposer_id', 'p.name as proposer', 'proposals.created_at', 'r.name as reviewer', 'proposals.decided_at', 'proposals.decision_comment']);
}

type Raw = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toRow(r: Raw): ProposalRow {
  return {
    id: r.id, kind: r.kind as ProposalKind, status: r.status as ProposalStatus, entityId: r.entity_id, payload: r.payload as ProposalInput,
    comment: r.comment, proposer: r.proposer, proposerId: r.proposer_id, createdAt: r.created_at, reviewer: r.reviewer ?? null,
    decidedAt: r.decided_at, decisionComment: r.decision_comment,
  };
}

export async function insertProposal(db: Db, p: { input: ProposalInput; proposerId: number; now: string }): Promise<number> {
  const r = await db.insertInto('proposals').values({
    kind: p.input.kind, status: 'open', entity_id: p.input.entityId ?? null, payload: JSON.stringify(p.input), comment: p.input.comment ?? null,
    proposer_id: p.proposerId, created_at: p.now,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function proposalById(db: Db, id: number): Promise<ProposalRow | null> {
  const r = await baseQuery(db).where('proposals.id', '=', id).executeTakeFirst();
  return r ? toRow(r) : null;
}

export async function listProposals(db: Db, f: { status?: ProposalStatus; proposerId?: number; limit: number; before?: number }): Promise<ProposalRow[]> {
  let q = baseQuery(db);
  if (f.status) q = q.where('proposals.status', '=', f.status);
  if (f.proposerId !== undefined) q = q.where('proposals.proposer_id', '=', f.proposerId);
  if (f.before !== undefined) q = q.where('proposals.id', '<', f.before);
  return (await q.orderBy('proposals.id', 'desc').limit(f.limit).execute()).map(toRow);
}

/** Marks an open proposal decided; false when it was no longer open (decided concurrently). */
export async function decideProposal(db: Db, d: { id: number; status: 'approved' | 'rejected'; reviewerId: number; comment: string | null; now: string }): Promise<boolean> {
  const r = await db.updateTable('proposals').set({ status: d.status, reviewer_id: d.reviewerId, decision_comment: d.comment, decided_at: d.now })
    .where('id', '=', d.id).where('status', '=', 'open').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface StoredStatement {
  id: string; entityId: string; property: string; value: string; sourceId: string; locator: string | null; asOf: string | null;
  status: string; qualifier: string | null; note: string | null; origin: string; originalValue: string | null;
}

export async function statementsOf(db: Db, entityId: string, property?: string): Promise<StoredStatement[]> {
  let q = db.selectFrom('statements').selectAll().where('entity_id', '=', entityId);
  if (property) q = q.where('property', '=', property);
  const rows = await q.orderBy('property').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id, entityId: r.entity_id, property: r.property, value: r.value, sourceId: r.source_id, locator: r.locator, asOf: r.as_of,
    status: r.status, qualifier: r.qualifier, note: r.note, origin: r.origin, originalValue: r.original_value,
  }));
}

export async function statementById(db: Db, id: string): Promise<StoredStatement | null> {
  const r = await db.selectFrom('statements').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? (await statementsOf(db, r.entity_id, r.property)).find((s) => s.id === id) ?? null : null;
}

export async function entityKindOf(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('entities').select(['id', 'kind']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.kind]));
}

export async function existingSources(db: Db, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  return new Set((await db.selectFrom('sources').select('id').where('id', 'in', ids).execute()).map((r) => r.id));
}
