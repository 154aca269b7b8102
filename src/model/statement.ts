/**
 * The provenance model: every property value is a statement (after followthemoney's
 * Statement). Its id hashes entity, property, value and source, so loading the same
 * fact twice never duplicates it, and two sources for one value stay two statements.
 */
import { createHash } from 'node:crypto';

export const STATEMENT_STATUSES = ['confirmed', 'reported', 'unverified', 'superseded'] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];

/** Words a source puts before a number ("over 80 projects"); kept, never folded into the value. */
export const QUALIFIERS = [
  'over', 'more than', 'at least', 'nearly', 'almost', 'about', 'approximately', 'around',
  'up to', 'at most', 'under', 'less than', 'fewer than', 'between', 'several', 'dozens of',
] as const;
export type Qualifier = (typeof QUALIFIERS)[number];
/** The qualifiers that make the number a bound ("fewer than 1%"), not an estimate ("approximately 130"). */
export const BOUND_QUALIFIERS = ['over', 'more than', 'at least', 'up to', 'at most', 'under', 'less than', 'fewer than'] as const satisfies readonly Qualifier[];
/** The bound qualifiers that set a floor ("over 300"); the others set a ceiling ("fewer than 1%"). */
export const FLOOR_QUALIFIERS = ['over', 'more than', 'at least'] as const satisfies readonly (typeof BOUND_QUALIFIERS)[number][];

export interface Statement {
  id: string;
  entityId: string;
  property: string;
  /** Canonical value (see value-types.ts). */
  value: string;
  /** The value as the source wrote it, when it differs from the canonical form. */
  originalValue: string | null;
  sourceId: string;
  /** Where in the source: section, page, table, reference number. */
  locator: string | null;
  /** The date the value describes (e.g. a deployed count "as of" a date). */
  asOf: string | null;
  status: StatementStatus;
  qualifier: Qualifier | null;
  note: string | null;
  /** Which load produced it: "curated" or "ingest:<source>". */
  origin: string;
  firstSeen: string;
  lastSeen: string;
}

export function statementId(entityId: string, property: string, value: string, sourceId: string): string {
  return createHash('sha256').update([entityId, property, value, sourceId].join('\u0000')).digest('hex').slice(0, 24);
}

/** What preference reads of a statement. */
export type Preferable = Pick<Statement, 'status' | 'asOf' | 'lastSeen' | 'id'>;

const STATUS_RANK: Record<StatementStatus, number> = { confirmed: 0, reported: 1, unverified: 2, superseded: 3 };

/**
 * Order statements of one property, preferred first: by status, then the newest
 * as-of date, then the most recently seen, then id (so the order is total).
 */
export function byPreference(a: Preferable, b: Preferable): number {
  return (
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    (b.asOf ?? '').localeCompare(a.asOf ?? '') ||
    b.lastSeen.localeCompare(a.lastSeen) ||
    a.id.localeCompare(b.id)
  );
}
