/**
 * The embedded store's lock (two processes), backups and restore of an unreadable store, and
 * runs left "running" by a dead process closed at open (both stores).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { STORE_KINDS } from '../support/stores.js';
import { storeTarget } from '../support/store-target.js';
import { runCli } from '../support/cli-process.js';
import { openStore, StoreUnreadableError } from '../../src/store/open-store.js';
import { acquireStoreLock, lockPathFor, StoreLockedError } from '../../src/store/store-lock.js';
import { BackupFileError, listBackups, restoreBackup } from '../../src/store/backup.js';
import { loadCurated } from '../../src/services/load-curated.js';
import { formatOwner } from '../../src/store/process-owner.js';

const dirs: string[] = [];
const tempDir = () => { const d = mkdtempSync(join(tmpdir(), 'redshift-safety-')); dirs.push(d); return d; };
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A gzip bomb: `members` gzip members of 1 MiB of zeros each (about 1 KiB packed per MiB unpacked), in one valid file. */
function gzipBomb(file: string, members: number): void {
  const member = gzipSync(Buffer.alloc(1024 * 1024));
  writeFileSync(file, Buffer.concat(Array.from({ length: members }, () => member)));
}

/** The pid of a process that has ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();

describe('the embedded store lock', () => {
  it('refuses a second process while one holds the store, naming the holder, and lets it in once released', async () => {
    const dataDir = tempDir();
    const store = await openStore({ databaseUrl: null, dataDir: join(dataDir, 'pglite') });
    const refused = runCli(['status'], { env: { REDSHIFT_DATA_DIR: dataDir } });
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toContain(`is in use by process ${process.pid} on ${hostname()}`);
    expect(refused.output()).toContain('Only one process may open the embedded store at a time');
    await expect(openStore({ databaseUrl: null, dataDir: join(dataDir, 'pglite') })).rejects.toThrow(StoreLockedError);
    await store.close();
    expect(existsSync(lockPathFor(join(dataDir, 'pglite')))).toBe(false);
    const admitted = runCli(['status'], { env: { REDSHIFT_DATA_DIR: dataDir } });
    expect(await admitted.exited, admitted.output()).toBe(0);
    expect(admitted.output()).toContain(`store: pglite at ${join(dataDir, 'pglite')}`);
    // The backup and restore commands, as an operator runs them.
    const backup = runCli(['backup'], { env: { REDSHIFT_DATA_DIR: dataDir } });
    expect(await backup.exited, backup.output()).toBe(0);
    const file = listBackups(join(dataDir, 'backups'))[0]!.file;
    expect(backup.output()).toContain(`wrote ${file}`);
    const restore = runCli(['restore', file], { env: { REDSHIFT_DATA_DIR: dataDir } });
    expect(await restore.exited, restore.output()).toBe(0);
    expect(restore.output()).toContain(`restored ${file} into ${join(dataDir, 'pglite')}`);
    // A backup that unpacks past --max-unpacked-mb is refused naming the file.
    const bomb = join(dataDir, 'bomb.tar.gz');
    gzipBomb(bomb, 8);
    const refusedBomb = runCli(['restore', bomb, '--max-unpacked-mb', '4'], { env: { REDSHIFT_DATA_DIR: dataDir } });
    expect(await refusedBomb.exited).toBe(1);
    expect(refusedBomb.output()).toContain(`${bomb}: unpacks to more than ${4 * 1024 * 1024} bytes`);
  }, 90_000);

  it('takes over a lock left by a dead process, but not one from another host', () => {
    const dir = join(tempDir(), 'pglite');
    writeFileSync(lockPathFor(dir), JSON.stringify({ owner: `${hostname()} ${deadPid()} 2026-01-01T00:00:00.000Z`, command: 'redshift-monitor serve' }));
    const lock = acquireStoreLock(dir);
    expect(JSON.parse(readFileSync(lockPathFor(dir), 'utf8')).owner).toBe(formatOwner());
    lock.release();
    writeFileSync(lockPathFor(dir), JSON.stringify({ owner: 'elsewhere.example 1 2026-01-01T00:00:00.000Z', command: 'redshift-monitor serve' }));
    expect(() => acquireStoreLock(dir)).toThrow(/another host \(elsewhere\.example\)/);
  });
});

/** An on-disk PGlite store in a new folder holding the curated sources (closed), how to open it, and how many sources it holds. */
async function onDiskStoreWithSources() {
  const dataDir = tempDir();
  const pgliteDir = join(dataDir, 'pglite');
  const backupDir = join(dataDir, 'backups');
  const open = () => openStore({ databaseUrl: null, dataDir: pgliteDir, backupDir, backupsKept: 2 });
  const store = await open();
  try {
    const loaded = await loadCurated(store.db, 'data/kb/sources');
    if (!loaded.ok) throw new Error('sources do not validate');
    return { dataDir, pgliteDir, backupDir, open, sources: (await store.db.selectFrom('sources').select('id').execute()).length };
  } finally {
    await store.close();
  }
}

