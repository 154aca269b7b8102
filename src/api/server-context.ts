/**
 * What every route is handed, built once when the server starts: the store, the classification rules
 * (parsed once: no request reads a rules file), and where the heavy analytics run (analytics-runner.ts).
 */
import type { Store } from '../store/open-store.js';
import type { Rules } from '../ingest/rules/read-rules.js';
import { analyticsRunner, callerRunner, type AnalyticsRunner } from '../services/analytics-runner.js';
import { loadRules } from '../services/analytics.js';

export interface ServerContext {
  store: Store;
  rules: Rules;
  rulesDir: string;
  analytics: AnalyticsRunner;
}

/**
 * `analyticsIn: 'worker'` runs the heavy analytics in a worker thread when the store can be shared with
 * one (the server, `serve`); 'caller' runs them in this thread (tests, one-off commands).
 */
export async function createServerContext(store: Store, rulesDir: string, analyticsIn: 'worker' | 'caller' = 'caller'): Promise<ServerContext> {
  const rules = loadRules(rulesDir);
  const analytics = analyticsIn === 'worker' ? await analyticsRunner(store, rules, rulesDir) : callerRunner(store.db, rules);
  return { store, rules, rulesDir, analytics };
}
