/**
 * The server's fetch schedule: each live feed is downloaded one at a time, after beforeFetch (the
 * server's backup), and afterIngest (the server warms the pages' first reads again) follows only a
 * download that was ingested; a failure is logged and the next feed still runs.
 */
import { expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { startFetchSchedule } from '../../src/services/fetch-schedule.js';
import { FEEDS, type FeedDef } from '../../src/services/feeds.js';
import type { FetchOutcome } from '../../src/services/fetch-feed.js';
import type { IngestReport } from '../../src/services/ingest-feed.js';
import type { Database } from '../../src/store/schema.js';

it('backs up before each download and warms again after each ingested one, in order, one feed at a time', async () => {
  const live = FEEDS.filter((f) => f.live);
  expect(live.length).toBeGreaterThan(1);
  const [ingested, failing, ...rest] = live;
  const calls: string[] = [];
  const logged: string[] = [];
  const fetchOne = async (feed: FeedDef): Promise<FetchOutcome> => {
    calls.push(`fetch ${feed.name}`);
    await new Promise((r) => setTimeout(r, 5));
    if (feed === failing) throw new Error('connection reset');
    if (feed === ingested) return { kind: 'ingested', report: { accepted: 3 } as IngestReport };
    return { kind: 'not-modified', message: `${feed.name}: not modified` };
  };
  const stop = startFetchSchedule({} as Kysely<Database>, (line) => logged.push(line), 0, undefined, {
    fetchOne,
    beforeFetch: async () => { calls.push('backup'); },
    afterIngest: async () => { calls.push('warm'); },
  });
  try {
    for (let i = 0; i < 200 && logged.length < live.length; i++) await new Promise((r) => setTimeout(r, 10));
  } finally {
    stop();
  }
  expect(calls).toEqual([
    'backup', `fetch ${ingested!.name}`, 'warm',
    'backup', `fetch ${failing!.name}`,
    ...rest.flatMap((f) => ['backup', `fetch ${f.name}`]),
  ]);
  expect(logged).toEqual([
    `${ingested!.name}: ingested 3 rows`, `${failing!.name}: connection reset`, ...rest.map((f) => `${f.name}: not modified`),
  ]);
});
