/**
 * What every route is handed, built once when the server starts: the store and where the heavy
 * analytics run (analytics-runner.ts), with the classification rules they use, parsed once where they
 * run (in the analytics worker when it starts, or here): no request reads a rules file.
 */
import type { Store } from '../store/open-store.js';
import { analyticsRunner, callerRunner, type AnalyticsRunner } from '../services/analytics-runner.js';
import { loadRules } from '../services/analytics.js';

export interface ServerContext {
  store: Store;
  rulesDir: string;
  analytics: AnalyticsRunner;
}

/**
 * `analyticsIn: 'worker'` runs the heavy analytics in a worker thread when the store can be shared with
 * one (the server, `serve`); 'caller' runs them in this thread (tests, one-off commands).
 */
export async function createServerContext(store: Store, rulesDir: string, analyticsIn: 'worker' | 'caller' = 'caller'): Promise<ServerContext> {
  // With a worker, this thread never parses the rules (about a second of the start-up otherwise).
  const analytics = analyticsIn === 'worker' ? await analyticsRunner(store, () => loadRules(rulesDir), rulesDir) : callerRunner(store.db, loadRules(rulesDir));
  return { store, rulesDir, analytics };
}
