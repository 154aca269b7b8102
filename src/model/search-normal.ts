/**
 * The normalized form names and queries are compared in: compatibility forms folded (NFKC, so
 * full-width "ＣＺ" is "cz"), tone marks and other combining marks removed (NFD, then every
 * \p{M} dropped, so "Qiānfān" is "qianfan"), lower case, and every run of characters that are
 * neither letters nor digits (spaces, hyphens, dots, brackets) turned into one space, so
 * "CZ-5B", "cz 5b" and "CZ 5B" compare equal. Chinese characters are letters and are kept.
 */
const MARKS = /\p{M}/gu;
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

export function normalizeSearch(text: string): string {
  return text.normalize('NFKC').normalize('NFD').replace(MARKS, '').normalize('NFC').toLowerCase().replace(SEPARATORS, ' ').trim();
}