/** Restores `backup` over the store folder (the old one moved aside), which then opens with its `sources` sources. */
async function expectRestored(backup: string, pgliteDir: string, open: () => ReturnType<typeof openStore>, sources: number) {
  const { replaced } = await restoreBackup(backup, pgliteDir);
  expect(replaced && existsSync(join(replaced, 'base'))).toBe(true);
  const store = await open();
  try {
    expect((await store.db.selectFrom('sources').select('id').execute()).length).toBe(sources);
  } finally {
    await store.close();
  }
}

describe('backups of the embedded store', () => {
  it('keeps the newest few, and an unreadable store names the backup that restores it', async () => {
    const { pgliteDir, backupDir, open, sources } = await onDiskStoreWithSources();
    const store = await open();
    expect(sources).toBeGreaterThan(0);
    const written: string[] = [];
    for (let i = 0; i < 3; i++) written.push((await store.backup('manual', true))!);
    // Unforced, with no run since the last backup, the last one stands for the data.
    expect(await store.backup('before-ingest')).toBe(written[2]);
    await store.close();
    expect(listBackups(backupDir).map((b) => b.file)).toEqual([written[2], written[1]]);

    rmSync(join(pgliteDir, 'global', 'pg_control'));
    const err = await open().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreUnreadableError);
    expect((err as Error).message).toContain(`redshift-monitor restore ${written[2]}`);
    expect(existsSync(lockPathFor(pgliteDir))).toBe(false);

    await expectRestored(written[2]!, pgliteDir, open, sources);
  }, 60_000);
});

describe('restore of a damaged or hostile backup', () => {
  it('refuses a gzip bomb quickly with bounded memory and a truncated backup, naming the file, and leaves the store intact; a good backup restores', async () => {
    const { dataDir, pgliteDir, open, sources } = await onDiskStoreWithSources();
    let store = await open();
    const good = (await store.backup('manual', true))!;
    await store.close();
    const limit = 16 * 1024 * 1024;

    // 512 MiB of zeros in about 0.5 MB: refused once the output passes the limit, not after unpacking it all.
    const bomb = join(dataDir, 'bomb.tar.gz');
    gzipBomb(bomb, 512);
    const rss = process.memoryUsage().rss;
    const started = Date.now();
    const err = await restoreBackup(bomb, pgliteDir, limit).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(128 * 1024 * 1024);
    expect(err).toBeInstanceOf(BackupFileError);
    expect((err as Error).message).toBe(`${bomb}: unpacks to more than ${limit} bytes (the most a backup may unpack to); the store was left as it was`);

    const truncated = join(dataDir, 'truncated.tar.gz');
    const bytes = readFileSync(good);
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(restoreBackup(truncated, pgliteDir)).rejects.toThrow(`${truncated}: truncated gzip`);

    const notGzip = join(dataDir, 'not-gzip.tar.gz');
    writeFileSync(notGzip, 'not a backup\n');
    await expect(restoreBackup(notGzip, pgliteDir)).rejects.toThrow(`${notGzip}: not a gzip file, or a damaged one`);

    // Nothing was moved aside or replaced: the store opens as it was.
    expect(readdirSync(dataDir).filter((n) => n.includes('.replaced-'))).toEqual([]);
    store = await open();
    try {
      expect((await store.db.selectFrom('sources').select('id').execute()).length).toBe(sources);
    } finally {
      await store.close();
    }
    await expectRestored(good, pgliteDir, open, sources);
  }, 60_000);
});

describe.each(STORE_KINDS)('runs left running (%s)', (kind) => {
  it('are closed as failed at open when their process is gone', async () => {
    const target = await storeTarget(kind);
    try {
      let store = await target.open();
      const row = (owner: string) => ({ origin: 'ingest:gcat-launchlog', started_at: '2026-01-01T00:00:00.000Z', status: 'running', detail: null, error: null, owner });
      const dead = await store.db.insertInto('runs').values(row(`${hostname()} ${deadPid()} 2026-01-01T00:00:00.000Z`)).returning('id').executeTakeFirstOrThrow();
      const live = await store.db.insertInto('runs').values(row(formatOwner())).returning('id').executeTakeFirstOrThrow();
      await store.close();
      store = await target.open();
      try {
        const status = async (id: number) => (await store.db.selectFrom('runs').select(['status', 'error', 'finished_at']).where('id', '=', id).executeTakeFirstOrThrow());
        const d = await status(dead.id);
        expect(d.status).toBe('failed');
        expect(d.error).toMatch(/ended before it finished; closed at start-up/);
        expect(d.finished_at).not.toBeNull();
        // On PostgreSQL a run of a live process stays open; the embedded store is exclusive, so any open run there is stale.
        expect((await status(live.id)).status).toBe(kind === 'postgres' ? 'running' : 'failed');
      } finally {
        await store.close();
      }
    } finally {
      await target.dispose();
      rmSync(target.dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
