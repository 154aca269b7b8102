/** The memo cache is bounded: least recently used entries go first, and a failed computation is not kept. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '../support/stores.js';
import { MEMO_MAX_ENTRIES, memo, memoSize } from '../../src/services/data-cache.js';
import { finishRun, startRun } from '../../src/store/runs.js';

describe('memo cache', () => {
  let store: TestStore;
  beforeAll(async () => { store = await createTestStore('pglite'); });
  afterAll(async () => { await store?.dispose(); });

  it('keeps at most MEMO_MAX_ENTRIES entries, evicting the least recently used', async () => {
    const computed: string[] = [];
    const get = (key: string) => memo(store.db, key, async () => { computed.push(key); return key.length; });
    for (let i = 0; i < MEMO_MAX_ENTRIES * 3; i++) await get(`k${i}`);
    expect(memoSize(store.db)).toBe(MEMO_MAX_ENTRIES);
    await get(`k${MEMO_MAX_ENTRIES * 3 - 1}`);
    expect(computed).toHaveLength(MEMO_MAX_ENTRIES * 3);
    await get('k0');
    expect(computed).toHaveLength(MEMO_MAX_ENTRIES * 3 + 1);
  });

  it('keeps long keys apart by their digest and does not keep failures', async () => {
    const long = (c: string) => c.repeat(10_000);
    expect(await memo(store.db, long('a'), async () => 'a')).toBe('a');
    expect(await memo(store.db, long('b'), async () => 'b')).toBe('b');
    expect(await memo(store.db, long('a'), async () => 'other')).toBe('a');
    await expect(memo(store.db, 'fails', async () => { throw new Error('no'); })).rejects.toThrow('no');
    expect(await memo(store.db, 'fails', async () => 'ok')).toBe('ok');
  });

  it('keeps an entry that depends on some origins across runs of the others (incremental), not across its own', async () => {
    let computed = 0;
    const get = () => memo(store.db, 'depends-on-ucs', async () => ++computed, { dependsOn: ['ingest:ucs'], small: true });
    const run = async (origin: string, status: 'succeeded' | 'failed' = 'succeeded') => finishRun(store.db, await startRun(store.db, origin, new Date().toISOString()), status, null, null);
    expect(await get()).toBe(1);
    await run('ingest:celestrak-gp');
    expect(await get()).toBe(1);
    await run('ingest:ucs', 'failed');
    expect(await get()).toBe(1);
    await run('ingest:ucs');
    expect(await get()).toBe(2);
    expect(memoSize(store.db, 'small')).toBe(1);
    // An entry without dependsOn follows every successful run.
    let all = 0;
    const any = () => memo(store.db, 'depends-on-all', async () => ++all);
    expect(await any()).toBe(1);
    await run('ingest:celestrak-gp');
    expect(await any()).toBe(2);
  });
});
