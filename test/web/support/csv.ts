/**
 * A small CSV reader for the downloads (quoted fields, commas and newlines inside quotes): the rows
 * as lists of cells, header first; # lines (the API writes them only with ?comments=1) and empty rows are skipped.
 */
export function csvRows(raw: string): string[][] {
  const text = raw.split('\n').filter((l) => !l.startsWith('#')).join('\n');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows.filter((r) => r.length > 1 || (r[0] ?? '') !== '');
}

/** The download's rows as records keyed by the header's names. */
export function parseCsv(raw: string): Record<string, string>[] {
  const [header, ...body] = csvRows(raw);
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}
