/** Assembles the regenerated report: one self-contained HTML document (inline SVG figures, no network). */
import type { ReportData } from './report-data.js';
import { Citations } from './citations.js';
import { esc } from './html.js';
import { executiveSummary, recommendations, changesSince } from './sections-summary.js';
import { strategicLandscape } from './sections-landscape.js';
import { segmentAnalysis } from './sections-segments.js';

const CSS = `body{font-family:Georgia,'Times New Roman',serif;max-width:900px;margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.45}
h1,h2,h3,h4,h5{font-family:system-ui,sans-serif;color:#7a1010}h2{border-bottom:2px solid #7a1010;padding-bottom:.2rem;margin-top:2.5rem}
table{border-collapse:collapse;width:100%;margin:.6rem 0;font-size:.85rem}th,td{border:1px solid #ccc;padding:.25rem .4rem;vertical-align:top;text-align:left}
th{background:#f4f0ec}figure{margin:1.2rem 0;page-break-inside:avoid}figure svg{max-width:100%;height:auto}.caption{font-size:.8rem;color:#444}
sup.cite a{text-decoration:none;color:#7a1010;font-size:.75em}.thennow{font-family:system-ui,sans-serif;font-size:.85rem}.basis,.na{color:#666;font-size:.8rem}
ul.cols{columns:2;font-size:.85rem}.references{font-size:.78rem;word-break:break-word}.status-pending{color:#b36b00}.status-met-on-time,.status-met-early{color:#1e7b34}.status-missed,.status-met-late,.status-overdue{color:#b00}
@media print{body{margin:0;max-width:none}h2{page-break-before:always}}`;

export const REPORT_SECTIONS = ['executive-summary', 'strategic-landscape', 'segment-analysis', 'recommendations', 'references'] as const;

export function renderReport(d: ReportData): { html: string; citations: number } {
  const cites = new Citations(d.sources);
  const body = [executiveSummary(d, cites), strategicLandscape(d, cites), segmentAnalysis(d, cites), recommendations(d, cites), changesSince(d, cites)].join('\n');
  const refs = `<section id="references"><h2>References</h2><p>Every number in this document cites one of these entries; entries that cite the Redshift report also resolve the report's own numbered references to their URLs.</p>${cites.renderList(esc)}</section>`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Redshift, regenerated (${esc(d.generatedAt.slice(0, 10))})</title><style>${CSS}</style></head><body>
<header><h1><em>Redshift</em>, regenerated from data</h1><p>The Acceleration of China's Commercial and Civil Space Enterprise: the September 2025 report's structure, with each figure redrawn and each number re-cited from the Redshift Monitor knowledge base. Generated ${esc(d.generatedAt)}.${d.launches ? ` Launch data to ${esc(d.launches.coverage.to)};` : ''}${d.spacecraft ? ` orbital catalog as of ${esc(d.spacecraft.snapshot.asOf)}.` : ''}</p>
<nav><ol><li><a href="#executive-summary">Executive Summary</a></li><li><a href="#strategic-landscape">Strategic Landscape</a></li><li><a href="#segment-analysis">Segment Analysis</a></li><li><a href="#recommendations">Recommendations</a></li>${d.changes ? '<li><a href="#changes-since">Changes since</a></li>' : ''}<li><a href="#references">References</a></li></ol></nav></header>
${body}
${refs}
</body></html>
`;
  return { html, citations: cites.count() };
}
