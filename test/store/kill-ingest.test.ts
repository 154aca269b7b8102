/**
 * kill -9 during an ingest: `redshift-monitor ingest` of the full GCAT launch log is killed at a
 * few points after its run starts. After each kill the store must hold either nothing of the
 * file or all of it (table by table, against an uninterrupted ingest), and the next open must
 * close the interrupted run as failed; a last run completes the ingest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STORE_KINDS, createTestStore, type TestStore } from '../support/stores.js';
import { tableCounts } from '../support/catalog-store.js';
import { storeTarget, type StoreTarget } from '../support/store-target.js';
import { runCli, sleep, type CliChild } from '../support/cli-process.js';
import { feedByName } from '../../src/services/feeds.js';
import { readSnapshot } from '../../src/services/bundled-snapshots.js';
import { ingestFeed } from '../../src/services/ingest-feed.js';
import { loadCurated } from '../../src/services/load-curated.js';
import { listBackups } from '../../src/store/backup.js';
import type { Store } from '../../src/store/open-store.js';

const FEED = feedByName('gcat-launchlog')!;
const SNAP = FEED.bundled[0]!;
/** How long after the run starts each kill comes (ms): during the parse, and later during the write. */
const KILL_DELAYS = [300, 2500];

const counts = (s: Store) => tableCounts({ ...s, dispose: async () => {} });

let dir: string;
let file: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'redshift-kill-ingest-'));
  file = join(dir, 'launchlog.tsv');
  writeFileSync(file, readSnapshot(SNAP.file));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(STORE_KINDS)('ingest killed with SIGKILL (%s)', (kind) => {
  let target: StoreTarget;
  let reference: TestStore;
  let before: Record<string, number>;
  beforeAll(async () => {
    target = await storeTarget(kind);
    const store = await target.open();
    const loaded = await loadCurated(store.db, 'data/kb/sources');
    if (!loaded.ok) throw new Error('sources do not validate');
    before = await counts(store);
    await store.close();
    reference = await createTestStore(kind);
    await loadCurated(reference.db, 'data/kb/sources');
    await ingestFeed(reference.db, FEED, { text: readSnapshot(SNAP.file), file, sourceId: SNAP.sourceId, asOf: SNAP.asOf });
  });
  afterAll(async () => {
    await reference?.dispose();
    await target?.dispose();
    rmSync(target.dataDir, { recursive: true, force: true });
  });

  const ingest = () => runCli(['ingest', FEED.name, '--from', file, '--source-id', SNAP.sourceId, '--as-of', SNAP.asOf], { env: target.env() });

  /** Resolves once the child's ingest run has started: on PGlite after its backup line, on PostgreSQL when the run row appears. */
  async function runStarted(child: CliChild): Promise<void> {
    if (kind === 'pglite') {
      await child.waitFor(/backup: /);
      return;
    }
    const watcher = await target.open();
    try {
      for (let i = 0; i < 1200 && child.child.exitCode === null; i++) {
        if (await watcher.db.selectFrom('runs').select('id').where('status', '=', 'running').executeTakeFirst()) return;
        await sleep(25);
      }
    } finally {
      await watcher.close();
    }
  }

  it('leaves all of the file or none of it, and closes the interrupted run', async () => {
    const after = await counts(reference);
    expect(after.launches).toBeGreaterThan(before.launches!);
    let closed = 0;
    for (const delay of KILL_DELAYS) {
      const child = ingest();
      await runStarted(child);
      await sleep(delay);
      await child.kill9();
      const store = await target.open();
      try {
        const now = await counts(store);
        expect([before, after], `after a kill ${delay} ms into the run`).toContainEqual(now);
        const runs = await store.db.selectFrom('runs').select(['status', 'error']).execute();
        expect(runs.filter((r) => r.status === 'running')).toEqual([]);
        closed = runs.filter((r) => /closed at start-up/.test(r.error ?? '')).length;
      } finally {
        await store.close();
      }
    }
    expect(closed, 'runs interrupted by the kills and closed as failed').toBeGreaterThan(0);
    const last = ingest();
    expect(await last.exited, last.output()).toBe(0);
    const store = await target.open();
    try {
      expect(await counts(store)).toEqual(after);
      expect((await store.db.selectFrom('runs').select('id').where('status', '=', 'running').execute())).toEqual([]);
    } finally {
      await store.close();
    }
    if (kind === 'pglite') {
      const backups = listBackups(join(target.dataDir, 'backups'));
      expect(backups.length).toBeGreaterThanOrEqual(1);
      expect(backups.length).toBeLessThanOrEqual(3);
      expect(backups.every((b) => b.reason === 'before-ingest')).toBe(true);
    }
  }, 120_000);
});
