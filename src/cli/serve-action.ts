/**
 * The serve command's work (serve-command.ts defines it). The store opens first (PGlite in its own
 * thread, or a PostgreSQL pool) while this thread loads the server's modules (serve-app.ts); on a new
 * PGlite folder, whose database takes 1–3 s to create (the build's empty store unpacked, or an initdb),
 * the first start's files are read meanwhile.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readSettings, type Settings } from '../config/settings.js';
import { pgliteDir, storeFromSettings } from '../services/store-from-settings.js';

export async function runServe(): Promise<void> {
  const settings = readSettings();
  const opening = storeFromSettings(settings);
  const ahead = isNewPgliteFolder(settings)
    ? import('../services/bootstrap.js').then((m) => m.readBootstrapAhead(settings.kbDir, settings.rulesDir)) : undefined;
  const [opened, app, read] = await Promise.allSettled([opening, import('./serve-app.js'), ahead]);
  if (opened.status === 'rejected') throw opened.reason;
  if (app.status === 'rejected' || read.status === 'rejected') {
    await opened.value.close();
    throw app.status === 'rejected' ? app.reason : (read as PromiseRejectedResult).reason;
  }
  await app.value.serveStore(opened.value, settings, read.value);
}

/** A PGlite folder without a database yet: this start creates it and loads everything. */
function isNewPgliteFolder(settings: Settings): boolean {
  return !settings.databaseUrl && !existsSync(join(pgliteDir(settings), 'PG_VERSION'));
}
