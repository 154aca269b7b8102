/**
 * The analytics worker (analytics-runner.ts): on a store another thread can open (PostgreSQL, an
 * on-disk PGlite), jobs run in the worker and give exactly what they give in the calling thread;
 * errors keep their class across the thread; a query from another thread never runs inside this
 * thread's open transaction (pglite-gate.ts). An in-memory PGlite keeps the jobs in the caller.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/open-store.js';
import { attachStore } from '../../src/store/store-access.js';
import { AnalyticsError, CountryParameterError, loadRules } from '../../src/services/analytics.js';
import { ScreenParameterError } from '../../src/services/conjunctions.js';
import { tableParams } from '../../src/api/table-parameters.js';
import { analyticsRunner, callerRunner, type AnalyticsRunner } from '../../src/services/analytics-runner.js';
import { readOnlyLoadedStore } from '../support/loaded-store.js';
import { sharedLoad } from '../support/shared-load.js';
import { loadFirstStart } from '../support/first-start-load.js';
import { STORE_KINDS, type TestStore } from '../support/stores.js';

const RULES = 'data/rules';
const rules = loadRules(RULES);

describe.runIf(STORE_KINDS.includes('pglite'))('analytics worker on an on-disk PGlite store', () => {
  let dir: string;
  let store: Store;
  let worker: AnalyticsRunner;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'redshift-runner-'));
    // An on-disk copy of the run's loaded store (the shared load's tarball), else a store loaded here.
    const tarball = await sharedLoad('pglite');
    if (tarball) {
      store = await openStore({ databaseUrl: null, dataDir: dir, loadDataDir: new Blob([readFileSync(tarball)]) });
    } else {
      store = await openStore({ databaseUrl: null, dataDir: dir });
      await loadFirstStart(store.db);
    }
    worker = await analyticsRunner(store, () => rules, RULES);
  }, 300_000);
  afterAll(async () => {
    await worker?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the jobs in the worker, with the results of the calling thread', async () => {
    expect(worker.where).toBe('worker');
    const here = callerRunner(store.db, rules);
    expect(await worker.run('spacecraft', { country: 'CN' })).toEqual(await here.run('spacecraft', { country: 'CN' }));
    expect(await worker.run('catalogObjects', { country: 'CN', limit: 20 })).toEqual(await here.run('catalogObjects', { country: 'CN', limit: 20 }));
    const table = { kind: 'Organization' as const, params: tableParams('Organization', { sort: '-founded' }) };
    expect(await worker.run('entityTable', table)).toEqual(await here.run('entityTable', table));
  });

  it('rebuilds the errors with their class', async () => {
    await expect(worker.run('constellations', { asOf: '1900-01-01' })).rejects.toBeInstanceOf(AnalyticsError);
    await expect(worker.run('spacecraft', { country: 'XX' })).rejects.toBeInstanceOf(CountryParameterError);
    // A screening parameter keeps its class and the parameter it names (the route answers 400 naming it).
    const screen = await worker.run('conjunctions', { primaries: [48274], days: 99 }).catch((e: unknown) => e);
    expect(screen).toBeInstanceOf(ScreenParameterError);
    expect((screen as ScreenParameterError).parameter).toBe('days');
    expect(await worker.run('countryProblem', { country: 'XX' })).toEqual(await callerRunner(store.db, rules).run('countryProblem', { country: 'XX' }));
  });

  it('keeps another thread\'s queries out of an open transaction', async () => {
    const other = attachStore((await store.shareWithThread())!);
    try {
      const count = async () => Number((await sql<{ n: string }>`select count(*) as n from sources`.execute(other)).rows[0]!.n);
      const before = await count();
      let seen: number | null = null;
      await store.db.transaction().execute(async (trx) => {
        await sql`insert into sources (id, title, kind, origin, first_seen, last_seen) values ('test.gate', 'gate test', 'dataset', 'test', '2026-01-01', '2026-01-01')`.execute(trx);
        const waiting = count().then((n) => { seen = n; });
        await new Promise((r) => setTimeout(r, 300));
        // The other thread's query waits for the transaction: it has not run yet.
        expect(seen).toBeNull();
        void waiting;
      });
      await expect.poll(() => seen, { timeout: 10_000 }).toBe(before + 1);
    } finally {
      await other.destroy();
    }
  });
});

describe.runIf(STORE_KINDS.includes('postgres'))('analytics worker on PostgreSQL', () => {
  let store: TestStore;
  let worker: AnalyticsRunner;
  beforeAll(async () => {
    store = await readOnlyLoadedStore('postgres');
    worker = await analyticsRunner(store, () => rules, RULES);
  }, 600_000);
  afterAll(async () => {
    await worker?.close();
    await store?.dispose();
  });

  it('gives the calling thread\'s results for the heavy analytics', async () => {
    expect(worker.where).toBe('worker');
    const here = callerRunner(store.db, rules);
    // computedAt says when each side computed its indicators: the only field that may differ.
    const plain = (v: unknown) => JSON.parse(JSON.stringify(v, (k, x: unknown) => (k === 'computedAt' ? undefined : x))) as unknown;
    for (const [name, args] of [['launches', { country: 'CN' }], ['spacecraft', {}], ['constellations', {}], ['indicators', {}]] as const) {
      expect(plain(await worker.run(name, args as never)), name).toEqual(plain(await here.run(name, args as never)));
    }
  });

  it('keeps the jobs in the calling thread for a store no other thread can open (an in-memory PGlite)', async () => {
    const inMemory = { ...store, shareWithThread: async () => null };
    expect((await analyticsRunner(inMemory, () => rules, RULES)).where).toBe('caller');
  });
});
