/** The ingest command's work (ingest-command.ts defines it). */
import { withStore } from './with-store.js';
import { feedByName, FEEDS } from '../services/feeds.js';
import { IngestError } from '../services/ingest-feed.js';
import { ingestLocalFile } from '../services/ingest-local-file.js';
import { ingestBundled } from '../services/bundled-snapshots.js';
import { fetchFeed } from '../services/fetch-feed.js';
import { quarantineRetention } from '../services/feed-quarantine.js';
import { formatRowError, formatRowKey } from '../ingest/feed-errors.js';
import { formatTable } from './format-table.js';
import { parseReceivedAt } from './received-at.js';

export interface IngestOpts { from?: string; bundled?: boolean; sourceId?: string; asOf?: string; receivedAt?: string; force?: boolean; acceptShrink?: boolean }

export async function runIngest(name: string, opts: IngestOpts): Promise<void> {
  const localFile = opts.from !== undefined && !/^https?:\/\//.test(opts.from) ? opts.from : null;
  if (opts.receivedAt !== undefined && (localFile === null || opts.bundled)) throw new Error('--received-at applies to a local file (--from FILE): a download is received when it is made');
  const receivedAt = opts.receivedAt === undefined ? undefined : parseReceivedAt(opts.receivedAt);
  return withStore(async (store, settings) => {
    const feed = feedByName(name);
    if (!feed) throw new Error(`unknown feed "${name}" (feeds: ${FEEDS.map((f) => f.name).join(', ')})`);
    if (opts.bundled && feed.bundled.length === 0) {
      throw new Error(`${feed.name} has no bundled snapshot (feeds with one: ${FEEDS.filter((f) => f.bundled.length).map((f) => f.name).join(', ')}): use --from FILE, or no option to download it`);
    }
    const backup = await store.backup('before-ingest');
    if (backup) console.log(`backup: ${backup}`);
    const ingestOpts = { rulesDir: settings.rulesDir, quarantineDir: settings.quarantineDir, quarantineRetention: quarantineRetention(settings), acceptShrink: opts.acceptShrink ?? false };
    try {
      const reports = [];
      if (opts.bundled) {
        for (const snap of feed.bundled) reports.push(await ingestBundled(store.db, feed, snap, settings.rulesDir, ingestOpts));
      } else if (localFile) {
        const sourceId = opts.sourceId ?? feed.live?.sourceId;
        if (!sourceId) throw new Error(`--source-id is required for ${feed.name}`);
        const source = { file: localFile, sourceId, asOf: opts.asOf ?? new Date().toISOString().slice(0, 10), receivedAt };
        reports.push(await ingestLocalFile(store.db, feed, source, ingestOpts));
      } else {
        const outcome = await fetchFeed(store.db, feed, { url: opts.from, force: opts.force ?? false, sourceId: opts.sourceId, ...ingestOpts });
        if (outcome.kind !== 'ingested') {
          console.log(outcome.message);
          return;
        }
        reports.push(outcome.report);
      }
      for (const r of reports) {
        console.log(`${r.feed}: ${r.file} (source ${r.sourceId}, as of ${r.asOf}): ${r.total} rows, ${r.accepted} accepted, ${r.rejectedCount} rejected (run ${r.runId})`);
        if (r.acceptedShrink) console.log(`  accepted although it shrank (--accept-shrink): ${r.acceptedShrink}`);
        for (const e of r.rejected.slice(0, 20)) console.log(`  rejected ${formatRowError(e)}${e.key ? ` (${formatRowKey(e.key)}: its stored row is kept)` : ''}`);
        if (r.rejectedCount > 20) console.log(`  … ${r.rejectedCount - 20} more rejections in the run history (redshift-monitor status --json)`);
        for (const u of r.unknownCountryCodes) console.log(`  unknown country code ${u.field} "${u.code}" (${u.vocabulary}): ${u.rows} rows, lines ${u.lines.join(', ')}${u.rows > u.lines.length ? ' …' : ''}; not read as a country (add it to data/rules/country-codes.yaml)`);
        for (const t of r.removalsWithheld) console.log(`  ${t}: nothing removed, a rejected row's key could not be read (its stored row is kept)`);
        console.log(formatTable(['table', 'added', 'updated', 'removed', 'kept', 'unchanged'],
          Object.entries(r.tables).map(([t, c]) => [t, c!.added, c!.updated, c!.removed, c!.kept ?? 0, c!.unchanged])));
      }
    } catch (err) {
      if (err instanceof IngestError) {
        console.error(`ingest failed (${err.check}), nothing changed (run ${err.runId}): ${err.message}`);
        if (err.quarantined) console.error(`the file is kept in ${err.quarantined} (reason beside it)`);
        process.exitCode = 1;
        return;
      }
      throw err;
    }
  });
}
