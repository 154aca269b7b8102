/**
 * The CSVW metadata document of a CSV (W3C Metadata Vocabulary for Tabular Data), served at
 * ?format=csv-metadata and linked from the CSV's Link rel="describedby" header: title, sources,
 * licence, as-of date, notes, and each column's name and datatype.
 */
import type { Cell, Table } from '../services/csv.js';

/** CSVW built-in datatypes the columns use. */
export type CsvDatatype = 'string' | 'number' | 'boolean';

export interface CsvColumn {
  /** The header cell. */
  name: string;
  titles: string;
  /** string for identifiers (a column named id or ending in _id, even when written in digits) and text; number or boolean when every value of this CSV is one. */
  datatype: CsvDatatype;
}

export interface CsvMetadata {
  '@context': 'http://www.w3.org/ns/csvw';
  url: string;
  'dc:title': string;
  'dc:source': string[];
  'dc:license': string;
  /** The as-of date of the data. */
  'dc:date': string | null;
  'rdfs:comment': string[];
  tableSchema: { columns: CsvColumn[] };
}

/** Identifiers stay text even when every one is written in digits (a NORAD number, a claim number). */
export const isIdentifierColumn = (name: string): boolean => name === 'id' || name.endsWith('_id');

/** The datatype every value of a column has (empty cells are no value), string for identifiers and mixed columns. */
export function columnDatatype(name: string, values: readonly Cell[]): CsvDatatype {
  if (isIdentifierColumn(name)) return 'string';
  const present = values.filter((v) => v !== null && v !== undefined && v !== '');
  if (!present.length) return 'string';
  if (present.every((v) => typeof v === 'boolean')) return 'boolean';
  return present.every((v) => typeof v === 'number' && Number.isFinite(v)) ? 'number' : 'string';
}

export function csvMetadata(table: Table, csvUrl: string): CsvMetadata {
  return {
    '@context': 'http://www.w3.org/ns/csvw',
    url: csvUrl,
    'dc:title': table.meta.title,
    'dc:source': table.meta.sources,
    'dc:license': table.meta.licence,
    'dc:date': table.meta.asOf,
    'rdfs:comment': table.meta.notes ?? [],
    tableSchema: {
      columns: table.columns.map((name, i) => ({ name, titles: name, datatype: columnDatatype(name, table.rows.map((r) => r[i])) })),
    },
  };
}
