/**
 * Proposing and reviewing. A proposal is checked when sent and again at approval (the store may have
 * changed since). Approval writes in one transaction: the source, entity and statements (origin
 * "editorial"), the superseded or retracted statement's new status, who proposed and approved each
 * statement, the record change log (as a run of origin "editorial", which also refreshes cached
 * analytics), the proposal's decision and the audit row. The world change feed derives from the
 * statements, so a dated value or a superseding value with an as-of date shows there at once.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { ProposalInput, ProposalStatus } from '../../model/proposal.js';
import { byPreference, type StatementStatus } from '../../model/statement.js';
import { appendAudit } from '../../store/editorial/audit.js';
import { decideProposal, insertProposal, proposalById, statementsOf, type ProposalRow } from '../../store/editorial/proposals.js';
import { finishRun, startRun } from '../../store/runs.js';
import { refreshSearch } from '../../store/search-index.js';
import { EditorialError, type Actor } from './accounts.js';
import { checkProposal, EDITORIAL_ORIGIN, type ProposalPlan } from './validate-proposal.js';
import { errorMessage } from '../../model/error-message.js';

export async function propose(db: Kysely<Database>, input: ProposalInput, actor: Actor & { accountId: number }): Promise<ProposalRow> {
  const checked = await checkProposal(db, input);
  if (!checked.ok) throw new EditorialError(400, 'invalid_proposal', `the proposal is not valid: ${checked.errors.map((e) => e.field).join(', ')}`, checked.errors);
  const id = await db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const pid = await insertProposal(trx, { input, proposerId: actor.accountId, now });
    await appendAudit(trx, { actorId: actor.accountId, actorName: actor.name, address: actor.address, action: 'proposal.create', subject: `proposal:${pid}`, after: input }, now);
    return pid;
  });
  return (await proposalById(db, id))!;
}

export async function reject(db: Kysely<Database>, id: number, comment: string | null, actor: Actor & { accountId: number }): Promise<ProposalRow> {
  await db.transaction().execute(async (trx) => {
    const p = await openProposal(trx, id);
    const now = new Date().toISOString();
    if (!(await decideProposal(trx, { id, status: 'rejected', reviewerId: actor.accountId, comment, now }))) throw notOpen(id);
    await appendAudit(trx, { actorId: actor.accountId, actorName: actor.name, address: actor.address, action: 'proposal.reject', subject: `proposal:${id}`, before: { status: p.status }, after: { status: 'rejected', comment } }, now);
  });
  return (await proposalById(db, id))!;
}

export async function approve(db: Kysely<Database>, id: number, comment: string | null, actor: Actor & { accountId: number }): Promise<ProposalRow> {
  const first = await proposalById(db, id);
  if (!first) throw new EditorialError(404, 'not_found', `no proposal ${id}`);
  if (first.proposerId === actor.accountId) throw new EditorialError(403, 'forbidden', 'a reviewer cannot approve their own proposal');
  const now = new Date().toISOString();
  const runId = await startRun(db, EDITORIAL_ORIGIN, now);
  try {
    const written = await db.transaction().execute(async (trx) => {
      const p = await openProposal(trx, id);
      const checked = await checkProposal(trx, p.payload);
      if (!checked.ok) throw new EditorialError(409, 'conflict', 'the proposal no longer fits the knowledge base; reject it or ask for a new one', checked.errors);
      const out = await writePlan(trx, checked.plan, { proposalId: id, proposerId: p.proposerId, approverId: actor.accountId, now, runId });
      if (!(await decideProposal(trx, { id, status: 'approved', reviewerId: actor.accountId, comment, now }))) throw notOpen(id);
      await appendAudit(trx, {
        actorId: actor.accountId, actorName: actor.name, address: actor.address, action: 'proposal.approve', subject: `proposal:${id}`,
        before: { status: p.status, target: checked.plan.target }, after: { status: 'approved', comment, ...out },
      }, now);
      return out;
    });
    await finishRun(db, runId, 'succeeded', { proposal: id, ...written }, null);
  } catch (err) {
    await finishRun(db, runId, 'failed', { proposal: id }, errorMessage(err));
    throw err;
  }
  return (await proposalById(db, id))!;
}

async function openProposal(trx: Transaction<Database>, id: number): Promise<ProposalRow> {
  const p = await proposalById(trx, id);
  if (!p) throw new EditorialError(404, 'not_found', `no proposal ${id}`);
  if (p.status !== 'open') throw notOpen(id, p.status);
  return p;
}

function notOpen(id: number, status?: ProposalStatus): EditorialError {
  return new EditorialError(409, 'conflict', `proposal ${id} is ${status ?? 'no longer open'}; only an open proposal is decided`);
}

interface Stamp { proposalId: number; proposerId: number; approverId: number; now: string; runId: number }

async function writePlan(trx: Transaction<Database>, plan: ProposalPlan, s: Stamp) {
  const log = (action: string, subject: string, subjectId: string, more: { entity_id?: string; property?: string; value?: string; source_id?: string } = {}) =>
    trx.insertInto('changes').values({ run_id: s.runId, at: s.now, action, subject, subject_id: subjectId, entity_id: more.entity_id ?? null, property: more.property ?? null, value: more.value ?? null, source_id: more.source_id ?? null }).execute();
  const src = plan.source;
  if (src) {
    await trx.insertInto('sources').values({
      id: src.id, kind: src.kind, title: src.title, publisher: src.publisher ?? null, authors: src.authors ? JSON.stringify(src.authors) : null,
      url: src.url ?? null, published: src.published ?? null, accessed: src.accessed ?? null, licence: src.licence ?? null, file: src.file ?? null,
      part_of: src.partOf ?? null, reference_number: src.referenceNumber ?? null, citation: src.citation ?? null, note: src.note ?? null,
      origin: EDITORIAL_ORIGIN, first_seen: s.now, last_seen: s.now,
    }).execute();
    await log('added', 'source', src.id, { source_id: src.id });
  }
  if (plan.entity) {
    const name = plan.statements.find((st) => st.property === 'name')?.value ?? plan.entity.id;
    await trx.insertInto('entities').values({ id: plan.entity.id, kind: plan.entity.kind, caption: name, search_text: '', origin: EDITORIAL_ORIGIN, first_seen: s.now, last_seen: s.now }).execute();
    await log('added', 'entity', plan.entity.id, { entity_id: plan.entity.id, value: name });
  }
  if (plan.target) {
    const status: StatementStatus = 'superseded';
    await trx.updateTable('statements').set({ status, last_seen: s.now }).where('id', '=', plan.target.id).execute();
    await log('updated', 'statement', plan.target.id, { entity_id: plan.target.entityId, property: plan.target.property, value: plan.target.value, source_id: plan.target.sourceId });
  }
  for (const st of plan.statements) {
    await trx.insertInto('statements').values({
      id: st.id, entity_id: st.entityId, property: st.property, value: st.value, original_value: st.originalValue, source_id: st.sourceId,
      locator: st.locator, as_of: st.asOf, status: st.status, qualifier: st.qualifier, note: st.note, origin: EDITORIAL_ORIGIN, first_seen: s.now, last_seen: s.now,
    }).execute();
    await trx.insertInto('statement_editors').values({ statement_id: st.id, proposal_id: s.proposalId, proposer_id: s.proposerId, approver_id: s.approverId, approved_at: s.now }).execute();
    await log('added', 'statement', st.id, { entity_id: st.entityId, property: st.property, value: st.value, source_id: st.sourceId });
  }
  const touched = [...plan.statements, ...(plan.target ? [plan.target] : [])];
  if (plan.entity || touched.some((t) => t.property === 'name' || t.property === 'alias' || t.property === 'description')) {
    for (const entityId of new Set(touched.map((t) => t.entityId))) {
      const names = (await statementsOf(trx, entityId, 'name')).map((n) => ({ ...n, status: n.status as StatementStatus, lastSeen: '' })).sort(byPreference);
      if (names[0]) await trx.updateTable('entities').set({ caption: names[0].value }).where('id', '=', entityId).execute();
    }
    await refreshSearch(trx);
  }
  return { source: src?.id ?? null, entity: plan.entity?.id ?? null, statements: plan.statements.map((st) => st.id), superseded: plan.target?.id ?? null };
}
