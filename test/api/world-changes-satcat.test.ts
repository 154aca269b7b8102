/**
 * Decays and payloads reaching orbit in the world feed, from the SATCAT (the bundled data hold
 * none: only the live feed brings it). The verbatim SATCAT excerpt goes through the real feed,
 * then the API's decay and reached-orbit changes are compared with the raw file's columns.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { STORE_KINDS, type TestStore } from '../support/stores.js';
import { storeWithSources } from '../support/catalog-store.js';
import { csvFields, rawLines } from '../support/raw-files.js';
import { FEEDS } from '../../src/services/feeds.js';
import { ingestFeed } from '../../src/services/ingest-feed.js';
import { readSnapshotBytes } from '../../src/services/bundled-snapshots.js';
import { buildServer } from '../../src/api/server.js';

const FILE = 'celestrak_satcat_excerpt_2025-12.csv.gz';

function rawSatcat(): Record<string, string>[] {
  const [header, ...rows] = rawLines(FILE).map(csvFields);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

describe.each(STORE_KINDS)('world changes from the SATCAT on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  const get = async (path: string) => {
    const res = await app.inject(path);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.json() as { items: { id: string; type: string; day: string; country: string | null; sourceId: string }[]; next: string | null };
  };
  beforeAll(async () => {
    store = await storeWithSources(kind);
    const feed = FEEDS.find((f) => f.name === 'celestrak-satcat')!;
    await ingestFeed(store.db, feed, { bytes: readSnapshotBytes(FILE), file: `data/snapshots/${FILE}`, sourceId: 'celestrak-satcat-excerpt-2025-12', asOf: '2025-12-26' });
    app = await buildServer({ store, webDir: 'test/fixtures/no-web-app' });
  }, 120_000);
  afterAll(async () => { await app?.close(); await store?.dispose(); });

  it('lists every decay on the raw decay date, citing the SATCAT file', async () => {
    const body = await get('/api/v1/changes?type=decay&limit=1000');
    const raw = rawSatcat().filter((r) => r.DECAY_DATE);
    expect(raw.length).toBeGreaterThan(3);
    expect(body.items.map((c) => [c.id, c.day]).sort()).toEqual(raw.map((r) => [`decay:${r.NORAD_CAT_ID!.padStart(9, '0')}`, r.DECAY_DATE]).sort());
    expect(new Set(body.items.map((c) => c.sourceId))).toEqual(new Set(['celestrak-satcat-excerpt-2025-12']));
  });

  it('lists the Chinese payloads reaching orbit since 2025-12-01 on their launch dates', async () => {
    const body = await get('/api/v1/changes?type=reached-orbit&country=CN&since=2025-12-01&limit=1000');
    const raw = rawSatcat().filter((r) => r.OWNER === 'PRC' && r.OBJECT_TYPE === 'PAY' && r.LAUNCH_DATE! >= '2025-12-01');
    expect(raw.length).toBeGreaterThan(10);
    expect(body.items.map((c) => [c.id, c.day]).sort()).toEqual(raw.map((r) => [`reached-orbit:${r.NORAD_CAT_ID!.padStart(9, '0')}`, r.LAUNCH_DATE]).sort());
  });
});
