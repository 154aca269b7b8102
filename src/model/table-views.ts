/**
 * The table view of each entity kind (/api/v1/tables/{kind}, #/table/{kind}), declared as data:
 * which columns a kind offers, which are shown by default, and which can be faceted.
 * Organizations are declared by hand; every other kind is derived from its property list in
 * kinds.ts. A column is a property, or one of the derived columns defined below.
 */
import { KIND_NAMES, propertiesOf, type KindName, type PropertyDef } from './kinds.js';

export const DERIVED_COLUMNS = {
  ownership: {
    label: 'Ownership',
    doc: 'Read from the kind of organization: private-company → private, state-owned-enterprise → state-owned, '
      + 'mixed-ownership → mixed. Other kinds of organization (agencies, academies, universities, funds…) state no ownership, so the cell is empty. '
      + 'The cell carries the source and status of the kind-of-organization statement.',
    values: ['private', 'state-owned', 'mixed'],
  },
  latestFunding: {
    label: 'Latest funding',
    doc: 'Of the funding rounds and IPOs recorded for the organization (Investment entities of kind funding-round, uncounted-rounds or ipo whose investee is it), '
      + 'the one with the latest Date. A partial date is a period (2024 is all of 2024): when periods leave the order open, every round that may be the latest is shown. '
      + 'The latest cites the Date statement, which decides "latest". Undated rounds cannot be ordered: each is listed after it, marked "(undated, not ranked)" '
      + 'and citing its Investee statement, so one may be later than the latest dated round. The cell is empty only when no round is recorded.',
  },
  latestFundingDate: { label: 'Latest funding: date', doc: 'The Date of the latest funding (see Latest funding), with its source.' },
  latestFundingAmount: { label: 'Latest funding: amount', doc: 'The Amount of the latest funding (see Latest funding), with its source; empty where the source gives none.' },
  fundingRounds: {
    label: 'Funding rounds recorded',
    doc: 'How many funding rounds and IPOs (Investment entities of kind funding-round or ipo) name the organization as investee, dated or not; '
      + 'cites each investee statement. A count of what the knowledge base records, not of every round the company raised. '
      + 'An uncounted-rounds entry (rounds a source names without counting them, e.g. "major funding rounds") stands for one or more rounds and may include a counted one: '
      + 'with one, the cell reads "at least" the counted rounds (at least 1) and says how many entries are uncounted.',
  },
} as const satisfies Record<string, { label: string; doc: string; values?: readonly string[] }>;
export type DerivedColumn = keyof typeof DERIVED_COLUMNS;

export interface TableView {
  /** Every column the kind offers, in display order (the entity's name is always the first, implicit column). */
  columns: readonly string[];
  /** Shown when the request names no columns. */
  defaultColumns: readonly string[];
  /** Columns whose values can be counted and selected. */
  facets: readonly string[];
}

/** Properties that make poor table cells: long text, coordinates, the name itself and free links. */
const NOT_A_COLUMN = new Set(['name', 'description', 'note', 'activity', 'relatedTo', 'location', 'evidence', 'quote', 'headline', 'target']);
const isColumn = (p: string, d: PropertyDef) => !NOT_A_COLUMN.has(p) && d.type !== 'text' && d.type !== 'coordinates';
/** A facet is a short closed list: an enum, a country or a hub. */
const isFacet = (d: PropertyDef) => d.type === 'enum' || d.type === 'country' || (d.type === 'entity' && d.range?.length === 1 && d.range[0] === 'Hub');
const DEFAULT_COLUMN_COUNT = 8;

const ORGANIZATION: TableView = {
  columns: ['orgKind', 'ownership', 'country', 'headquarters', 'hub', 'segment', 'founded', 'parent', 'latestFunding', 'latestFundingDate', 'latestFundingAmount',
    'fundingRounds', 'fundingTotal', 'valuation', 'employees', 'gcatCode', 'website', 'alias'],
  defaultColumns: ['orgKind', 'ownership', 'headquarters', 'hub', 'segment', 'founded', 'parent', 'latestFunding', 'latestFundingDate', 'latestFundingAmount'],
  facets: ['ownership', 'orgKind', 'segment', 'hub', 'country'],
};

function derivedView(kind: KindName): TableView {
  const props = propertiesOf(kind);
  const own = Object.keys(props).filter((p) => !(p in { name: 1, alias: 1, description: 1, segment: 1, website: 1, relatedTo: 1, note: 1 }));
  const columns = [...own, 'segment', 'alias', 'website'].filter((p) => isColumn(p, props[p]!));
  return {
    columns,
    defaultColumns: columns.filter((c) => c !== 'alias' && c !== 'website').slice(0, DEFAULT_COLUMN_COUNT),
    facets: columns.filter((c) => isFacet(props[c]!)),
  };
}

export const TABLE_VIEWS: Record<KindName, TableView> = Object.fromEntries(
  KIND_NAMES.map((k) => [k, k === 'Organization' ? ORGANIZATION : derivedView(k)]),
) as Record<KindName, TableView>;

/** Query parameters the table route reserves; no column may be named like one. */
export const TABLE_RESERVED_PARAMETERS = ['q', 'sort', 'columns', 'facet', 'format'] as const;

/** Every facet column of any kind: the names a filter parameter may take. */
export const ALL_FACET_COLUMNS = [...new Set(KIND_NAMES.flatMap((k) => TABLE_VIEWS[k].facets))].sort();

export const isDerived = (column: string): column is DerivedColumn => column in DERIVED_COLUMNS;

export interface ColumnInfo { id: string; label: string; type: string; doc: string | null; values: readonly string[] | null }

export function columnInfo(kind: KindName, column: string): ColumnInfo {
  if (isDerived(column)) {
    const d: { label: string; doc: string; values?: readonly string[] } = DERIVED_COLUMNS[column];
    const type = column === 'fundingRounds' ? 'integer' : column === 'latestFundingDate' ? 'date' : column === 'latestFundingAmount' ? 'money' : column === 'latestFunding' ? 'entity' : 'enum';
    return { id: column, label: d.label, type, doc: d.doc, values: d.values ?? null };
  }
  const p = propertiesOf(kind)[column]!;
  return { id: column, label: p.label, type: p.type, doc: p.doc ?? null, values: p.values ?? null };
}
