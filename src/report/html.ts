/** Small HTML helpers for the report: escaping, cited values, tables. */
import type { Cited, EntityRow } from '../model/entity-row.js';
import type { Citations } from './citations.js';

export const esc = (s: string | number | null | undefined): string =>
  String(s ?? '').replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

/** A value as text: money and coordinates unpacked, qualifiers kept. */
export function valueText(c: Cited): string {
  let v = c.value;
  if (v.startsWith('{')) {
    const o = JSON.parse(v) as Record<string, number | string>;
    if ('amount' in o) v = `${o.currency} ${Number(o.amount).toLocaleString('en-US')}${o.year ? ` (${o.year})` : ''}`;
    else if ('lat' in o) v = `${o.lat}, ${o.lon}`;
  }
  return `${c.qualifier ? `${c.qualifier} ` : ''}${v}`;
}

export function cited(c: Cited | undefined, cites: Citations, caption: (id: string) => string = (x) => x): string {
  if (!c) return '';
  const text = /^[a-z]+\.[a-z0-9.-]+$/.test(c.value) ? caption(c.value) : valueText(c);
  return `${esc(text)}${cites.cite(c.sourceId, c.locator)}`;
}

export function citedAll(row: EntityRow, property: string, cites: Citations, caption?: (id: string) => string): string {
  return (row.values[property] ?? []).map((c) => cited(c, cites, caption)).join('; ');
}

export function table(headers: string[], rows: string[][], attrs = ''): string {
  return `<table ${attrs}><thead><tr>${headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

export function figure(n: number, title: string, body: string, caption: string): string {
  return `<figure id="figure-${n}" data-figure="${n}"><figcaption><strong>Figure ${n}: ${esc(title)}</strong></figcaption>${body}<p class="caption">${caption}</p></figure>`;
}
