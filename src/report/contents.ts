/**
 * The contents list: each section and subsection heading, with the PDF page it starts on
 * once the document has been printed (see print-pdf.ts: print, find the pages, print again).
 */
import { SEGMENTS } from '../model/segments.js';
import { esc } from './html.js';

export interface ContentsEntry { id: string; title: string; level: 1 | 2 }

/** Page numbers by heading id; absent before the first printing. */
export type PageNumbers = ReadonlyMap<string, number>;

export function contentsEntries(since: string | null): ContentsEntry[] {
  return [
    { id: 'executive-summary', title: 'Executive Summary', level: 1 },
    { id: 'strategic-landscape', title: '2. Strategic Landscape', level: 1 },
    { id: 'plans-doctrine', title: '2.1 Plans & Doctrine', level: 2 },
    { id: 'funding', title: '2.2 Regulatory & Funding Shifts', level: 2 },
    { id: 'domestic', title: '2.3 Domestic Affairs', level: 2 },
    { id: 'foreign', title: '2.4 Foreign Affairs', level: 2 },
    { id: 'segment-analysis', title: '3. Segment Analysis & Risks to America', level: 1 },
    ...SEGMENTS.map((s) => ({ id: `segment-${s.id}`, title: `${s.section} ${s.label}`, level: 2 as const })),
    { id: 'space-safety', title: 'Space Safety Watch', level: 1 },
    { id: 'safety-close-approaches', title: 'The station\'s close approaches', level: 2 },
    { id: 'safety-reentries', title: 'Reentry watch', level: 2 },
    { id: 'safety-maneuvers', title: 'Maneuvers of China\'s objects', level: 2 },
    { id: 'recommendations', title: '4. Path Ahead: Recommendations', level: 1 },
    ...(since ? [{ id: 'changes-since', title: `What changed since ${since}`, level: 1 as const }] : []),
    { id: 'references', title: 'References', level: 1 },
  ];
}

/** Placeholder the width of a page number, so that the list takes the same room before and after numbering. */
const NO_PAGE = '&#8199;&#8199;&#8199;';

export function renderContents(entries: ContentsEntry[], pages: PageNumbers | null): string {
  const items = entries.map((e) => {
    const page = pages?.get(e.id);
    return `<li class="toc-${e.level}" data-toc="${esc(e.id)}"><a href="#${esc(e.id)}">${esc(e.title)}</a><span class="toc-page" data-page="${page ?? ''}">${page ?? NO_PAGE}</span></li>`;
  });
  return `<nav id="contents" class="contents"><h2 class="contents-title">Contents</h2><ol>${items.join('')}</ol></nav>`;
}
