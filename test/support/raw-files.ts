/**
 * Plain readers of the bundled raw files for independent checks: no product parser is used,
 * only line and field splitting.
 */
import { readSnapshot } from '../../src/services/bundled-snapshots.js';

/** The non-empty lines of a bundled snapshot (comment lines included). */
export const rawLines = (file: string): string[] => readSnapshot(file).split('\n').filter((l) => l.trim() !== '');

/** One CSV line into fields (double quotes respected, no escapes inside: CelesTrak's files have none). */
export function csvFields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) { out.push(cur); cur = ''; } else cur += ch;
  }
  out.push(cur);
  return out;
}
