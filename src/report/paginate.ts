/**
 * Page numbers for the contents list: print the report once, read each page's text with
 * pdftotext (poppler-utils), find the page each heading starts on, then render and print
 * again with the numbers. The numbers take the room their placeholders took, so the
 * pages do not move; a second pass checks that and repeats once if they did.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import type { ContentsEntry, PageNumbers } from './contents.js';
import { printPdf } from './print-pdf.js';

const run = promisify(execFile);
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The text of each page (pdftotext separates pages with form feeds), whitespace collapsed. */
export async function pageTexts(pdfFile: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-layout', pdfFile, '-'], { maxBuffer: 256 * 1024 * 1024 });
  return stdout.split('\f').map(squash);
}

/**
 * The 1-based page each entry's heading is on: searched in contents order, from the page
 * after the contents list (the first page whose text starts with "Contents"), each entry
 * no earlier than the one before it. Entries not found are left out.
 */
export function findHeadingPages(pages: string[], entries: ContentsEntry[]): Map<string, number> {
  const out = new Map<string, number>();
  let from = pages.findIndex((p) => p.startsWith('Contents')) + 1;
  for (const e of entries) {
    const title = squash(e.title);
    const at = pages.findIndex((p, i) => i >= from && p.includes(title));
    if (at < 0) continue;
    out.set(e.id, at + 1);
    from = at;
  }
  return out;
}

const same = (a: PageNumbers, b: PageNumbers) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

/** Prints the report to PDF with a numbered contents list; returns the page numbers it shows. */
export async function printReportPdf(render: (pages: PageNumbers | null) => string, entries: ContentsEntry[], htmlFile: string, pdfFile: string): Promise<PageNumbers> {
  writeFileSync(htmlFile, render(null));
  await printPdf(htmlFile, pdfFile);
  let pages: PageNumbers = findHeadingPages(await pageTexts(pdfFile), entries);
  for (let pass = 0; pass < 2; pass++) {
    writeFileSync(htmlFile, render(pages));
    await printPdf(htmlFile, pdfFile);
    const found = findHeadingPages(await pageTexts(pdfFile), entries);
    if (same(found, pages)) return pages;
    pages = found;
  }
  return pages;
}
