/** redshift-monitor ingest SOURCE [--from FILE|URL] */
import type { Command } from 'commander';
import { FEED_NAMES, describeFeedLimits } from '../services/feed-names.js';
import type { IngestOpts } from './ingest-action.js';

export function registerIngest(program: Command): void {
  program.command('ingest')
    .description(`ingest a catalog feed: ${FEED_NAMES.join(', ')}; without --from, download its live endpoint (conditional request). `
      + `A file or download larger than its feed's limit is refused, recorded as a failed run, and stopped as soon as it passes the limit `
      + `(bytes after any Content-Encoding is undone; the server's scheduled downloads too): ${describeFeedLimits()}`)
    .argument('<source>', 'feed name')
    .option('--from <fileOrUrl>', 'a local file or an http(s) URL instead of the live endpoint')
    .option('--bundled', 'ingest the feed\'s bundled snapshots from data/snapshots')
    .option('--source-id <id>', 'source record to cite (default: the feed\'s live source, or the bundled snapshot\'s)')
    .option('--as-of <date>', 'date the data describes (default: today)')
    .option('--received-at <time>', 'with --from FILE: when the file was downloaded (ISO date or date-time; default: now); GP epochs and launch-log dates more than a day later are rejected')
    .option('--force', 'download even if the publisher\'s minimum interval has not passed')
    .option('--accept-shrink', 'accept a file that is complete and well-formed but has fewer rows or keys than the previous ingest (e.g. a quarantined file, after review)')
    .action(async (name: string, opts: IngestOpts) => (await import('./ingest-action.js')).runIngest(name, opts));
}
