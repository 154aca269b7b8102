/**
 * bench:server (d): the event loop's delay (perf_hooks.monitorEventLoopDelay, 10 ms resolution)
 * while a GP download is ingested the way the running server's fetch schedule does it: the store
 * opened from the settings as `serve` opens it, a backup before the download, then fetchFeed (parse in
 * its worker, write through the store). The download is served from 127.0.0.1 and is SYNTHETIC: the
 * bundled 2026-07-10 GP snapshot with every epoch one day later and mean anomalies advanced by mean
 * motion × 1 day (two-body; the orbits are not physical), so every object brings a new element set.
 * Baseline in the same process: the delay over an idle wait as long as the ingest.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { readSettings } from '../src/config/settings.js';
import { storeFromSettings } from '../src/services/store-from-settings.js';
import { feedByName } from '../src/services/feeds.js';
import { fetchFeed } from '../src/services/fetch-feed.js';
import { baseGpCsv, gpCsvText, movedRow } from './support/synthetic-gp.js';

/** The bundled snapshot moved one day on (see above). */
export function nextDaySnapshot(): string {
  const base = baseGpCsv();
  return gpCsvText(base.header, base.rows.map((f) => movedRow(f, base.at, 1)));
}

export interface LoopDelay { p50: number; p99: number; max: number; ms: number }

function summary(h: ReturnType<typeof monitorEventLoopDelay>, ms: number): LoopDelay {
  return { p50: h.percentile(50) / 1e6, p99: h.percentile(99) / 1e6, max: h.max / 1e6, ms };
}

/** Ingests the synthetic next-day snapshot into the store in dataDir (which it changes): loop delay during it and idle. */
export async function ingestLoopDelay(dataDir: string): Promise<{ ingest: LoopDelay; idle: LoopDelay; accepted: number }> {
  const body = nextDaySnapshot();
  const http = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/csv' }).end(body));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/gp.csv`;
  process.env.REDSHIFT_DATA_DIR = dataDir;
  const store = await storeFromSettings(readSettings());
  try {
    const feed = feedByName('celestrak-gp')!;
    const during = monitorEventLoopDelay({ resolution: 10 });
    during.enable();
    const started = performance.now();
    await store.backup('before-ingest');
    const outcome = await fetchFeed(store.db, feed, { url, force: true });
    const ms = performance.now() - started;
    during.disable();
    if (outcome.kind !== 'ingested') throw new Error(`the synthetic download was not ingested: ${outcome.message}`);
    const idle = monitorEventLoopDelay({ resolution: 10 });
    idle.enable();
    await sleep(ms);
    idle.disable();
    return { ingest: summary(during, ms), idle: summary(idle, ms), accepted: outcome.report.accepted };
  } finally {
    await store.close();
    http.close();
  }
}
