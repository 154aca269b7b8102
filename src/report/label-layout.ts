/**
 * Text boxes for SVG labels: an estimate of a label's width from its characters (wide CJK
 * glyphs count a full em, capitals and digits more than lower case), the box a text element
 * covers, and an overlap test. The charts place labels with these, and the tests check the
 * drawn SVG with the same estimate.
 */
export interface Box { x0: number; y0: number; x1: number; y1: number }

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Estimated advance of one character, in ems (generous for a sans-serif face such as DejaVu Sans or system-ui). */
function charEms(c: string): number {
  if (WIDE.test(c)) return 1;
  if (c === ' ') return 0.33;
  if ('.,:;\'!|il'.includes(c)) return 0.32;
  if (c >= 'A' && c <= 'Z') return 0.72;
  if ('mwMW'.includes(c)) return 0.9;
  return 0.62;
}

export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const c of text) ems += charEms(c);
  return ems * fontSize;
}

export type Anchor = 'start' | 'middle' | 'end';

/** The box of a one-line text element drawn at (x, y), y being the baseline. */
export function textBox(text: string, x: number, y: number, fontSize: number, anchor: Anchor = 'start'): Box {
  const w = textWidth(text, fontSize);
  const x0 = anchor === 'start' ? x : anchor === 'middle' ? x - w / 2 : x - w;
  return { x0, x1: x0 + w, y0: y - fontSize * 0.85, y1: y + fontSize * 0.25 };
}

export const overlaps = (a: Box, b: Box, gap = 0) => a.x0 < b.x1 + gap && b.x0 < a.x1 + gap && a.y0 < b.y1 + gap && b.y0 < a.y1 + gap;

export const inside = (a: Box, width: number, height: number) => a.x0 >= 0 && a.y0 >= 0 && a.x1 <= width && a.y1 <= height;

/** Splits text into lines no wider than `maxWidth` at spaces (a longer word gets its own line). */
export function wrap(text: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const joined = line ? `${line} ${word}` : word;
    if (line && textWidth(joined, fontSize) > maxWidth) { lines.push(line); line = word; } else line = joined;
  }
  if (line) lines.push(line);
  return lines;
}
