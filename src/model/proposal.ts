/**
 * A proposed edit to the knowledge base, as a contributor sends it. Its values are checked by the same
 * rules as the curated YAML (src/ingest/curated): a proposed statement is a YAML value mapping
 * ({value, asOf, status, qualifier, original, note}) with a cite ({source, locator}).
 */
export const PROPOSAL_KINDS = ['statement', 'change', 'retraction', 'entity', 'source'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

export const PROPOSAL_STATUSES = ['open', 'approved', 'rejected'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export type ScalarValue = string | number | boolean;

/** One proposed value of a property, in the YAML value-mapping form. */
export interface ProposedValue {
  property: string;
  value: ScalarValue;
  asOf?: string;
  status?: string;
  qualifier?: string;
  original?: string;
  note?: string;
}

export interface ProposedCite {
  /** An existing source's id, or the id of newSource. */
  source: string;
  /** Where in the source (section, page, table), or a quote of the passage. */
  locator: string;
}

export interface ProposalInput {
  kind: ProposalKind;
  /** The entity a statement, change or retraction is about; the new entity's id for kind entity. */
  entityId?: string;
  /** Kind entity: the new entity's kind. */
  entityKind?: string;
  /** Kind statement and change: one value; kind entity: its first statements (a name at least). */
  statements?: ProposedValue[];
  /** Kind change: the statement the new value supersedes; kind retraction: the statement withdrawn. */
  targetStatementId?: string;
  /** Kind source, or a statement citing a source not yet in the store: the source record (as in data/kb/sources). */
  newSource?: Record<string, unknown>;
  /** Mandatory, except for kind source (the record is its own citation). */
  cite?: ProposedCite;
  /** Why: the proposer's note to the reviewer. */
  comment?: string;
}
