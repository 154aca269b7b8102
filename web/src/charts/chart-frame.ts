/**
 * The frame of every chart: title, the drawing, a legend, a caption naming its sources,
 * downloads of exactly what is drawn (CSV and JSON), the API's own CSV/JSON, a permalink,
 * and the drawn numbers as a table (readable without the picture).
 */
import type { ApiLinks } from '../api/client.ts';
import { cite } from '../citations/cite.ts';
import { h, type Child } from '../dom.ts';
import { csvBody } from '../../../src/services/csv.ts';
import { citeButton } from '../citations/cite-dialog.ts';

export type Cell = string | number | boolean | null;
export interface DrawnTable { columns: string[]; rows: Cell[][] }

export interface ChartParts {
  plot: Element;
  legend?: { label: string; color: string }[];
  /** Exactly the numbers drawn, one row per mark. */
  table: DrawnTable;
  sources: { sourceId: string; locator?: string | null }[];
  notes?: Child[];
  /** The API request behind the chart (for the API's CSV and JSON). */
  api: ApiLinks;
}

export interface ChartSpec { id: string; title: string; permalink: string; level?: 'h2' | 'h3' }

/** The drawn table as CSV, written by the one CSV writer the API and the data package use (formulas neutralised). */
export function tableToCsv(t: DrawnTable): string {
  return csvBody(t.columns, t.rows);
}

export function tableToJson(t: DrawnTable): string {
  return JSON.stringify(t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i] ?? null]))), null, 1);
}

function download(label: string, content: string, type: string, filename: string, kind: string): HTMLAnchorElement {
  const url = URL.createObjectURL(new Blob([content], { type }));
  return h('a', { href: url, download: filename, 'data-download': kind }, label);
}

function legend(items: { label: string; color: string }[]): HTMLElement {
  return h('ul', { class: 'chart-legend', 'aria-label': 'Legend' }, items.map((i) => h('li', null, h('span', { class: 'swatch', style: `background:${i.color}` }), i.label)));
}

function dataTable(t: DrawnTable): HTMLElement {
  return h('details', { class: 'data-table-toggle' },
    h('summary', null, `Numbers drawn (${t.rows.length} rows)`),
    h('div', { class: 'scroll' }, h('table', { 'data-drawn': '' },
      h('thead', null, h('tr', null, t.columns.map((c) => h('th', null, c)))),
      h('tbody', null, t.rows.map((r) => h('tr', null, r.map((v) => h('td', { class: typeof v === 'number' ? 'num' : null }, v === null ? '' : String(v)))))))));
}

export function chartFigure(spec: ChartSpec, parts: ChartParts): HTMLElement {
  const permalink = `${location.origin}${location.pathname}${spec.permalink}`;
  const sources = [...new Map(parts.sources.map((s) => [`${s.sourceId}|${s.locator ?? ''}`, s])).values()];
  return h('figure', { class: 'chart', id: `chart-${spec.id}`, 'data-chart': spec.id },
    h(spec.level ?? 'h2', null, spec.title),
    parts.legend?.length ? legend(parts.legend) : null,
    h('div', { class: 'chart-plot' }, parts.plot),
    h('figcaption', null,
      parts.notes?.length ? h('div', { class: 'chart-notes' }, parts.notes.map((n) => h('p', null, n))) : null,
      h('p', { class: 'chart-sources' }, h('strong', null, 'Sources: '), sources.map((s, i) => [i ? '; ' : '', cite(s.sourceId, s.locator ?? null)])),
      h('div', { class: 'chart-actions' },
        h('span', null, 'Download data as drawn: ', download('CSV', tableToCsv(parts.table), 'text/csv', `${spec.id}.csv`, 'csv'), ' · ', download('JSON', tableToJson(parts.table), 'application/json', `${spec.id}.json`, 'json')),
        h('span', null, 'From the API: ', h('a', { href: parts.api.csv, 'data-api': 'csv' }, 'CSV'), ' · ', h('a', { href: parts.api.json, 'data-api': 'json' }, 'JSON')),
        h('a', { href: spec.permalink, 'data-permalink': permalink, title: permalink }, 'Permalink'),
        citeButton(() => permalink, `Cite the chart: ${spec.title}`)),
      dataTable(parts.table)));
}
