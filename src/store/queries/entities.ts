/** Read queries over entities and their statements, shared by the API and the CLI. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { KIND_NAMES, propertiesOf, type KindName } from '../../model/kinds.js';
import { byPreference, type Statement, type StatementStatus, type Qualifier } from '../../model/statement.js';

export interface EntitySummary { id: string; kind: string; caption: string }

/** A statement as shown under its entity and property (which the view groups by). */
export type StatementView = Omit<Statement, 'entityId' | 'property'> & {
  /** For entity-valued properties: the referenced entity's name (null when it no longer exists). */
  valueCaption?: string | null;
  /** For a statement written by an approved proposal: who proposed and who approved it, and when. */
  editors?: { proposalId: number; proposer: string; approver: string; approvedAt: string };
};

export interface PropertyView {
  property: string;
  label: string;
  type: string;
  /** The unit the model gives the property's numbers (e.g. "years", "km"); null when it has none. */
  unit: string | null;
  multiple: boolean;
  /** The values to show: all of them for multiple properties, the preferred one otherwise. */
  preferred: StatementView[];
  /** Every statement, preferred first; more than one value on a single-valued property is a conflict. */
  statements: StatementView[];
  conflict: boolean;
}

export interface SourceView {
  id: string; kind: string; title: string; url: string | null; publisher: string | null; published: string | null;
  licence: string | null; citation: string | null; partOf: string | null; referenceNumber: string | null;
}

export interface EntityDetail extends EntitySummary {
  firstSeen: string;
  lastSeen: string;
  properties: PropertyView[];
  sources: SourceView[];
  referencedBy: (EntitySummary & { property: string })[];
}

export function toStatementView(r: Database['statements'] extends infer T ? Record<keyof T, unknown> : never): StatementView {
  return {
    id: r.id as string, value: r.value as string, originalValue: r.original_value as string | null, sourceId: r.source_id as string,
    locator: r.locator as string | null, asOf: r.as_of as string | null, status: r.status as StatementStatus,
    qualifier: r.qualifier as Qualifier | null, note: r.note as string | null, origin: r.origin as string,
    firstSeen: r.first_seen as string, lastSeen: r.last_seen as string,
  };
}

const REFERENCE_NUMBERS = /\[(\d{3})\]/g;

export async function getEntity(db: Kysely<Database>, id: string): Promise<EntityDetail | null> {
  const entity = await db.selectFrom('entities').select(['id', 'kind', 'caption', 'first_seen', 'last_seen']).where('id', '=', id).executeTakeFirst();
  if (!entity) return null;
  const rows = await db.selectFrom('statements').selectAll().where('entity_id', '=', id).orderBy('property').orderBy('id').execute();
  const defs = KIND_NAMES.includes(entity.kind as KindName) ? propertiesOf(entity.kind as KindName) : {};
  const byProperty = new Map<string, StatementView[]>();
  for (const r of rows) {
    const list = byProperty.get(r.property) ?? [];
    list.push(toStatementView(r));
    byProperty.set(r.property, list);
  }
  const order = Object.keys(defs);
  const properties = [...byProperty.entries()]
    .sort(([a], [b]) => (order.indexOf(a) >>> 0) - (order.indexOf(b) >>> 0) || a.localeCompare(b))
    .map(([property, list]) => {
      const def = defs[property];
      const sorted = [...list].sort(byPreference);
      const multiple = def?.multiple ?? false;
      const distinctValues = new Set(sorted.filter((s) => s.status !== 'superseded').map((s) => s.value));
      return {
        property, label: def?.label ?? property, type: def?.type ?? 'string', unit: def?.unit ?? null, multiple,
        preferred: multiple ? sorted : sorted.slice(0, 1), statements: sorted, conflict: !multiple && distinctValues.size > 1,
      };
    });
  const referenced = [...new Set(properties.filter((p) => p.type === 'entity').flatMap((p) => p.statements.map((st) => st.value)))];
  if (referenced.length) {
    const captions = new Map((await db.selectFrom('entities').select(['id', 'caption']).where('id', 'in', referenced).execute()).map((e) => [e.id, e.caption]));
    for (const p of properties.filter((x) => x.type === 'entity')) for (const st of p.statements) st.valueCaption = captions.get(st.value) ?? null;
  }
  const editorial = rows.filter((r) => r.origin === 'editorial').map((r) => r.id);
  if (editorial.length) {
    const editors = new Map((await db.selectFrom('statement_editors')
      .innerJoin('accounts as p', 'p.id', 'statement_editors.proposer_id').innerJoin('accounts as a', 'a.id', 'statement_editors.approver_id')
      .select(['statement_editors.statement_id', 'statement_editors.proposal_id', 'p.name as proposer', 'a.name as approver', 'statement_editors.approved_at'])
      .where('statement_editors.statement_id', 'in', editorial).execute())
      .map((e) => [e.statement_id, { proposalId: e.proposal_id, proposer: e.proposer, approver: e.approver, approvedAt: e.approved_at }]));
    for (const p of properties) for (const st of p.statements) { const e = editors.get(st.id); if (e) st.editors = e; }
  }
  const sourceIds = new Set(rows.map((r) => r.source_id));
  for (const r of rows) {
    if (r.source_id === 'redshift-2025' && r.locator) for (const m of r.locator.matchAll(REFERENCE_NUMBERS)) sourceIds.add(`redshift-2025.ref-${m[1]}`);
  }
  const sources = sourceIds.size
    ? await db.selectFrom('sources').select(['id', 'kind', 'title', 'url', 'publisher', 'published', 'licence', 'citation', 'part_of', 'reference_number'])
      .where('id', 'in', [...sourceIds]).orderBy('id').execute()
    : [];
  const referencedBy = await db.selectFrom('statements').innerJoin('entities', 'entities.id', 'statements.entity_id')
    .select(['entities.id', 'entities.kind', 'entities.caption', 'statements.property'])
    .where('statements.value', '=', id).where('statements.entity_id', '!=', id)
    .orderBy('entities.kind').orderBy('entities.caption').orderBy('statements.property').distinct().execute();
  return {
    id: entity.id, kind: entity.kind, caption: entity.caption, firstSeen: entity.first_seen, lastSeen: entity.last_seen,
    properties,
    sources: sources.map((s) => ({
      id: s.id, kind: s.kind, title: s.title, url: s.url, publisher: s.publisher, published: s.published, licence: s.licence,
      citation: s.citation, partOf: s.part_of, referenceNumber: s.reference_number,
    })),
    referencedBy,
  };
}

/** Statements of the given properties for every entity of a kind (e.g. each Program's plannedSize). */
export async function statementsOfKind(db: Kysely<Database>, kind: string, properties: string[]): Promise<(StatementView & { entityId: string; property: string; caption: string })[]> {
  const rows = await db.selectFrom('statements').innerJoin('entities', 'entities.id', 'statements.entity_id')
    .selectAll('statements').select('entities.caption')
    .where('entities.kind', '=', kind).where('statements.property', 'in', properties)
    .orderBy('statements.entity_id').orderBy('statements.id').execute();
  return rows.map((r) => ({ ...toStatementView(r), entityId: r.entity_id, property: r.property, caption: r.caption }));
}
