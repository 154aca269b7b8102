/** The report command's work (report-command.ts defines it): the renderer loads only when it runs. */
import { writeFileSync } from 'node:fs';
import { withStore } from './with-store.js';
import { loadRules } from '../services/analytics.js';
import { requireCuratedStatements } from '../services/curated-content.js';
import { gatherReportData } from '../report/report-data.js';
import { renderReport } from '../report/render-report.js';
import { contentsEntries } from '../report/contents.js';
import { printReportPdf } from '../report/paginate.js';

export function runReport(opts: { out: string; pdf?: string; since?: string }): Promise<void> {
  return withStore(async (store, settings) => {
    if (opts.since && !/^\d{4}-\d{2}-\d{2}$/.test(opts.since)) throw new Error('--since must be YYYY-MM-DD');
    await requireCuratedStatements(store.db, `${store.kind} at ${store.location}`);
    const data = await gatherReportData(store.db, loadRules(settings.rulesDir), { since: opts.since });
    const { html, citations } = renderReport(data);
    writeFileSync(opts.out, html);
    console.log(`wrote ${opts.out} (${Math.round(html.length / 1024)} KB, ${citations} citations)`);
    if (opts.pdf) {
      await printReportPdf((pages) => renderReport(data, { pages }).html, contentsEntries(data.since), opts.out, opts.pdf);
      console.log(`wrote ${opts.pdf} and ${opts.out} with the contents' page numbers`);
    }
  });
}
