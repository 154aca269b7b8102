/**
 * A kind's table view, Datasette-style: filter by facet values and text, count each facet's
 * values over the filtered rows, sort by any column, keep the chosen columns. The CSV and the
 * JSON of one request are both made from the one TableViewResult (same rows, columns, order).
 */
import type { EntityRow } from '../model/entity-row.js';
import type { KindName } from '../model/kinds.js';
import { BOUND_QUALIFIERS, QUALIFIERS, STATEMENT_STATUSES } from '../model/statement.js';
import { TABLE_VIEWS, columnInfo, type ColumnInfo } from '../model/table-views.js';
import { cellBuilder, type CellContext, type CellValue, type Cells } from './table-cells.js';

export interface TableViewParams {
  /** Facet column → the value a row must have (any of its values, for multi-valued columns). */
  filters: Record<string, string>;
  q?: string;
  /** A column id or "name", with a leading "-" for descending. */
  sort: string;
  columns: readonly string[];
  facets: readonly string[];
}

export interface FacetCount { value: string; text: string; count: number }
export interface Facet { column: string; label: string; values: FacetCount[]; missing: number }
export interface TableRow { id: string; name: string; cells: Cells }

export interface TableViewResult {
  kind: KindName;
  columns: ColumnInfo[];
  rows: TableRow[];
  facets: Facet[];
  total: number;
  totalUnfiltered: number;
}

export const TEXT_FILTER_DEFINITION = 'q keeps rows whose name, id or any column of the kind (shown or not) contains the text, ignoring case.';
export const SORT_DEFINITION = 'Rows sort by the column\'s first value (numbers by size, dates by their text, other values by their text, ignoring case; '
  + 'money by its currency code, then by amount within one currency, as the sources state it: amounts in different currencies are not converted, so they are not ranked against each other); '
  + 'empty cells come last in either direction; ties by name, then id.';
export const FACET_DEFINITION = 'Facet counts are over the filtered rows: an entity counts once under each of its values; "missing" counts rows with no value.';

const NUMERIC = new Set(['integer', 'number']);

/** A money cell's order: its currency, then its amount (no exchange rate is applied). */
type MoneyKey = { currency: string; amount: number };
type SortKey = string | number | MoneyKey;

function sortKey(cells: CellValue[] | undefined, type: string): SortKey | null {
  const v = cells?.[0];
  if (!v) return null;
  if (NUMERIC.has(type)) return Number(v.value);
  if (type === 'money') {
    try {
      const m = JSON.parse(v.value) as { amount: unknown; currency: unknown };
      if (typeof m.amount === 'number' && typeof m.currency === 'string') return { currency: m.currency, amount: m.amount };
    } catch { /* not canonical money: sorted by its text */ }
    return v.text;
  }
  if (type === 'date') return v.value.replace(/^(~|circa )/, '');
  return v.text.toLowerCase();
}

function compareKeys(a: SortKey, b: SortKey): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'object' && typeof b === 'object') return a.currency.localeCompare(b.currency) || a.amount - b.amount;
  const text = (k: SortKey) => (typeof k === 'object' ? `${k.currency} ${k.amount}` : String(k));
  return text(a).localeCompare(text(b));
}

function compareRows(column: string, desc: boolean, type: string) {
  return (a: TableRow, b: TableRow): number => {
    const ka = column === 'name' ? a.name.toLowerCase() : sortKey(a.cells[column], type);
    const kb = column === 'name' ? b.name.toLowerCase() : sortKey(b.cells[column], type);
    let c = 0;
    if (ka === null || kb === null) c = ka === kb ? 0 : ka === null ? 1 : -1;
    else {
      c = compareKeys(ka, kb);
      if (desc) c = -c;
    }
    return c || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  };
}

function matchesText(row: TableRow, text: string): boolean {
  const t = text.toLowerCase();
  return row.name.toLowerCase().includes(t) || row.id.toLowerCase().includes(t)
    || Object.values(row.cells).some((vs) => vs.some((v) => v.text.toLowerCase().includes(t) || v.value.toLowerCase().includes(t)));
}

