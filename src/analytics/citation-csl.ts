/**
 * A view's citation as CSL-JSON (an array of one item), valid against the CSL input schema
 * (citation-style-language/schema, csl-data.json): data views (charts, maps, tables,
 * indicators) are "dataset", the others "webpage"; issued is the data's as-of date.
 */
import { KIND_LABEL, PRODUCT, sourceLine, type Citation, type CitedViewKind } from './citation.js';

export interface CslDate { 'date-parts': [number[]] }
export interface CslItem {
  id: string; type: 'dataset' | 'webpage'; title: string; URL: string; publisher: string; author: { literal: string }[];
  'container-title': string; genre: string; accessed: CslDate; issued?: CslDate; note: string;
}

const DATASET_KINDS: ReadonlySet<CitedViewKind> = new Set(['chart', 'map', 'table', 'indicator']);

/** "2026-03-26" → [[2026, 3, 26]]; "2025-09" → [[2025, 9]]; null when the text is not such a date. */
export function cslDate(date: string): CslDate | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date.slice(0, 10));
  if (!m) return null;
  return { 'date-parts': [[m[1], m[2], m[3]].filter((x): x is string => x !== undefined).map(Number)] };
}

export function citationCsl(c: Citation): CslItem[] {
  const v = c.view;
  const sources = v.sources.map((s, i) => `${i + 1}. ${sourceLine(s)}`);
  if (v.moreSources) sources.push(`… and ${v.moreSources} more, listed on the page.`);
  const issued = v.asOf ? cslDate(v.asOf) : null;
  return [{
    id: c.key,
    type: DATASET_KINDS.has(v.kind) ? 'dataset' : 'webpage',
    title: v.title,
    URL: v.permalink,
    publisher: PRODUCT,
    author: [{ literal: PRODUCT }],
    'container-title': PRODUCT,
    genre: KIND_LABEL[v.kind],
    accessed: cslDate(c.accessed) ?? { 'date-parts': [[Number(c.accessed.slice(0, 4))]] },
    ...(issued ? { issued } : {}),
    note: `${v.asOf ? `Data as of ${v.asOf} (${v.asOfBasis}).\n` : ''}Sources:\n${sources.length ? sources.join('\n') : 'as listed on the page.'}`,
  }];
}
