/** Charts as standalone SVG for the report, drawn by Observable Plot on a server-side DOM. */
import { JSDOM } from 'jsdom';
import * as Plot from '@observablehq/plot';

let dom: JSDOM | null = null;
const doc = () => (dom ??= new JSDOM('')).window.document;

function svg(options: Plot.PlotOptions): string {
  const el = Plot.plot({ ...options, document: doc(), style: { fontSize: '11px', background: 'white', color: '#222' } }) as unknown as Element;
  return el.outerHTML;
}

export function stackedBars(rows: { x: string | number; y: number; group: string }[], o: { yLabel: string; colorLegend?: boolean; width?: number }): string {
  return svg({
    width: o.width ?? 760, height: 360, marginLeft: 60,
    x: { label: null, type: 'band' }, y: { label: o.yLabel, grid: true },
    color: { legend: o.colorLegend ?? true, scheme: 'tableau10' },
    marks: [Plot.barY(rows, { x: 'x', y: 'y', fill: 'group', tip: false }), Plot.ruleY([0])],
  });
}

export function groupedBars(rows: { x: string | number; y: number; group: string }[], o: { yLabel: string }): string {
  return svg({
    width: 760, height: 360, marginLeft: 60,
    fx: { label: null, type: 'band' }, x: { axis: null }, y: { label: o.yLabel, grid: true }, color: { legend: true, scheme: 'tableau10' },
    marks: [Plot.barY(rows, { fx: 'x', x: 'group', y: 'y', fill: 'group' }), Plot.ruleY([0])],
  });
}

export function line(rows: { x: number; y: number; group: string }[], o: { yLabel: string }): string {
  return svg({
    width: 760, height: 300, marginLeft: 60, x: { label: null, tickFormat: 'd' }, y: { label: o.yLabel, grid: true }, color: { legend: true },
    marks: [Plot.line(rows, { x: 'x', y: 'y', stroke: 'group', marker: 'dot' }), Plot.ruleY([0])],
  });
}

export function heatmap(rows: { x: string; y: string; value: number }[], o: { xLabel: string; yLabel: string }): string {
  return svg({
    width: 760, height: 380, marginLeft: 170, padding: 0.05,
    x: { label: o.xLabel }, y: { label: o.yLabel }, color: { scheme: 'blues', legend: false },
    marks: [Plot.cell(rows, { x: 'x', y: 'y', fill: 'value' }), Plot.text(rows, { x: 'x', y: 'y', text: 'value', fill: 'black' })],
  });
}

export function horizontalBars(rows: { label: string; value: number; group?: string }[], o: { xLabel: string }): string {
  return svg({
    width: 760, height: Math.max(160, rows.length * 22 + 50), marginLeft: 260,
    x: { label: o.xLabel, grid: true }, y: { label: null }, color: { legend: rows.some((r) => r.group), scheme: 'tableau10' },
    marks: [Plot.barX(rows, { y: 'label', x: 'value', fill: (d: { group?: string }) => d.group ?? 'value', sort: { y: null } }), Plot.ruleX([0])],
  });
}