function countFacet(kind: KindName, column: string, rows: TableRow[]): Facet {
  const counts = new Map<string, FacetCount>();
  let missing = 0;
  for (const r of rows) {
    const vs = r.cells[column] ?? [];
    if (!vs.length) missing++;
    for (const v of new Map(vs.map((x) => [x.value, x])).values()) {
      const f = counts.get(v.value) ?? counts.set(v.value, { value: v.value, text: v.text, count: 0 }).get(v.value)!;
      f.count++;
    }
  }
  const values = [...counts.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
  return { column, label: columnInfo(kind, column).label, values, missing };
}

export function tableView(kind: KindName, entities: readonly EntityRow[], ctx: CellContext, p: TableViewParams): TableViewResult {
  const view = TABLE_VIEWS[kind];
  const cellsOf = cellBuilder(kind, view.columns, ctx);
  const all: TableRow[] = entities.map((e) => ({ id: e.id, name: e.caption, cells: cellsOf(e) }));
  const text = p.q?.trim();
  const rows = all.filter((r) => Object.entries(p.filters).every(([c, want]) => (r.cells[c] ?? []).some((v) => v.value === want))
    && (!text || matchesText(r, text)));
  const desc = p.sort.startsWith('-');
  const column = p.sort.replace(/^-/, '');
  rows.sort(compareRows(column, desc, column === 'name' ? 'name' : columnInfo(kind, column).type));
  return {
    kind,
    columns: p.columns.map((c) => columnInfo(kind, c)),
    rows: rows.map((r) => ({ ...r, cells: Object.fromEntries(p.columns.map((c) => [c, r.cells[c] ?? []])) })),
    facets: p.facets.map((f) => countFacet(kind, f, rows)),
    total: rows.length,
    totalUnfiltered: all.length,
  };
}

/** The fields each column has in the CSV, after the column's own (its values' text), in this order. */
export const CSV_COMPANION_FIELDS = ['qualifier', 'status', 'source', 'conflict'] as const;

export const CSV_COLUMNS_DEFINITION = 'CSV columns: id, name, then for each column <column> (its values, joined by "; "), '
  + `<column>_qualifier (the word the source puts before the value, one of ${QUALIFIERS.join(', ')}: a value with a qualifier is not exact, `
  + `and ${BOUND_QUALIFIERS.join(', ')} make it a bound), `
  + `<column>_status (the statement's status, one of ${STATEMENT_STATUSES.join(', ')}; derived for a count the table computes) `
  + '<column>_source (each source id and locator, joined by "; ") '
  + 'and <column>_conflict (true when the values are a single-valued property\'s disagreeing values, alternatives from different sources, not values to add or list together; false otherwise). '
  + 'A cell with several values has one qualifier and one status per value, in the same order, '
  + 'joined by "; " (an empty entry is a value without a qualifier); the qualifier field is empty when no value has one, and every field of an empty cell is empty.';

const joined = (xs: readonly string[]): string | null => (xs.length ? xs.join('; ') : null);

/** One entry per value of the cell, in the cell's order (empty for a value without one); no value when none has one. */
function perValue(vs: readonly CellValue[], pick: (v: CellValue) => string | null): string | null {
  const xs = vs.map((v) => pick(v) ?? '');
  return xs.some((x) => x !== '') ? xs.join('; ') : null;
}

/** Every source of the cell's values, once each, as "id locator". */
function cellSources(vs: readonly CellValue[]): string | null {
  return joined([...new Set(vs.flatMap((v) => v.sources.map((s) => `${s.id}${s.locator ? ` ${s.locator}` : ''}`)))]);
}

/** A column's CSV fields: its values' text, then CSV_COMPANION_FIELDS. */
function csvFields(vs: readonly CellValue[]): (string | null)[] {
  const conflict = vs.length ? String(vs.some((v) => v.conflict)) : null;
  return [joined(vs.map((v) => v.text)), perValue(vs, (v) => v.qualifier), perValue(vs, (v) => v.status), cellSources(vs), conflict];
}

/** The CSV form of a table view: id, name, then each column with its qualifier, status and source fields (CSV_COLUMNS_DEFINITION). */
export function tableViewCsv(t: TableViewResult): { columns: string[]; rows: (string | null)[][] } {
  return {
    columns: ['id', 'name', ...t.columns.flatMap((c) => [c.id, ...CSV_COMPANION_FIELDS.map((f) => `${c.id}_${f}`)])],
    rows: t.rows.map((r) => [r.id, r.name, ...t.columns.flatMap((c) => csvFields(r.cells[c.id]!))]),
  };
}

/** The columns of the long CSV of a table view: one row per cell value and source (tableViewLongCsv). */
export const LONG_CSV_COLUMNS = ['id', 'name', 'column', 'value_index', 'value', 'qualifier', 'status', 'conflict', 'source', 'locator'] as const;

export const LONG_CSV_DEFINITION = 'Long CSV (layout=long): one row per value of each shown cell and per source of that value: '
  + 'id and name of the row, column, value_index (the value\'s place in its cell, from 1: rows with the same id, column and value_index '
  + 'are one value cited by several sources), value (its text), qualifier, status, conflict (true when the cell holds a single-valued '
  + 'property\'s disagreeing values) and that source\'s id and locator. Rows keep the view\'s order; an empty cell has no row.';

/** The long CSV form of a table view: every value with each of its sources on a row of its own, nothing joined. */
export function tableViewLongCsv(t: TableViewResult): { columns: string[]; rows: (string | number | null)[][] } {
  const rows: (string | number | null)[][] = [];
  for (const r of t.rows) {
    for (const c of t.columns) {
      r.cells[c.id]!.forEach((v, i) => {
        const sources = v.sources.length ? v.sources : [{ id: null, locator: null }];
        for (const s of sources) rows.push([r.id, r.name, c.id, i + 1, v.text, v.qualifier, v.status, String(v.conflict), s.id, s.locator]);
      });
    }
  }
  return { columns: [...LONG_CSV_COLUMNS], rows };
}
