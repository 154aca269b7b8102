/** redshift-monitor report --out report.html [--pdf report.pdf] [--since DATE] */
import type { Command } from 'commander';

export function registerReport(program: Command): void {
  program.command('report')
    .description('render the report regenerated from data: a title page with credits, a contents list, every section and Figures 1–10 as SVG, numbered citations, "then → now" for each claim; on a store with no curated statements (never loaded) it exits with an error and writes nothing (run `load` first)')
    .requiredOption('--out <file>', 'HTML file to write')
    .option('--pdf <file>', 'also print it to PDF with headless Chromium, the contents list numbered with the pages (needs pdftotext from poppler-utils; Chinese names need a CJK font such as fonts-noto-cjk)')
    .option('--since <date>', 'add a section listing what changed since this date (YYYY-MM-DD), by segment')
    .action(async (opts: { out: string; pdf?: string; since?: string }) => (await import('./report-action.js')).runReport(opts));
}
