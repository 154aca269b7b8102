/**
 * The first, character-at-a-time version of readDelimitedRecords (src/ingest/celestrak-gp/csv-reader.ts),
 * kept as the reference the faster reader is compared with (csv-reader.property.test.ts).
 */
import { FeedFormatError } from '../../../src/ingest/feed-errors.js';
import type { DelimitedRecord } from '../../../src/ingest/celestrak-gp/csv-reader.js';

/**
 * Split text into records. Throws FeedFormatError when a quoted field is still open at the end of
 * the input (a file cut inside a quoted field).
 */
export function referenceDelimitedRecords(text: string, file: string, delimiter: string): DelimitedRecord[] {
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const records: DelimitedRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let quoteOpenedOn = 0;
  let i = 0;
  const n = text.length;
  const endRecord = (): void => {
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < n) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i += 1;
        continue;
      }
      if (c === '\n') line += 1;
      field += c;
      i += 1;
      continue;
    }
    if (c === '"' && field.length === 0) {
      inQuotes = true;
      quoteOpenedOn = line;
      i += 1;
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
      i += 1;
    } else if (c === '\r' && text[i + 1] === '\n') {
      i += 1; // the LF ends the record
    } else if (c === '\n') {
      endRecord();
      line += 1;
      recordLine = line;
      i += 1;
    } else {
      field += c;
      i += 1;
    }
  }
  if (inQuotes) {
    throw new FeedFormatError(file, quoteOpenedOn, null, 'truncated file: quoted field opened here is never closed');
  }
  // A final record without a trailing line break.
  if (field.length > 0 || fields.length > 0) endRecord();
  return records;
}

