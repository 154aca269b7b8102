/** Assembles the regenerated report: one self-contained HTML document (inline SVG figures, no network). */
import type { ReportData } from './report-data.js';
import { Citations } from './citations.js';
import { esc } from './html.js';
import { executiveSummary, recommendations, changesSince } from './sections-summary.js';
import { strategicLandscape } from './sections-landscape.js';
import { segmentAnalysis } from './sections-segments.js';
import { spaceSafety } from './sections-safety.js';
import { titlePage } from './title-page.js';
import { contentsEntries, renderContents, type PageNumbers } from './contents.js';

/** Chinese names need a CJK font: Noto CJK (Debian's fonts-noto-cjk) is named first, then the platform's usual CJK fonts. */
const CJK_FONTS = `'Noto Serif CJK SC','Noto Sans CJK SC','Source Han Serif SC','Songti SC','SimSun'`;

const CSS = `body{font-family:Georgia,'Times New Roman',${CJK_FONTS},serif;max-width:900px;margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.45}
[lang|=zh]{font-family:${CJK_FONTS},serif}
h1,h2,h3,h4,h5{font-family:system-ui,sans-serif;color:#7a1010}h2{border-bottom:2px solid #7a1010;padding-bottom:.2rem;margin-top:2.5rem}
table{border-collapse:collapse;width:100%;margin:.6rem 0;font-size:.85rem}th,td{border:1px solid #ccc;padding:.25rem .4rem;vertical-align:top;text-align:left}
th{background:#f4f0ec}figure{margin:1.2rem 0;page-break-inside:avoid}figure svg{max-width:100%;height:auto}.caption{font-size:.8rem;color:#444}
sup.cite a{text-decoration:none;color:#7a1010;font-size:.75em}.thennow{font-family:system-ui,sans-serif;font-size:.85rem}.basis,.na{color:#666;font-size:.8rem}
ul.cols{columns:2;font-size:.85rem}.references{font-size:.78rem;word-break:break-word}.status-pending{color:#b36b00}.status-met-on-time,.status-met-early,.status-met{color:#1e7b34}.status-missed,.status-met-late,.status-overdue{color:#b00}
.title-page .product{font-family:system-ui,sans-serif;letter-spacing:.08em;text-transform:uppercase;color:#7a1010}.title-page h1{font-size:2.2rem;margin:.3rem 0}.title-page .subtitle{font-size:1.1rem}.title-page table{font-size:.68rem}.title-page td,.title-page th{padding:.12rem .3rem}.small{font-size:.8rem}
.contents ol{list-style:none;padding:0}.contents li{display:flex;gap:.5rem}.contents li a{flex:1;color:inherit;text-decoration:none;border-bottom:1px dotted #aaa}.contents .toc-2{padding-left:1.5rem;font-size:.92rem}.toc-page{min-width:2.5em;text-align:right}
@page{margin:16mm 14mm 18mm;@bottom-center{content:counter(page);font-family:system-ui,sans-serif;font-size:9pt;color:#555}}
@media print{body{margin:0;max-width:none}h2{page-break-before:always}.title-page{page-break-after:always}}`;

export const REPORT_SECTIONS = ['executive-summary', 'strategic-landscape', 'segment-analysis', 'space-safety', 'recommendations', 'references'] as const;

export interface RenderOptions {
  /** The PDF page each heading starts on (from a first printing); the contents list shows them. */
  pages?: PageNumbers | null;
}

export function renderReport(d: ReportData, opts: RenderOptions = {}): { html: string; citations: number } {
  const cites = new Citations(d.sources);
  const body = [executiveSummary(d, cites), strategicLandscape(d, cites), segmentAnalysis(d, cites), spaceSafety(d, cites), recommendations(d, cites), changesSince(d, cites)].join('\n');
  const refs = `<section id="references"><h2>References</h2><p>Every number in this document cites one of these entries; entries that cite the Redshift report also resolve the report's own numbered references to their URLs.</p>${cites.renderList(esc)}</section>`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Redshift, regenerated (${esc(d.generatedAt.slice(0, 10))})</title><style>${CSS}</style></head><body>
<header>${titlePage(d)}
${renderContents(contentsEntries(d.since), opts.pages ?? null)}</header>
${body}
${refs}
</body></html>
`;
  return { html: numberPlotIds(html), citations: cites.count() };
}

/**
 * Plot names the markers, clip paths and patterns it draws from counters that live as long as the
 * process (plot-marker-1, -2, …), so the same report rendered twice would differ in those ids alone.
 * They are renumbered per kind in order of first use, which keeps them unique in the document and
 * makes the output depend on the data only.
 */
function numberPlotIds(html: string): string {
  const ids = new Map<string, string>();
  const used = new Map<string, number>();
  return html.replace(/plot-(marker|clip|pattern)-\d+/g, (id, kind: string) => {
    let fixed = ids.get(id);
    if (!fixed) {
      const n = (used.get(kind) ?? 0) + 1;
      used.set(kind, n);
      ids.set(id, (fixed = `plot-${kind}-${n}`));
    }
    return fixed;
  });
}
