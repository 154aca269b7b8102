/**
 * Both ways the product opens PGlite apply the store's settings (src/store/pglite-options.ts): the
 * in-memory store and the on-disk store in its worker thread.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openStore, type Store } from '../../src/store/open-store.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => { const d = mkdtempSync(join(tmpdir(), 'redshift-pglite-options-')); dirs.push(d); return d; };

async function walInitZero(store: Store): Promise<string> {
  const { rows } = await sql<{ wal_init_zero: string }>`show wal_init_zero`.execute(store.db);
  return rows[0]!.wal_init_zero;
}

describe('PGlite settings', () => {
  it('apply to the in-memory store and to the on-disk store', async () => {
    const memory = await openStore({ databaseUrl: null, dataDir: null });
    try {
      expect(await walInitZero(memory)).toBe('off');
    } finally {
      await memory.close();
    }
    const onDisk = await openStore({ databaseUrl: null, dataDir: join(tempDir(), 'pglite') });
    try {
      expect(await walInitZero(onDisk)).toBe('off');
    } finally {
      await onDisk.close();
    }
  }, 120_000);
});
