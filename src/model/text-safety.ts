/**
 * The value check every stored text passes, from the feeds and from the curated data: no NUL or
 * other control characters (C0, DEL, C1), no U+FFFD (a decoding failure upstream), no unpaired
 * UTF-16 surrogate (PostgreSQL cannot store one), and a length limit. Written as one loop over the
 * characters, so its time is linear in the length whatever the input.
 */

/** Longest text one feed field may hold; the longest field read from the staged files has 120. */
export const MAX_FEED_TEXT = 1_000;

export interface TextOptions {
  /** Longest allowed text, in UTF-16 code units. */
  maxLength: number;
  /** Allow line feeds and tabs (multi-line curated text); never in feed fields. */
  allowLineBreaks?: boolean;
}

const hex = (code: number): string => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why the text cannot be stored, or null when it can. */
export function unsafeTextReason(text: string, opts: TextOptions): string | null {
  if (text.length > opts.maxLength) return `text of ${text.length} characters is longer than ${opts.maxLength}`;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return `contains a NUL character at position ${i + 1}`;
    if (opts.allowLineBreaks && (c === 0x0a || c === 0x09)) continue;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return `contains the control character ${hex(c)} at position ${i + 1}`;
    if (c === 0xfffd) return `contains U+FFFD (a character lost in decoding) at position ${i + 1}`;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) { i += 1; continue; }
      return `contains an unpaired surrogate ${hex(c)} at position ${i + 1}`;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return `contains an unpaired surrogate ${hex(c)} at position ${i + 1}`;
  }
  return null;
}

/** Longest reason a rejection records; longer ones are cut with "…". */
export const MAX_REASON = 300;

/**
 * Text as quoted in an error message: cut to `max` characters, and every character that the
 * stored-text check refuses written as \uXXXX, so a message about bad input can itself be stored.
 */
export function printable(text: string, max = MAX_REASON): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  let out = '';
  for (let i = 0; i < cut.length; i++) {
    const c = cut.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && cut.charCodeAt(i + 1) >= 0xdc00 && cut.charCodeAt(i + 1) <= 0xdfff;
    if (pair) { out += cut.slice(i, i + 2); i += 1; continue; }
    const bad = c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0xfffd || (c >= 0xd800 && c <= 0xdfff);
    out += bad ? `\\u${c.toString(16).padStart(4, '0')}` : cut[i];
  }
  return out;
}
