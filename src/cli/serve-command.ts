import type { Command } from 'commander';
import { readSettings } from '../config/settings.js';
import { storeFromSettings } from '../services/store-from-settings.js';
import { loadCurated, isEmpty } from '../services/load-curated.js';
import { formatValidationError } from '../ingest/curated/yaml-file.js';
import { buildServer } from '../api/server.js';

export function registerServe(program: Command): void {
  program.command('serve')
    .description('serve the web app and the API (PORT, HOST); a fresh store is created and loaded with the bundled data first')
    .action(async () => {
      const settings = readSettings();
      const store = await storeFromSettings(settings);
      if (await isEmpty(store.db)) {
        console.log(`first start: loading the bundled data into ${store.kind} at ${store.location} …`);
        const result = await loadCurated(store.db, settings.kbDir);
        if (!result.ok) {
          result.errors.slice(0, 50).forEach((e) => console.error(formatValidationError(e)));
          await store.close();
          throw new Error(`the bundled data did not validate (${result.errors.length} errors)`);
        }
        console.log(`loaded ${result.report.statements.added} statements from ${result.files} files`);
      }
      const app = await buildServer({ store, logLevel: settings.logLevel });
      const close = async () => { await app.close(); await store.close(); process.exit(0); };
      process.once('SIGINT', close);
      process.once('SIGTERM', close);
      await app.listen({ port: settings.port, host: settings.host });
      console.log(`Redshift Monitor on http://${settings.host === '0.0.0.0' ? 'localhost' : settings.host}:${settings.port}/ (store: ${store.kind})`);
    });
}
