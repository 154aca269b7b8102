/**
 * The one CSV writer, for the API's exports, the data package and the dashboard's downloads
 * (the web app imports this file, so it imports nothing): RFC 4180 quoting, cells that a spreadsheet would run as a
 * formula (text starting with =, +, -, @, tab or carriage return) neutralised with a
 * leading apostrophe. The body is the header and the rows only, so pandas.read_csv, R's
 * read.csv and spreadsheets open it with default settings; the export's sources, licence
 * and as-of date travel beside it (the API's Link rel="describedby" metadata), or, on
 * request only (?comments=1), in leading "#" lines.
 */
export type Cell = string | number | boolean | null | undefined;

export interface TableMeta {
  title: string;
  sources: string[];
  licence: string;
  asOf: string | null;
  notes?: string[];
}

export interface Table {
  columns: string[];
  rows: Cell[][];
  meta: TableMeta;
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The header and the rows, CRLF-terminated: what the data package's tables and the dashboard's downloads hold. */
export function csvBody(columns: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [columns.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\r\n') + '\r\n';
}

/** The CSV; with `comments`, the title, sources, licence, as-of date and notes first as "#" lines (opt-in: they break default CSV readers). */
export function toCsv(table: Table, comments = false): string {
  const meta = comments ? [
    `# ${table.meta.title}`,
    `# sources: ${table.meta.sources.join('; ') || 'none'}`,
    `# licence: ${table.meta.licence}`,
    `# as of: ${table.meta.asOf ?? 'unknown'}`,
    ...(table.meta.notes ?? []).map((n) => `# note: ${n}`),
  ] : [];
  return meta.map((line) => `${line.replace(/[\r\n]+/g, ' ')}\r\n`).join('') + csvBody(table.columns, table.rows);
}
