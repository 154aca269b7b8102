/** Prints the report to PDF with headless Chromium (Debian's chromium), when it is installed. */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const CHROMIUM_CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter((p): p is string => !!p);

export function findChromium(): string | null {
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export async function printPdf(htmlFile: string, pdfFile: string): Promise<void> {
  const chromium = findChromium();
  if (!chromium) throw new Error(`no Chromium found (tried ${CHROMIUM_CANDIDATES.join(', ')}); install Debian's chromium or set CHROMIUM_PATH`);
  const profile = mkdtempSync(join(tmpdir(), 'redshift-pdf-'));
  try {
    await run(chromium, ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      `--user-data-dir=${profile}`, '--no-pdf-header-footer', `--print-to-pdf=${resolve(pdfFile)}`, `file://${resolve(htmlFile)}`], { timeout: 120_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  if (!existsSync(pdfFile)) throw new Error('Chromium did not write the PDF');
}
