/**
 * The stored rows a file's rejected rows name. A rejected row is not a removal: whatever the store holds
 * under its key stays as it is (nothing lost to one bad value). Where a rejected row's key cannot be read
 * (a row with the wrong number of cells, an unreadable key cell) it might be any stored row, so the table
 * removes nothing in that run ('all'); the ingest report says so (IngestReport.removalsWithheld).
 */
import type { RowError, RowKey } from './feed-errors.js';
import type { KeptIds } from '../model/catalog-rows.js';

/** `idOf` gives the store id a rejected row's key (on its line) names, or null when it names none. */
export function keptIds(rejected: readonly RowError[], idOf: (key: RowKey, line: number) => string | null): KeptIds {
  const ids: string[] = [];
  for (const r of rejected) {
    if (r.repeats !== undefined) continue; // a repeat of an accepted row: that row is written
    const id = r.key ? idOf(r.key, r.line) : null;
    if (id === null) return 'all';
    ids.push(id);
  }
  return ids;
}

/** A key column's value, or null when the key lacks it or it is the empty marker. */
export function keyValue(key: RowKey, column: string): string | null {
  return key[column] ?? null;
}
