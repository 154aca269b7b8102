/** A fresh store with the small curated fixture (test/fixtures/kb/basic) and a server on it, for API tests that write. */
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/api/server.js';
import { loadCurated } from '../../src/services/load-curated.js';
import type { StoreKind } from '../../src/store/open-store.js';
import { createTestStore, type TestStore } from './stores.js';

export async function basicApp(
  kind: StoreKind, options: Omit<Parameters<typeof buildServer>[0], 'store' | 'webDir'> = {},
): Promise<{ store: TestStore; app: FastifyInstance }> {
  const store = await createTestStore(kind);
  await loadCurated(store.db, 'test/fixtures/kb/basic');
  const app = await buildServer({ store, webDir: 'test/fixtures/no-web-app', ...options });
  return { store, app };
}
