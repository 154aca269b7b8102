/**
 * kill -9 during the first start: the server is killed at several points of the bootstrap,
 * restarted, and must end with a store equal (table by table) to an uninterrupted first start,
 * the bootstrap marked complete, and no run left "running". On PGlite the lock also refuses a
 * second process while the server runs, pointing it to the server's URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { STORE_KINDS, createTestStore } from '../support/stores.js';
import { tableCounts } from '../support/catalog-store.js';
import { storeTarget, type StoreTarget } from '../support/store-target.js';
import { runCli, freePort, sleep } from '../support/cli-process.js';
import { smallFirstStart, referenceFirstStart, type SmallFirstStart } from '../support/small-first-start.js';
import { BOOTSTRAP_COMPLETED, readMeta } from '../../src/services/bootstrap.js';
import type { TestStore } from '../support/stores.js';

const READY = /Redshift Monitor on/;
/** Where each run is killed: a line of the bootstrap's output, then a delay (ms). */
const KILL_POINTS: [RegExp, number][] = [[/loading the curated/, 0], [/curated knowledge base:/, 20], [/gcat-launchlog/, 20]];

let small: SmallFirstStart;
beforeAll(() => { small = smallFirstStart(); });
afterAll(() => rmSync(small.cwd, { recursive: true, force: true }));

describe.each(STORE_KINDS)('first start killed with SIGKILL (%s)', (kind) => {
  let target: StoreTarget;
  let reference: TestStore;
  beforeAll(async () => {
    target = await storeTarget(kind);
    reference = await createTestStore(kind);
    await referenceFirstStart(reference.db, small);
  });
  afterAll(async () => {
    await reference?.dispose();
    await target?.dispose();
    rmSync(target.dataDir, { recursive: true, force: true });
  });

  it('is finished by the next start, equal to an uninterrupted one, with no run left running', async () => {
    const port = await freePort();
    const env = { ...target.env(), PORT: String(port), REDSHIFT_KB_DIR: small.kbDir, REDSHIFT_RULES_DIR: small.rulesDir };
    const killedAt: string[] = [];
    for (const [line, delay] of KILL_POINTS) {
      const serve = runCli(['serve'], { cwd: small.cwd, env });
      await serve.waitFor(new RegExp(`${line.source}|${READY.source}`));
      await sleep(delay);
      await serve.kill9();
      killedAt.push(serve.output().trim().split('\n').pop() ?? '');
    }
    const serve = runCli(['serve'], { cwd: small.cwd, env });
    await serve.waitFor(READY);
    expect(serve.output(), serve.output()).toMatch(READY);
    // The symptom of an unfinished first start was a 409 here (no launch log).
    const launches = await fetch(`http://127.0.0.1:${port}/api/v1/analytics/launches`);
    expect(launches.status).toBe(200);
    if (kind === 'pglite') {
      // A second process is refused while the server holds the store, and is told where the server is.
      const status = runCli(['status'], { cwd: small.cwd, env });
      expect(await status.exited).toBe(1);
      expect(status.output()).toContain(`in use by process ${serve.child.pid}`);
      expect(status.output()).toContain(`http://127.0.0.1:${port}/api/v1/`);
    }
    await serve.kill9();

    const store = await target.open();
    try {
      expect(await readMeta(store.db, BOOTSTRAP_COMPLETED)).not.toBeNull();
      const runs = await store.db.selectFrom('runs').select(['id', 'origin', 'status', 'error']).execute();
      expect(runs.filter((r) => r.status === 'running')).toEqual([]);
      // Every failed run is one a kill interrupted, closed at the next start.
      for (const r of runs.filter((x) => x.status === 'failed')) expect(r.error).toMatch(/ended before it finished; closed at start-up/);
      expect(await tableCounts({ ...store, dispose: async () => {} })).toEqual(await tableCounts(reference));
      const origins = (rs: typeof runs) => [...new Set(rs.filter((r) => r.status === 'succeeded').map((r) => r.origin))].sort();
      const refRuns = await reference.db.selectFrom('runs').select(['id', 'origin', 'status', 'error']).execute();
      expect(origins(runs)).toEqual(origins(refRuns));
      console.log(`${kind}: killed after ${killedAt.map((l) => JSON.stringify(l)).join(', ')}; ${runs.filter((r) => r.status === 'failed').length} interrupted runs closed`);
    } finally {
      await store.close();
    }
  }, 120_000);
});
