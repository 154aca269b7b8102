/**
 * Both ways the product opens PGlite apply the store's settings (src/store/pglite-options.ts): the
 * in-memory store and the on-disk store in its worker thread.
 */
import { describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { sql } from 'kysely';
import type { Store } from '../../src/store/open-store.js';
import { createTestStore } from '../support/stores.js';
import { storeTarget } from '../support/store-target.js';

async function walInitZero(store: Store): Promise<string> {
  const { rows } = await sql<{ wal_init_zero: string }>`show wal_init_zero`.execute(store.db);
  return rows[0]!.wal_init_zero;
}

describe('PGlite settings', () => {
  it('apply to the in-memory store and to the on-disk store', async () => {
    const memory = await createTestStore('pglite');
    try {
      expect(await walInitZero(memory)).toBe('off');
    } finally {
      await memory.dispose();
    }
    const target = await storeTarget('pglite');
    try {
      const onDisk = await target.open();
      try {
        expect(await walInitZero(onDisk)).toBe('off');
      } finally {
        await onDisk.close();
      }
    } finally {
      rmSync(target.dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
