/**
 * A citation of one view of Redshift Monitor (an entity, a statement, a chart, an indicator,
 * a map, a page): what is cited, where (its permalink), how current its data are, and the
 * sources behind it, with the Redshift report's own reference numbers. Pure: the caller
 * resolves the view (src/services/resolve-citation.ts); this file only formats it.
 * BibTeX is in citation-bibtex.ts, CSL-JSON in citation-csl.ts.
 */

export const PRODUCT = 'Redshift Monitor';

export const CITED_VIEW_KINDS = ['entity', 'statement', 'chart', 'indicator', 'map', 'table', 'changes', 'timeline', 'segment', 'page'] as const;
export type CitedViewKind = (typeof CITED_VIEW_KINDS)[number];

/** What each kind of view is called in a citation. */
export const KIND_LABEL: Record<CitedViewKind, string> = {
  entity: 'entity page', statement: 'sourced statement', chart: 'chart', indicator: 'indicator', map: 'map', table: 'table',
  changes: 'change log', timeline: 'timeline', segment: 'segment overview', page: 'page',
};

/** One source behind a view: its record, and where in it the view's facts are (locators, the report's reference numbers). */
export interface CitedSource {
  id: string;
  title: string;
  publisher: string | null;
  published: string | null;
  url: string | null;
  /** The source's own full citation, when the knowledge base gives one (the report has one). */
  citation: string | null;
  /** Sections, tables, rows (e.g. "§3.1.3 [090]", "orgs.tsv Code LANDSP"), as the statements give them. */
  locators: string[];
  /** The report's numbered references cited in those locators, each with its URL when known. */
  references: { number: string; url: string | null }[];
}

export interface CitedView {
  kind: CitedViewKind;
  /** The view's own id (an entity or statement id, a chart name), for the citation key. */
  id: string;
  title: string;
  permalink: string;
  /** The date the view's data describe (a snapshot's date, the newest data date), YYYY[-MM[-DD]]. */
  asOf: string | null;
  /** What the as-of date is the date of. */
  asOfBasis: string;
  sources: CitedSource[];
  /** Sources of the view left out of the list (a page drawing on very many sources names the most used). */
  moreSources: number;
}

export interface Citation { view: CitedView; accessed: string; key: string; text: string }

/** "[090] https://…" for each report reference. */
function referenceList(s: CitedSource): string {
  return s.references.map((r) => (r.url ? `[${r.number}] ${r.url}` : `[${r.number}]`)).join('; ');
}

/** One source as a bibliography line: its citation (or title, publisher, date), the locators, the report's references. */
export function sourceLine(s: CitedSource): string {
  const base = s.citation ?? [s.title, s.publisher, s.published].filter(Boolean).join(', ');
  const parts = [base.replace(/\.$/, '')];
  if (s.locators.length) parts.push(s.locators.join('; '));
  if (s.url) parts.push(s.url);
  if (s.references.length) parts.push(`report references ${referenceList(s)}`);
  return `${parts.join('. ')}.`;
}

/** FNV-1a over the text, as 8 hex digits: a short, stable tag for a permalink's query. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * A citation key that is the same for the same permalink on any day: "redshift-monitor:entity:org.landspace",
 * with a hash of the permalink's query when it has one. Only letters, digits and ". - _ :" (safe in BibTeX and CSL).
 */
export function citationKey(view: Pick<CitedView, 'kind' | 'id' | 'permalink'>): string {
  const id = view.id.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80) || 'home';
  const query = view.permalink.includes('?') ? view.permalink.slice(view.permalink.indexOf('?') + 1) : '';
  return `redshift-monitor:${view.kind}:${id}${query ? `:${shortHash(query)}` : ''}`;
}

/** The plain-text citation: product, view, as-of date, permalink, access date, then the numbered sources. */
export function citationText(view: CitedView, accessed: string): string {
  const head = `${PRODUCT}. “${view.title}” [${KIND_LABEL[view.kind]}]. `
    + `${view.asOf ? `Data as of ${view.asOf} (${view.asOfBasis}). ` : ''}${view.permalink} (accessed ${accessed}).`;
  const lines = view.sources.map((s, i) => `${i + 1}. ${sourceLine(s)}`);
  if (view.moreSources) lines.push(`… and ${view.moreSources} more source${view.moreSources === 1 ? '' : 's'}, listed on the page.`);
  return lines.length ? `${head}\nSources:\n${lines.join('\n')}` : `${head}\nSources: as listed on the page.`;
}

export function buildCitation(view: CitedView, accessed: string): Citation {
  return { view, accessed, key: citationKey(view), text: citationText(view, accessed) };
}
