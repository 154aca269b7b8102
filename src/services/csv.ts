/**
 * The one CSV writer, for the API's exports, the data package and the dashboard's downloads
 * (the web app imports this file, so it imports nothing): RFC 4180 quoting, cells that a spreadsheet would run as a
 * formula (text starting with =, +, -, @, tab or carriage return) neutralised with a
 * leading apostrophe, and the export's sources, licence and as-of date in leading
 * "#" comment lines (read with e.g. pandas.read_csv(comment='#')).
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

export function toCsv(table: Table, withMeta = true): string {
  const meta = withMeta ? [
    `# ${table.meta.title}`,
    `# sources: ${table.meta.sources.join('; ') || 'none'}`,
    `# licence: ${table.meta.licence}`,
    `# as of: ${table.meta.asOf ?? 'unknown'}`,
    ...(table.meta.notes ?? []).map((n) => `# note: ${n}`),
  ] : [];
  return meta.map((line) => `${line.replace(/[\r\n]+/g, ' ')}\r\n`).join('') + csvBody(table.columns, table.rows);
}
