/**
 * A truncated, shrunk or foreign file changes nothing stored, is recorded as a failed run with a
 * precise reason and kept in quarantine; an operator can accept a shrink. On every store, against the
 * bundled GP snapshot and launch log. Expected counts come from plain string splitting of the raw files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STORE_KINDS, type TestStore } from '../support/stores.js';
import { storeWithSources, tableCounts } from '../support/catalog-store.js';
import { feedByName } from '../../src/services/feeds.js';
import { ingestBundled, readSnapshot } from '../../src/services/bundled-snapshots.js';
import { ingestFeed, IngestError } from '../../src/services/ingest-feed.js';
import { storeStatus } from '../../src/store/queries/status.js';
import { DEFAULT_RETENTION, quarantineRetention, type QuarantineRetention } from '../../src/services/feed-quarantine.js';
import { readSettings, SettingsError } from '../../src/config/settings.js';

const gp = feedByName('celestrak-gp')!;
const log = feedByName('gcat-launchlog')!;
const ucs = feedByName('ucs')!;
const GP_FILE = 'celestrak_gp_active_2026-07-10.csv.gz';
const LOG_FILE = 'gcat_launchlog_2024-12-08.tsv.gz';
const gpText = readSnapshot(GP_FILE);
const logText = readSnapshot(LOG_FILE);
const gpLines = gpText.split('\n').filter((l) => l !== '');
const logLines = logText.split('\n').filter((l) => l !== '');

/** Every file under a quarantine folder (one folder per feed), with its bytes. */
const quarantined = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile())
  .map((d) => ({ path: join(d.parentPath, d.name), bytes: statSync(join(d.parentPath, d.name)).size }));

/** The first `share` of the data rows after the header, cut at a row boundary (ends with a newline). */
const cutAtRow = (lines: string[], share: number) => lines.slice(0, 1 + Math.floor((lines.length - 1) * share)).join('\n') + '\n';
/** The whole file cut inside its last field: no final newline, the last field shortened. */
const cutInLastField = (text: string, keep: number) => text.replace(/\n$/, '').slice(0, -keep);
const tagsOf = (lines: string[]) => new Set(lines.slice(1).map((l) => l.split('\t')[0]!.trim()));

