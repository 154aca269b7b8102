/** The boxes of an SVG's one-line text elements (position, anchor, size and text read from the markup), for overlap checks. */
import { JSDOM } from 'jsdom';
import { textBox, type Anchor, type Box } from '../../src/report/label-layout.js';

export interface TextBox extends Box { text: string }

export function svgTextBoxes(svg: string): { width: number; height: number; boxes: TextBox[] } {
  const doc = new JSDOM(`<body>${svg}</body>`).window.document;
  const root = doc.querySelector('svg')!;
  const [, , width, height] = (root.getAttribute('viewBox') ?? '').split(' ').map(Number) as [number, number, number, number];
  const boxes = [...root.querySelectorAll('text')].map((t) => {
    const size = Number(t.getAttribute('font-size') ?? 11);
    const text = t.textContent ?? '';
    return { text, ...textBox(text, Number(t.getAttribute('x')), Number(t.getAttribute('y')), size, (t.getAttribute('text-anchor') ?? 'start') as Anchor) };
  });
  return { width, height, boxes };
}
