/** The server's schedule: each live feed is fetched at the publisher's minimum interval. Errors are recorded, never fatal. */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { FEEDS } from './feeds.js';
import { fetchFeed, type FetchOutcome } from './fetch-feed.js';
import type { FeedDef } from './feeds.js';
import { errorMessage } from '../model/error-message.js';
import type { QuarantineRetention } from './feed-quarantine.js';

/**
 * beforeFetch runs before each download (the server backs the embedded store up there), afterIngest
 * after each download that was ingested (the server warms the pages' first reads there); feeds are
 * fetched one at a time.
 */
export function startFetchSchedule(
  db: Kysely<Database>, log: (line: string) => void, firstDelayMs = 60_000, rulesDir?: string,
  opts: {
    quarantineDir?: string; quarantineRetention?: QuarantineRetention; beforeFetch?: () => Promise<void>; afterIngest?: () => Promise<void>;
    /** How a feed is downloaded and ingested (default fetchFeed from its live URL; tests pass their own). */
    fetchOne?: (feed: FeedDef) => Promise<FetchOutcome>;
  } = {},
): () => void {
  const timers: NodeJS.Timeout[] = [];
  let queue: Promise<void> = Promise.resolve();
  for (const feed of FEEDS) {
    if (!feed.live) continue;
    const run = () => (queue = queue.then(async () => {
      try {
        await (opts.beforeFetch ?? (async () => {}))();
        const outcome = await (opts.fetchOne ?? ((f: FeedDef) => fetchFeed(db, f, { rulesDir, quarantineDir: opts.quarantineDir, quarantineRetention: opts.quarantineRetention })))(feed);
        log(outcome.kind === 'ingested' ? `${feed.name}: ingested ${outcome.report.accepted} rows` : outcome.message);
        if (outcome.kind === 'ingested') await (opts.afterIngest ?? (async () => {}))();
      } catch (err) {
        log(`${feed.name}: ${errorMessage(err)}`);
      }
    }));
    timers.push(setTimeout(() => {
      void run();
      timers.push(setInterval(() => void run(), feed.live!.minIntervalHours * 3600_000));
    }, firstDelayMs));
  }
  return () => timers.forEach((t) => clearTimeout(t));
}
