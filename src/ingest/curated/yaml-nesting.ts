/**
 * A bound on a YAML text's nesting, read from the yaml library's lexer (which loops, it does not
 * recurse) before the text is parsed: the parser and composer recurse once or more per level, so a
 * few thousand levels (`[[[[…`, `- - - …`, `? ? ? …`, deep indentation) overflow the call stack, and
 * where the overflow lands decides what happens (one error, two, or on a deep enough caller stack
 * a fatal V8 error that ends the process). A line's bound is its indentation, plus its `-` and `?`
 * indicators, plus the flow brackets open on it; quoted scalars, block scalars and comments are
 * single tokens, so brackets in text do not count. The curated data stays far below the limit
 * (its nesting is at most MAX_YAML_DEPTH, 32, checked on the parsed document with each node's path).
 */
import { Lexer } from 'yaml';

/** Far above any curated file, far below the parser's stack use (its stack overflowed at 1,600 levels in Node 20). */
export const MAX_YAML_NESTING_BOUND = 256;

export interface NestingExcess { line: number; bound: number }

/** The first line whose nesting bound exceeds `limit`, or null. */
export function nestingBeyond(text: string, limit = MAX_YAML_NESTING_BOUND): NestingExcess | null {
  let line = 1;
  let flow = 0;
  let lineStart = true;
  let bound = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === '[' || token === '{') flow++;
    else if ((token === ']' || token === '}') && flow > 0) flow--;
    if (lineStart && /^ +$/.test(token)) bound = token.length;
    lineStart = false;
    if (token === '-' || token === '?') bound++;
    if (bound + flow > limit) return { line, bound: bound + flow };
    const breaks = countLineBreaks(token);
    if (breaks > 0) {
      line += breaks;
      lineStart = true;
      bound = 0;
    }
  }
  return null;
}

function countLineBreaks(token: string): number {
  let n = 0;
  for (let i = token.indexOf('\n'); i !== -1; i = token.indexOf('\n', i + 1)) n++;
  return n;
}
