/** The report's title page: what it is, what it is derived from (with the original's authors and publisher), its data sources with their licences, and its dates. */
import type { ReportData } from './report-data.js';
import { esc, table } from './html.js';

export const PRODUCT_NAME = 'Redshift Monitor';
const ORIGINAL_ID = 'redshift-2025';

/** The dates the data speak of, for the title page and the document's head. */
export function dataAsOf(d: ReportData): string[] {
  return [
    ...(d.launches ? [`launch log to ${d.launches.coverage.to}`] : []),
    ...(d.spacecraft ? [`orbital catalog as of ${d.spacecraft.snapshot.asOf}`] : []),
  ];
}

function derivedFrom(d: ReportData): string {
  const o = d.sources.get(ORIGINAL_ID);
  if (!o) return '';
  const authors = o.authors.length ? `by ${esc(o.authors.join(' and '))}, ` : '';
  return `<p class="derived" data-derived-from="${ORIGINAL_ID}">Derived from <em>${esc(o.title)}</em>, ${authors}${esc(o.publisher ?? '')}${o.published ? `, ${esc(o.published)}` : ''}.`
    + `${o.citation ? ` Cite the original as: ${esc(o.citation)}` : ''} Its structure, its quotations and every number marked “Report” come from that document; every other number comes from the data sources below.</p>`;
}

function dataSources(d: ReportData): string {
  const sets = [...d.sources.values()].filter((s) => s.kind === 'dataset' && d.sourcesInUse.has(s.id)).sort((a, b) => a.title.localeCompare(b.title));
  return table(['data source', 'publisher', 'licence / terms'], [
    ...sets.map((s) => [`${esc(s.title)}${s.url ? `<br><a href="${esc(s.url)}">${esc(s.url)}</a>` : ''}`, esc(s.publisher ?? ''), esc(s.licence ?? 'none stated')]),
    ['Map outlines: Natural Earth Admin 0 country boundaries (1:110m), as TopoJSON in the world-atlas package', 'Natural Earth; world-atlas by Mike Bostock', 'Natural Earth: public domain; world-atlas: ISC'],
  ], 'class="compact" data-table="data-sources"');
}

export function titlePage(d: ReportData): string {
  const asOf = dataAsOf(d);
  return `<section id="title-page" class="title-page">
<p class="product">${PRODUCT_NAME}</p>
<h1><em>Redshift</em>, regenerated from data</h1>
<p class="subtitle">The Acceleration of China's Commercial and Civil Space Enterprise: the September 2025 report's structure, with each figure redrawn and each number re-cited from the ${PRODUCT_NAME} knowledge base.</p>
<p class="dates"><span data-generated="${esc(d.generatedAt)}">Generated ${esc(d.generatedAt.slice(0, 16).replace('T', ' '))} UTC.</span>${asOf.length ? ` <span data-as-of>Data as of: ${esc(asOf.join('; '))}.</span>` : ''}</p>
${derivedFrom(d)}
<p class="credits-title"><strong>Data sources and licences</strong> (the datasets this knowledge base holds data from)</p>
${dataSources(d)}
<p class="small">Produced by ${PRODUCT_NAME}, open-source software (MIT licence); charts drawn with Observable Plot. Chinese names are shown as the cited sources write them.</p>
</section>`;
}
