/**
 * CSV for every export: RFC 4180 quoting, cells that a spreadsheet would run as a
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

export function toCsv(table: Table, withMeta = true): string {
  const meta = withMeta ? [
    `# ${table.meta.title}`,
    `# sources: ${table.meta.sources.join('; ') || 'none'}`,
    `# licence: ${table.meta.licence}`,
    `# as of: ${table.meta.asOf ?? 'unknown'}`,
    ...(table.meta.notes ?? []).map((n) => `# note: ${n.replace(/\n/g, ' ')}`),
  ] : [];
  return [...meta, table.columns.map(csvCell).join(','), ...table.rows.map((r) => r.map(csvCell).join(','))].join('\r\n') + '\r\n';
}