describe.each(STORE_KINDS)('feed invariants on %s', (kind) => {
  let store: TestStore;
  let quarantine: string;
  let before: Record<string, number>;
  beforeAll(async () => {
    store = await storeWithSources(kind);
    quarantine = mkdtempSync(join(tmpdir(), 'redshift-quarantine-'));
    await ingestBundled(store.db, gp, gp.bundled.find((b) => b.file === GP_FILE)!);
    await ingestBundled(store.db, log, log.bundled[0]!);
    await ingestBundled(store.db, ucs, ucs.bundled[0]!);
    before = await tableCounts(store);
  }, 300_000);
  afterAll(async () => {
    await store?.dispose();
    rmSync(quarantine, { recursive: true, force: true });
  });

  const lastRun = () => store.db.selectFrom('runs').select(['id', 'origin', 'status', 'error', 'detail']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();

  async function refused(feed = gp, text: string, file: string, check: string, reason: RegExp) {
    const err = await ingestFeed(store.db, feed, { text, file, sourceId: `${feed.name}-live`, asOf: '2026-11-21' }, { quarantineDir: quarantine }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).check).toBe(check);
    expect((err as Error).message).toMatch(reason);
    expect(await tableCounts(store)).toEqual(before);
    const run = await lastRun();
    expect(run).toMatchObject({ origin: `ingest:${feed.name}`, status: 'failed', error: (err as Error).message });
    const detail = run.detail as { check: string; quarantined: string };
    expect(detail.check).toBe(check);
    expect(readFileSync(detail.quarantined, 'utf8')).toBe(text);
    expect(JSON.parse(readFileSync(`${detail.quarantined}.reason.json`, 'utf8'))).toMatchObject({ runId: run.id, refusal: { check, reason: (err as Error).message } });
    return err as IngestError;
  }

  it('the bundled files are stored whole (independent counts)', () => {
    expect(before.gp_snapshot_objects).toBe(new Set(gpLines.slice(1).map((l) => l.split(',')[11])).size);
    expect(before.launches).toBe(tagsOf(logLines).size);
    expect(before.launch_objects).toBe(logLines.length - 1);
  });

  it('a GP file cut at a row boundary at 10% is refused as a shrink, naming both counts', async () => {
    const rows = Math.floor((gpLines.length - 1) * 0.1);
    await refused(gp, cutAtRow(gpLines, 0.1), 'gp-10pct.csv', 'shrink', new RegExp(`${rows} rows, .* of the previous ingest's ${gpLines.length - 1}`));
  });

  it('a GP file cut inside its last field is refused as truncated, and the cut value is not stored', async () => {
    const last = gpLines.at(-1)!.split(',').at(-1)!;
    expect(last).toBe('.64095091E-3');
    await refused(gp, cutInLastField(gpText, 3), 'gp-cut.csv', 'complete', /gp-cut\.csv:\d+: truncated file/);
    const stored = await store.db.selectFrom('element_sets').select('id').where('mean_motion_ddot', '=', 0.64095091).execute();
    expect(stored).toEqual([]);
  });

  it('a launch log cut at a row boundary at 2% is refused as a shrink', async () => {
    await refused(log, cutAtRow(logLines, 0.02), 'log-2pct.tsv', 'shrink', new RegExp(`of the previous ingest's ${logLines.length - 1}`));
  });

  it('a launch log missing one launch is refused, naming its tag, though 99.9% of rows remain', async () => {
    const lastTag = logLines.at(-1)!.split('\t')[0]!.trim();
    const without = logLines.filter((l) => l.split('\t')[0]!.trim() !== lastTag);
    expect(without.length).toBeGreaterThan(0.99 * logLines.length);
    await refused(log, without.join('\n') + '\n', 'log-minus-one.tsv', 'shrink', new RegExp(`1 of the previous ingest's ${tagsOf(logLines).size} keys .* first missing: ${lastTag}$`.replace(/\$$/, '')));
  });

  it('a UCS file (a frozen release) cut at a row boundary at 95% is refused as a shrink, though 90% is enough for live feeds', async () => {
    const ucsLines = readSnapshot(ucs.bundled[0]!.file).split('\n').filter((l) => l !== '');
    await refused(ucs, cutAtRow(ucsLines, 0.95), 'ucs-95pct.tsv', 'shrink', /of the previous ingest's \d+ \(at least 100% expected\)/);
  });

  it('a launch log cut inside its last field is refused as truncated', () =>
    refused(log, cutInLastField(logText, 2), 'log-cut.tsv', 'complete', /log-cut\.tsv:\d+: truncated file/));

  it('another GCAT table offered as the launch log is refused by its header', () =>
    refused(log, readSnapshot('gcat_orgs_2026-03-26.tsv.gz'), 'orgs.tsv', 'identity', /header starts with "Code", expected "Launch_Tag"/));

  it('the launch-points table offered as sites is refused by its rows\' Type', async () => {
    const sites = feedByName('gcat-sites')!;
    const err = await refused(sites, readSnapshot('gcat_lp_2024-01-13.tsv.gz'), 'lp.tsv', 'identity', /only 0 of \d+ rows have type LS\/LC\/LZ/);
    expect(err.message).toContain('another table');
  });

  it('a NUL byte in one row rejects that row with line and field, and the rest is stored', async () => {
    // The second row of the first launch with two objects: its launch keeps a row, so every tag stays.
    const tags = logLines.map((l) => l.split('\t')[0]!.trim());
    const k = tags.findIndex((t, i) => i > 0 && tags.indexOf(t) < i);
    expect(k).toBeGreaterThan(1);
    const lines = [...logLines];
    const cells = lines[k]!.split('\t');
    cells[4] = `${cells[4]}\u0000`; // Name
    lines[k] = cells.join('\t');
    const report = await ingestFeed(store.db, log, { text: lines.join('\n') + '\n', file: 'log-nul.tsv', sourceId: log.bundled[0]!.sourceId, asOf: '2024-12-08' });
    expect(report.rejected).toEqual([{ file: 'log-nul.tsv', line: k + 1, field: 'Name', reason: expect.stringMatching(/NUL/), key: expect.objectContaining({ Launch_Tag: tags[k] }) }]);
    expect(report.accepted).toBe(logLines.length - 2);
    const counts = await tableCounts(store);
    expect(counts.launches).toBe(before.launches);
    // The rejected row's object stays as stored (a rejected row is not a removal: src/ingest/kept-rows.ts).
    expect(counts.launch_objects).toBe(before.launch_objects);
    expect(report.tables.launch_objects).toMatchObject({ removed: 0, kept: 1 });
  });

  it('status shows the refused runs with check, reason and the quarantined file', async () => {
    const s = await storeStatus(store.db);
    const gpOrigin = s.origins.find((o) => o.origin === 'ingest:celestrak-gp')!;
    expect(gpOrigin.failures).toBe(2);
    expect(gpOrigin.lastFailure).toMatchObject({ check: 'complete', reason: expect.stringMatching(/truncated file/) });
    expect(existsSync(gpOrigin.lastFailure!.quarantined!)).toBe(true);
  });

  it('the quarantine keeps the newest N refused files per feed and at most M bytes; every refused run keeps its reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redshift-quarantine-retention-'));
    try {
      const gpCut = cutAtRow(gpLines, 0.1);
      const logCut = cutAtRow(logLines, 0.1);
      // A GP cut is about 230 KB, a launch log cut about 355 KB; each is kept with a reason of under 2 KiB.
      // M has room for two GP files and one launch log; N (3) GP files alone fit.
      const retention: QuarantineRetention = { keep: 3, maxBytes: 2 * (gpCut.length + 2048) + logCut.length + 2048 };
      const failuresBefore = (await storeStatus(store.db)).origins.find((o) => o.origin === 'ingest:celestrak-gp')!.failures;
      const offer = async (feed: typeof gp, text: string, file: string) => {
        const err = await ingestFeed(store.db, feed, { text, file, sourceId: `${feed.name}-live`, asOf: '2026-11-21' }, { quarantineDir: dir, quarantineRetention: retention })
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(IngestError);
        return { runId: (err as IngestError).runId, path: (err as IngestError).quarantined!, reason: (err as Error).message };
      };
      const kept = () => quarantined(dir).map((f) => f.path).sort();
      const filesOf = (runs: { path: string }[]) => runs.flatMap((r) => [r.path, `${r.path}.reason.json`]).sort();
      const totalBytes = () => quarantined(dir).reduce((n, f) => n + f.bytes, 0);

      const gpRuns = [];
      for (let i = 0; i < 5; i++) gpRuns.push(await offer(gp, gpCut, `gp-10pct-${i}.csv`));
      // Per feed: only the newest 3 GP files (and their reasons) remain.
      expect(kept()).toEqual(filesOf(gpRuns.slice(2)));
      const logRuns = [];
      for (let i = 0; i < 2; i++) logRuns.push(await offer(log, logCut, `log-10pct-${i}.tsv`));
      // In total: the oldest files are deleted, whichever feed they belong to, until the rest fit in M.
      expect(kept()).toEqual(filesOf(logRuns));
      expect(totalBytes()).toBeLessThanOrEqual(retention.maxBytes);
      expect(await tableCounts(store)).toEqual(before);

      // Every refused run is recorded with its reason; one whose file was deleted says where it was, when and why.
      for (const r of [...gpRuns, ...logRuns]) {
        const run = await store.db.selectFrom('runs').select(['status', 'error', 'detail']).where('id', '=', r.runId).executeTakeFirstOrThrow();
        expect(run).toMatchObject({ status: 'failed', error: r.reason, detail: { check: 'shrink' } });
        const detail = run.detail as { quarantined: string | null; quarantineRemoved?: { file: string; at: string; reason: string } };
        if (existsSync(r.path)) expect(detail.quarantined).toBe(r.path);
        else {
          expect(detail.quarantined).toBeNull();
          expect(detail.quarantineRemoved).toEqual({ file: r.path, at: expect.any(String), reason: expect.stringMatching(/^deleted by the quarantine's retention when run \d+ kept its file$/) });
        }
      }
      // Status lists every refused run and says of the newest that its file was deleted.
      const s = await storeStatus(store.db);
      const gpOrigin = s.origins.find((o) => o.origin === 'ingest:celestrak-gp')!;
      expect(gpOrigin.failures).toBe(failuresBefore + 5);
      expect(gpOrigin.lastFailure).toMatchObject({ runId: gpRuns[4]!.runId, reason: gpRuns[4]!.reason, quarantined: null, quarantineRemoved: { file: gpRuns[4]!.path } });
      const logOrigin = s.origins.find((o) => o.origin === 'ingest:gcat-launchlog')!;
      expect(logOrigin.lastFailure).toMatchObject({ runId: logRuns[1]!.runId, quarantined: logRuns[1]!.path, quarantineRemoved: null });

      const more = [];
      for (let i = 0; i < 3; i++) more.push(await offer(gp, gpCut, `gp-10pct-more-${i}.csv`));
      expect(kept()).toEqual(filesOf(more));
      expect(totalBytes()).toBeLessThanOrEqual(retention.maxBytes);
      const after = (await storeStatus(store.db)).origins.find((o) => o.origin === 'ingest:gcat-launchlog')!;
      expect(after.lastFailure).toMatchObject({ runId: logRuns[1]!.runId, reason: logRuns[1]!.reason, quarantined: null, quarantineRemoved: { file: logRuns[1]!.path } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an operator accepts a shrink deliberately (acceptShrink), and the run says so', async () => {
    const cut = cutAtRow(logLines, 0.02);
    const report = await ingestFeed(store.db, log, { text: cut, file: 'log-2pct.tsv', sourceId: 'gcat-launchlog-live', asOf: '2024-12-08' }, { acceptShrink: true });
    expect(report.acceptedShrink).toMatch(/rows, .* of the previous ingest's/);
    expect(report.previous).toMatchObject({ rows: logLines.length - 2 });
    expect((await tableCounts(store)).launches).toBe(tagsOf(cut.trimEnd().split('\n')).size);
    const run = await lastRun();
    expect(run.status).toBe('succeeded');
    expect((run.detail as { acceptedShrink: string }).acceptedShrink).toBe(report.acceptedShrink);
  });
});

describe('the quarantine retention settings', () => {
  it('default to 10 files per feed and 256 MiB in all, and refuse what is not a whole number of at least 1', () => {
    expect(quarantineRetention(readSettings({}))).toEqual({ keep: 10, maxBytes: 256 * 1024 * 1024 });
    expect(DEFAULT_RETENTION).toEqual(quarantineRetention(readSettings({})));
    expect(quarantineRetention(readSettings({ REDSHIFT_QUARANTINE_KEEP: '3', REDSHIFT_QUARANTINE_MAX_MB: '20' }))).toEqual({ keep: 3, maxBytes: 20 * 1024 * 1024 });
    expect(() => readSettings({ REDSHIFT_QUARANTINE_KEEP: '0' })).toThrow(new SettingsError('REDSHIFT_QUARANTINE_KEEP must be a whole number of at least 1, got "0"'));
    expect(() => readSettings({ REDSHIFT_QUARANTINE_MAX_MB: '1.5' })).toThrow(SettingsError);
  });
});
