/**
 * Country codes met while ingesting a catalog, checked against the country vocabulary
 * (data/rules/country-codes.yaml). An unknown code does not reject its row (the rest of
 * the row is sound and the code is stored as written), but it is reported with the line
 * and field of every occurrence, and the analytics never read it as a country.
 */
import type { ParseResult } from './feed-errors.js';
import type { CountryVocabulary, Vocabulary } from '../model/country-codes.js';

/** One occurrence of a country code in an input file. */
export interface CountryCodeUse { line: number; field: string; vocabulary: Vocabulary; code: string }

/** A code the vocabulary does not know: where it occurs (the first lines) and how often. */
export interface UnknownCountryCode { vocabulary: Vocabulary; field: string; code: string; rows: number; lines: number[] }

const LINES_KEPT = 20;

/** The country codes of the parsed rows, for the named fields (line numbers need `parsed.lines`). */
export function countryCodeUses<T>(parsed: ParseResult<T>, vocabulary: Vocabulary, fields: Record<string, (row: T) => string | null>): CountryCodeUse[] {
  const uses: CountryCodeUse[] = [];
  parsed.rows.forEach((row, i) => {
    for (const [field, get] of Object.entries(fields)) {
      const code = get(row)?.trim();
      if (code) uses.push({ line: parsed.lines?.[i] ?? 0, field, vocabulary, code });
    }
  });
  return uses;
}

export function unknownCountryCodes(uses: readonly CountryCodeUse[], vocabulary: CountryVocabulary): UnknownCountryCode[] {
  const byKey = new Map<string, UnknownCountryCode>();
  for (const u of uses) {
    if (vocabulary.resolve(u.vocabulary, u.code).status !== 'unknown') continue;
    const key = `${u.field}\t${u.code}`;
    const entry = byKey.get(key) ?? byKey.set(key, { vocabulary: u.vocabulary, field: u.field, code: u.code, rows: 0, lines: [] }).get(key)!;
    entry.rows++;
    if (entry.lines.length < LINES_KEPT) entry.lines.push(u.line);
  }
  return [...byKey.values()].sort((a, b) => b.rows - a.rows || a.code.localeCompare(b.code));
}
