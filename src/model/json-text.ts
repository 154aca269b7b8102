/**
 * JSON.parse with the place of a syntax error: its line and column (1-based) and its offset in characters.
 * V8 gives the offset for most errors ("… in JSON at position 7"), none for a truncated text ("Unexpected end
 * of JSON input": the end) or an unexpected token; then a scan of the text (jsonSyntaxOffset) finds it.
 */
import { errorMessage } from './error-message.js';

export type JsonSyntaxError = { reason: string; line: number; column: number; offset: number };
export type ParsedJson = { ok: true; value: unknown } | ({ ok: false } & JsonSyntaxError);

export function parseJsonText(text: string): ParsedJson {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    const message = errorMessage(err);
    const at = /JSON at position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : jsonSyntaxOffset(text);
    const reason = withoutQuotedText(message.replace(/ at position \d+.*$/s, '').replace(/ in JSON$/, ''));
    return { ok: false, reason, ...lineColumn(text, offset), offset };
  }
}

/** V8's `Unexpected token 'x', "…text…" is not valid JSON` without the quoted text (found by index: a regex over it was polynomial). */
function withoutQuotedText(message: string): string {
  if (!message.endsWith(' is not valid JSON')) return message;
  const quote = message.search(/, (?:\.\.\.)?"/);
  return quote < 0 ? message : message.slice(0, quote);
}

/** The 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

const WHITESPACE = /[ \t\n\r]*/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const SCALAR = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

/** The length of the token of this pattern at `at`, or -1. */
function tokenAt(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  return pattern.test(text) ? pattern.lastIndex - at : -1;
}

/** How much of `true`, `false` or `null` the text at `at` spells before it goes wrong (`tru}`: 3). */
function literalPrefix(text: string, at: number): number {
  const literal = ['true', 'false', 'null'].find((l) => l[0] === text[at]) ?? '';
  let n = 0;
  while (n < literal.length && text[at + n] === literal[n]) n++;
  return n;
}

/** What may come next: a value (or, first in a list, "]"), a key (or, first in an object, "}"), ":", or "," and a closing bracket. */
type Expect = 'value' | 'first-value' | 'key' | 'first-key' | 'colon' | 'next';

/** What a scan reports as it reads: where each value and each key starts, and each bracket opened or closed. */
export interface JsonScanVisitor {
  /** A value starts at `at` (an object, an array or a scalar), before `open` for an object or array. */
  value(at: number): void;
  /** A key: the quoted string from `start` to `end`. */
  key(start: number, end: number): void;
  open(bracket: '{' | '['): void;
  close(): void;
}

/**
 * The offset of the first character where `text` stops being JSON (its length when it ends too soon), or -1
 * when it is JSON. Iterative, with its own stack of open brackets, so any depth is scanned.
 */
export function jsonSyntaxOffset(text: string): number {
  return scanJson(text);
}

/** jsonSyntaxOffset, telling `visit` what it reads on the way. */
export function scanJson(text: string, visit?: JsonScanVisitor): number {
  const open: string[] = [];
  let expect: Expect = 'value';
  let i = 0;
  for (;;) {
    i += tokenAt(WHITESPACE, text, i);
    if (i >= text.length) return expect === 'next' && open.length === 0 ? -1 : text.length;
    const c = text[i]!;
    const closing = open[open.length - 1] === '{' ? '}' : ']';
    if ((expect === 'next' || expect === 'first-key' || expect === 'first-value') && open.length > 0 && c === closing) {
      open.pop(); visit?.close(); expect = 'next'; i++; continue;
    }
    if (expect === 'next') {
      if (open.length === 0 || c !== ',') return i;
      expect = closing === '}' ? 'key' : 'value'; i++; continue;
    }
    if (expect === 'colon') {
      if (c !== ':') return i;
      expect = 'value'; i++; continue;
    }
    const wantsKey: boolean = expect === 'key' || expect === 'first-key';
    if (wantsKey && c !== '"') return i;
    if (!wantsKey) visit?.value(i);
    if (c === '{' || c === '[') {
      open.push(c); visit?.open(c); expect = c === '{' ? 'first-key' : 'first-value'; i++; continue;
    }
    const n = tokenAt(c === '"' ? STRING : SCALAR, text, i);
    if (n < 0) return i + literalPrefix(text, i);
    if (wantsKey) visit?.key(i, i + n);
    expect = wantsKey ? 'colon' : 'next'; i += n;
  }
}
