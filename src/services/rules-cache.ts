/**
 * The rules, read again only when a file in their folder changed (name, size or modification
 * time), for routes that read them on every request (reading and validating takes hundreds of ms).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Rules } from '../ingest/rules/read-rules.js';
import { loadRules } from './analytics.js';

const cache = new Map<string, { stamp: string; rules: Rules }>();

function stampOf(dir: string): string {
  return readdirSync(dir).sort().map((f) => {
    const s = statSync(join(dir, f));
    return `${f}:${s.size}:${s.mtimeMs}`;
  }).join('|');
}

export function currentRules(dir: string): Rules {
  const stamp = stampOf(dir);
  const hit = cache.get(dir);
  if (hit && hit.stamp === stamp) return hit.rules;
  const rules = loadRules(dir);
  cache.set(dir, { stamp, rules });
  return rules;
}
