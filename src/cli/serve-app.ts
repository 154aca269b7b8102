/** What serve does once the store is open: the first start's loading, then the server (serve-action.ts opens the store). */
import type { Settings } from '../config/settings.js';
import type { Store } from '../store/open-store.js';
import { finishBootstrap } from '../services/bootstrap.js';
import type { ReadAhead } from '../services/read-ahead.js';
import { startFetchSchedule } from '../services/fetch-schedule.js';
import { quarantineRetention } from '../services/feed-quarantine.js';
import { buildServer } from '../api/server.js';
import { primeHealth } from '../api/routes/health.js';
import { createServerContext } from '../api/server-context.js';
import { warmFirstReads } from '../api/warm-up.js';

/** Finishes a first start (with the reads already begun, `ahead`), then serves the store until SIGINT or SIGTERM. */
export async function serveStore(store: Store, settings: Settings, ahead?: ReadAhead): Promise<void> {
  try {
    await finishBootstrap(store.db, settings.kbDir, settings.rulesDir, (line) => console.log(line), ahead);
  } catch (err) {
    await store.close();
    throw err;
  }
  // The heavy analytics run in a worker thread on the same store (analytics-runner.ts), never on the event loop.
  const context = await createServerContext(store, settings.rulesDir, 'worker');
  const app = await buildServer({ store, logLevel: settings.logLevel, rulesDir: settings.rulesDir, corsOrigins: settings.corsOrigins, context });
  // Count the entities before listening, so /api/health answers from memory from the first request.
  await primeHealth(store);
  const beforeIngest = async () => { await store.backup('before-ingest'); };
  // A new download changes the data version, which empties the response cache: warm it again.
  const afterIngest = async () => {
    const warmed = await warmFirstReads(app);
    app.log.info(`the pages' first reads warmed again in ${warmed.seconds.toFixed(1)} s${warmed.failed.length ? `; not warmed: ${warmed.failed.join(', ')}` : ''}`);
  };
  const stopSchedule = settings.fetchSchedule
    ? startFetchSchedule(store.db, (line) => app.log.info(line), undefined, settings.rulesDir, {
      quarantineDir: settings.quarantineDir, quarantineRetention: quarantineRetention(settings), beforeFetch: beforeIngest, afterIngest,
    }) : () => {};
  const close = async () => { stopSchedule(); await app.close(); await store.close(); process.exit(0); };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: settings.port, host: settings.host });
  store.noteUrl(`http://${settings.host === '0.0.0.0' ? 'localhost' : settings.host}:${settings.port}/`);
  // Compute the heavy analytics now, in the analytics worker, then make the pages' first reads once
  // (warm-up.ts), so the first visitor waits for neither.
  void context.analytics.run('precompute', {})
    .then(async (seconds) => {
      const warmed = await warmFirstReads(app);
      if (warmed.failed.length) app.log.warn(`first reads not warmed: ${warmed.failed.join(', ')}`);
      app.log.info(`analytics precomputed in ${seconds.toFixed(1)} s, the pages' first reads warmed in ${warmed.seconds.toFixed(1)} s`);
    })
    .catch((err: unknown) => app.log.warn(`analytics not precomputed: ${String(err)}`));
  console.log(`Redshift Monitor on http://${settings.host === '0.0.0.0' ? 'localhost' : settings.host}:${settings.port}/ (store: ${store.kind} at ${store.location})`);
}
