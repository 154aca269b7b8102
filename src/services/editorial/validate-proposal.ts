/**
 * Checks a proposal with the curated YAML's own readers (readEntity, readValue, SourceSchema), then against
 * the store (entities, sources and statements it names), and turns it into the rows approval would write.
 * Errors name the request field and the reason, in the words the YAML validator uses.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../store/schema.js';
import { KINDS, propertiesOf, type KindName } from '../../model/kinds.js';
import { SourceSchema, type Source } from '../../model/source.js';
import type { Statement } from '../../model/statement.js';
import type { Unstamped } from '../../model/knowledge-base.js';
import { PROPOSAL_KINDS, type ProposalInput, type ProposedValue } from '../../model/proposal.js';
import { readEntity, readValue, type EntityResult, type Problem } from '../../ingest/curated/entity-values.js';
import { fieldName, type Path } from '../../ingest/curated/yaml-file.js';
import { printable } from '../../model/text-safety.js';
import { entityKindOf, existingSources, statementById, type StoredStatement } from '../../store/editorial/proposals.js';

export const EDITORIAL_ORIGIN = 'editorial';
const REPORT_SOURCE = 'redshift-2025';

export interface FieldError { field: string; reason: string }

/** What approving a valid proposal writes. */
export interface ProposalPlan {
  source: Source | null;
  entity: { id: string; kind: KindName } | null;
  statements: Unstamped<Statement>[];
  /** The statement a change supersedes or a retraction withdraws. */
  target: StoredStatement | null;
}

export type Checked = { ok: true; plan: ProposalPlan } | { ok: false; errors: FieldError[] };

type Db = Kysely<Database> | Transaction<Database>;

/** A new source record needs these beyond the YAML's minimum, so a reviewer can find it. */
const NEW_SOURCE_FIELDS = ['title', 'publisher', 'url', 'published'] as const;

function valueItem(v: ProposedValue): Record<string, unknown> {
  const { property: _p, ...rest } = v;
  return Object.fromEntries(Object.entries(rest).filter(([, x]) => x !== undefined));
}

