/** redshift-monitor report --out report.html [--pdf report.pdf] [--since DATE] */
import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { withStore } from './with-store.js';
import { loadRules } from '../services/analytics.js';
import { gatherReportData } from '../report/report-data.js';
import { renderReport } from '../report/render-report.js';
import { contentsEntries } from '../report/contents.js';
import { printReportPdf } from '../report/paginate.js';

export function registerReport(program: Command): void {
  program.command('report')
    .description('render the report regenerated from data: a title page with credits, a contents list, every section and Figures 1–10 as SVG, numbered citations, "then → now" for each claim')
    .requiredOption('--out <file>', 'HTML file to write')
    .option('--pdf <file>', 'also print it to PDF with headless Chromium, the contents list numbered with the pages (needs pdftotext from poppler-utils; Chinese names need a CJK font such as fonts-noto-cjk)')
    .option('--since <date>', 'add a section listing what changed since this date (YYYY-MM-DD), by segment')
    .action((opts: { out: string; pdf?: string; since?: string }) => withStore(async (store, settings) => {
      if (opts.since && !/^\d{4}-\d{2}-\d{2}$/.test(opts.since)) throw new Error('--since must be YYYY-MM-DD');
      const data = await gatherReportData(store.db, loadRules(settings.rulesDir), { since: opts.since });
      const { html, citations } = renderReport(data);
      writeFileSync(opts.out, html);
      console.log(`wrote ${opts.out} (${Math.round(html.length / 1024)} KB, ${citations} citations)`);
      if (opts.pdf) {
        await printReportPdf((pages) => renderReport(data, { pages }).html, contentsEntries(data.since), opts.out, opts.pdf);
        console.log(`wrote ${opts.pdf} and ${opts.out} with the contents' page numbers`);
      }
    }));
}
