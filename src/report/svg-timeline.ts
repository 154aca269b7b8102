/**
 * Figure 1's timeline as SVG: one row per event, earliest first; a dot on a time axis at the
 * left, the label (wrapped) in its own band of a column at the right, joined by a leader line.
 * Each label has its own rows, so no two labels can overlap, whatever their length.
 */
import { esc } from './html.js';
import { wrap } from './label-layout.js';

export interface TimelineRow { date: Date; label: string }

const WIDTH = 760;
const FONT = 11;
const LINE = 14;
const GAP = 6;
const AXIS = { x0: 24, x1: 250 };
const LABEL_X = 270;
const TOP = 30;

export function timelineSvg(rows: TimelineRow[]): string {
  if (!rows.length) return '';
  const t = rows.map((r) => r.date.getTime());
  const y0 = new Date(Math.min(...t)).getUTCFullYear();
  const y1 = new Date(Math.max(...t)).getUTCFullYear() + 1;
  const span = Date.UTC(y1, 0, 1) - Date.UTC(y0, 0, 1);
  const x = (d: Date) => AXIS.x0 + ((d.getTime() - Date.UTC(y0, 0, 1)) / span) * (AXIS.x1 - AXIS.x0);
  let y = TOP;
  const marks: string[] = [];
  for (const r of rows) {
    const lines = wrap(r.label, WIDTH - LABEL_X - 8, FONT);
    const mid = y + ((lines.length - 1) * LINE) / 2;
    const dx = x(r.date);
    marks.push(`<line x1="${dx.toFixed(1)}" y1="${mid.toFixed(1)}" x2="${LABEL_X - 4}" y2="${mid.toFixed(1)}" stroke="#ddd" stroke-width="0.8"/>`
      + `<circle cx="${dx.toFixed(1)}" cy="${mid.toFixed(1)}" r="3.5" fill="#b22"/>`
      + lines.map((l, i) => `<text x="${LABEL_X}" y="${(y + i * LINE + 4).toFixed(1)}" font-size="${FONT}">${esc(l)}</text>`).join(''));
    y += lines.length * LINE + GAP;
  }
  const height = y + 4;
  const step = y1 - y0 > 16 ? 4 : 2;
  const ticks: string[] = [];
  for (let yr = y0; yr <= y1; yr += step) {
    const tx = x(new Date(Date.UTC(yr, 0, 1)));
    ticks.push(`<line x1="${tx.toFixed(1)}" y1="${TOP - 12}" x2="${tx.toFixed(1)}" y2="${height - 4}" stroke="#eee"/>`
      + `<text x="${tx.toFixed(1)}" y="${TOP - 16}" font-size="10" text-anchor="middle" fill="#555">${yr}</text>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" font-family="system-ui, sans-serif" data-chart="timeline">`
    + `${ticks.join('')}${marks.join('')}</svg>`;
}