export async function checkProposal(db: Db, input: ProposalInput): Promise<Checked> {
  const errors: FieldError[] = [];
  const add = (field: string, reason: string) => errors.push({ field: printable(field), reason: printable(reason) });
  const addProblems = (problems: Problem[], rename: (p: Path) => string) => problems.forEach((p) => add(rename(p.path), p.reason));
  if (!PROPOSAL_KINDS.includes(input.kind)) return { ok: false, errors: [{ field: 'kind', reason: `kind must be one of ${PROPOSAL_KINDS.join(', ')}` }] };

  let source: Source | null = null;
  if (input.newSource !== undefined) {
    const parsed = SourceSchema.safeParse(input.newSource);
    if (!parsed.success) parsed.error.issues.forEach((iss) => add(fieldName(['newSource', ...(iss.path as Path)]), iss.message));
    else source = parsed.data;
    for (const f of NEW_SOURCE_FIELDS) if (input.newSource[f] === undefined) add(`newSource.${f}`, `a new source needs ${NEW_SOURCE_FIELDS.join(', ')}`);
    if (source && (await existingSources(db, [source.id])).has(source.id)) add('newSource.id', `source "${source.id}" exists; cite it by id instead`);
  }
  if (input.kind === 'source') {
    if (input.newSource === undefined) add('newSource', 'a source proposal gives the source record');
    return errors.length ? { ok: false, errors } : { ok: true, plan: { source, entity: null, statements: [], target: null } };
  }

  if (!input.cite) add('cite', 'a source is mandatory: cite.source (an existing source, or newSource.id) and cite.locator (section, page or a quote)');
  else {
    if (!input.cite.locator?.trim()) add('cite.locator', 'give where in the source: a section, page, table or a quote');
    const known = (await existingSources(db, [input.cite.source])).has(input.cite.source) || source?.id === input.cite.source;
    if (!known) add('cite.source', `unknown source "${input.cite.source}"${input.newSource ? '' : ' (propose it with newSource)'}`);
    // As in the curated files: a locator of the report that cites a numbered reference names one the report has.
    if (input.cite.source === REPORT_SOURCE && input.cite.locator) {
      const refs = [...input.cite.locator.matchAll(/\[(\d{3})\]/g)].map((m) => `${REPORT_SOURCE}.ref-${m[1]}`);
      const have = await existingSources(db, refs);
      for (const r of refs) if (!have.has(r)) add('cite.locator', `locator cites [${r.slice(-3)}], which is not a reference of ${REPORT_SOURCE}`);
    }
  }
  if (!input.entityId) { add('entityId', 'name the entity'); return { ok: false, errors }; }
  const cite = input.cite ? { source: input.cite.source, locator: input.cite.locator } : {};

  let entity: { id: string; kind: KindName } | null = null;
  let kind: KindName | undefined;
  const result: EntityResult = { id: input.entityId, kind: 'Organization', statements: [], references: [], citations: [] };
  let target: StoredStatement | null = null;

  if (input.kind === 'entity') {
    if ((await entityKindOf(db, [input.entityId])).has(input.entityId)) add('entityId', `entity "${input.entityId}" exists`);
    const raw: Record<string, unknown> = { id: input.entityId, kind: input.entityKind, cite };
    const problems: Problem[] = [];
    (input.statements ?? []).forEach((v, i) => {
      if (Object.hasOwn(raw, v.property)) problems.push({ path: ['statements', i, 'property'], reason: `give the values of "${v.property}" in one item each with a different property` });
      else raw[v.property] = valueItem(v);
    });
    const read = readEntity(raw, [], { cite: {} }, problems);
    addProblems(problems, (p) => entityField(p, input.statements ?? []));
    if (read) { entity = { id: read.id, kind: read.kind }; kind = read.kind; Object.assign(result, read); }
  } else {
    const kinds = await entityKindOf(db, [input.entityId]);
    kind = kinds.get(input.entityId) as KindName | undefined;
    if (!kind) add('entityId', `no entity "${input.entityId}"`);
    if (input.kind === 'change' || input.kind === 'retraction') {
      target = input.targetStatementId ? await statementById(db, input.targetStatementId) : null;
      if (!target || target.entityId !== input.entityId) add('targetStatementId', `no statement "${input.targetStatementId ?? ''}" of ${input.entityId}`);
      else if (target.status === 'superseded') add('targetStatementId', `statement ${target.id} is already superseded`);
    }
    const values = input.statements ?? [];
    if (input.kind === 'retraction') {
      if (values.length) add('statements', 'a retraction proposes no value');
    } else if (values.length !== 1) add('statements', 'give exactly one value');
    else if (kind) {
      const v = values[0]!;
      const def = Object.hasOwn(propertiesOf(kind), v.property) ? propertiesOf(kind)[v.property] : undefined;
      if (!def) add('statements[0].property', `unknown property "${v.property}" for kind ${kind} (see docs/model.md)`);
      else if (target && target.property !== v.property) add('statements[0].property', `the superseded statement is a "${target.property}"`);
      else if (input.cite) {
        const problems: Problem[] = [];
        const st = readValue(input.entityId, v.property, def, valueItem(v), ['statements', 0], cite, problems, result);
        addProblems(problems, (path) => fieldName(path.length === 2 ? [...path, 'value'] : path));
        if (st) result.statements.push(st);
      }
    }
  }

  // References to other entities must exist (or be the new entity), with a kind in the property's range.
  const targets = await entityKindOf(db, result.references.map((r) => r.targetId));
  if (entity) targets.set(entity.id, entity.kind);
  for (const r of result.references) {
    const k = targets.get(r.targetId);
    if (!k) add(fieldFor(r.path, input), `dangling reference: no entity "${r.targetId}"`);
    else if (r.range.length && !r.range.includes(k as KindName)) add(fieldFor(r.path, input), `"${r.targetId}" is a ${k}; expected ${r.range.join(' or ')}`);
  }
  const statements = result.statements.map((s) => ({ ...s, origin: EDITORIAL_ORIGIN }));
  if (statements.length) {
    const existing = await db.selectFrom('statements').select('id').where('id', 'in', statements.map((s) => s.id)).execute();
    for (const e of existing) add('statements', `statement ${e.id} already says this (same entity, property, value and source)`);
  }
  if (kind && !Object.hasOwn(KINDS, kind)) add('entityKind', `unknown kind ${kind}`);
  return errors.length ? { ok: false, errors } : { ok: true, plan: { source, entity, statements, target } };
}

/** Field name of a readEntity problem, in the request's terms (statements[i].…). */
function entityField(p: Path, values: ProposedValue[]): string {
  if (p.length === 0) return 'statements';
  const [head, ...rest] = p;
  if (head === 'id') return 'entityId';
  if (head === 'kind') return 'entityKind';
  if (head === 'statements') return fieldName(p);
  const i = values.findIndex((v) => v.property === head);
  return i < 0 ? fieldName(p) : fieldName(['statements', i, ...(rest.length ? rest : ['value'])]);
}

function fieldFor(path: Path, input: ProposalInput): string {
  return input.kind === 'entity' ? entityField(path, input.statements ?? []) : fieldName(path.length === 2 ? [...path, 'value'] : path);
}
