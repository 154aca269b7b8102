/**
 * CelesTrak GP data as OMM: the CSV form (FORMAT=csv) and the JSON form (FORMAT=json, an array of
 * objects with the same keys; numbers may be JSON numbers or strings).
 */
import { FeedFormatError, type ParseResult, type RowError } from '../feed-errors.js';
import { visitDelimitedSpans } from './csv-reader.js';
import type { DelimitedSpans } from './delimited-spans.js';
import { integerField, numberField, plainDecimalAt, plainIntegerAt, withinBounds, type NumberBounds } from './field-values.js';
import { GP_CSV_COLUMNS, gpRowFromOmm, ommCellsOf, type GpColumn, type GpRow, type OmmCells } from './gp-row.js';
import { collectRow, RowRejection } from './row-rejection.js';

const NO_BOUNDS: NumberBounds = {};

/**
 * A CSV record's cells, by OMM key: a number is read in place when the cell is a plain decimal within
 * its bounds, else by numberField/integerField on the cell's text, so a bad cell gets their rejection.
 */
class CsvOmmCells implements OmmCells {
  record: DelimitedSpans | null = null;
  constructor(private readonly at: Record<GpColumn, number>) {}

  get(key: GpColumn): string {
    return this.record!.cell(this.at[key]);
  }

  number(key: GpColumn, bounds: NumberBounds = NO_BOUNDS): number {
    const r = this.record!;
    const k = this.at[key];
    const v = plainDecimalAt(r.text, r.starts[k]!, r.ends[k]!);
    return v !== undefined && withinBounds(v, bounds) ? v : numberField(r.cell(k), key, bounds);
  }

  integer(key: GpColumn, bounds: NumberBounds = NO_BOUNDS): number {
    const r = this.record!;
    const k = this.at[key];
    const v = plainIntegerAt(r.text, r.starts[k]!, r.ends[k]!);
    return v !== undefined && withinBounds(v, bounds) ? v : integerField(r.cell(k), key, bounds);
  }
}

export function parseGpCsv(text: string, file: string): ParseResult<GpRow> {
  const rows: GpRow[] = [];
  const rejected: RowError[] = [];
  const lines: number[] = [];
  let cells: CsvOmmCells | null = null;
  const build = (): GpRow => gpRowFromOmm(cells!);
  const table = visitDelimitedSpans(text, file, ',', GP_CSV_COLUMNS, (record, columnIndex) => {
    cells ??= new CsvOmmCells(columnPositions(columnIndex));
    cells.record = record;
    collectRow(file, record.line, build, rows, rejected, lines);
  });
  rejected.push(...table.rejected);
  rejected.sort((a, b) => a.line - b.line);
  return { rows, rejected, total: rows.length + rejected.length, lines };
}

/** Where each OMM column is in the CSV header (all are there: the header check requires them). */
function columnPositions(columnIndex: ReadonlyMap<string, number>): Record<GpColumn, number> {
  const at = {} as Record<GpColumn, number>;
  for (const key of GP_CSV_COLUMNS) at[key] = columnIndex.get(key)!;
  return at;
}

/**
 * 1-based line on which each top-level element of a JSON array starts, so rejected JSON rows can
 * be reported by line like the other formats. Assumes the text already parsed as JSON.
 */
function topLevelElementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') line += 1;
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
      continue;
    }
    if (depth === 1 && expectElement && !/\s/.test(c) && c !== ']') {
      lines.push(line);
      expectElement = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth += 1;
      if (depth === 1) expectElement = true;
    } else if (c === ']' || c === '}') depth -= 1;
    else if (c === ',' && depth === 1) expectElement = true;
  }
  return lines;
}

export function parseGpJson(text: string, file: string): ParseResult<GpRow> {
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  if (text.trim().length === 0) throw new FeedFormatError(file, null, null, 'empty input');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    // A file cut mid-array fails here too.
    throw new FeedFormatError(file, null, null, `not valid JSON (truncated?): ${(err as Error).message}`);
  }
  if (!Array.isArray(data)) throw new FeedFormatError(file, 1, null, 'expected a JSON array of OMM objects');
  const objects = data.filter((o): o is Record<string, unknown> => typeof o === 'object' && o !== null && !Array.isArray(o));
  // A key absent from every object is a renamed/missing column, not a bad row.
  if (objects.length > 0) {
    for (const key of GP_CSV_COLUMNS) {
      if (objects.every((o) => !(key in o))) {
        throw new FeedFormatError(file, null, key, `required key "${key}" is missing from every object`);
      }
    }
  }
  const lines = topLevelElementLines(text);
  const rows: GpRow[] = [];
  const rejected: RowError[] = [];
  const accepted: number[] = [];
  data.forEach((item: unknown, k: number) => {
    const line = lines[k] ?? 1;
    collectRow(
      file,
      line,
      () => {
        if (typeof item !== 'object' || item === null || Array.isArray(item)) {
          throw new RowRejection(null, 'array element is not an object');
        }
        const obj = item as Record<string, unknown>;
        return gpRowFromOmm(ommCellsOf((key: GpColumn) => {
          const v = obj[key];
          if (v === undefined || v === null) return v;
          if (typeof v === 'string' || typeof v === 'number') return v;
          throw new RowRejection(key, `unexpected JSON ${typeof v}`);
        }));
      },
      rows,
      rejected,
      accepted,
    );
  });
  return { rows, rejected, total: data.length, lines: accepted };
}
