/**
 * `report` on a store without the curated knowledge base (an empty data folder, or a store holding
 * only source records) refuses: a non-zero exit, an error that says so and names the `load` command,
 * and no report file. The refusal comes from the service (curatedStatementCount), checked here too.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeTarget, type StoreTarget } from '../support/store-target.js';
import { runCliSync } from '../support/cli-process.js';
import { loadCurated } from '../../src/services/load-curated.js';
import { curatedStatementCount } from '../../src/services/curated-content.js';

const REFUSAL = /^error: the store \(pglite at .*\) holds no curated statements, so there is nothing to report and no file was written\. Load the curated knowledge base first: `redshift-monitor load`/m;

function expectRefused(env: Record<string, string>, outDir: string): void {
  const r = runCliSync(['report', '--out', join(outDir, 'report.html'), '--pdf', join(outDir, 'report.pdf')], { REDSHIFT_BACKUPS: '0', ...env });
  expect(r.code, r.stdout + r.stderr).not.toBe(0);
  expect(r.stderr).toMatch(REFUSAL);
  expect(r.stdout).not.toContain('wrote');
  expect(readdirSync(outDir)).toEqual([]);
}

describe('report on a store without curated statements', () => {
  const dirs: string[] = [];
  const tempDir = () => { const d = mkdtempSync(join(tmpdir(), 'report-empty-')); dirs.push(d); return d; };
  afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

  it('refuses on an empty data folder, writing no report', () => {
    expectRefused({ REDSHIFT_DATA_DIR: join(tempDir(), 'data') }, tempDir());
  });

  describe('a store holding only the source records', () => {
    let target: StoreTarget;
    beforeAll(async () => {
      target = await storeTarget('pglite');
      dirs.push(target.dataDir);
      const store = await target.open();
      try {
        if (!(await loadCurated(store.db, 'data/kb/sources')).ok) throw new Error('sources do not validate');
        expect(await curatedStatementCount(store.db)).toBe(0);
      } finally {
        await store.close();
      }
    }, 120_000);
    afterAll(async () => { await target?.dispose(); });

    it('refuses too, writing no report', () => {
      expect(existsSync(join(target.dataDir, 'pglite'))).toBe(true);
      expectRefused(target.env(), tempDir());
    });
  });
});
