/**
 * readRules for callers that read the same folder again and again (every feed ingest checks country
 * codes against it): the result is kept and read again only when a rules file is added, removed or
 * changed (its path, size or modification time differs), or the working folder the messages are
 * relative to changes.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { listYamlFiles } from '../curated/read-knowledge-base.js';
import { readRules, type RulesResult } from './read-rules.js';

const kept = new Map<string, { stamp: string; result: RulesResult }>();

function stampOf(dir: string, cwd: string): string {
  if (!existsSync(dir)) return `${cwd}\0none`;
  const files = listYamlFiles(dir).map((path) => {
    const s = statSync(path);
    return `${path}\0${s.size}\0${s.mtimeMs}`;
  });
  return [cwd, ...files].join('\n');
}

export function readRulesCached(dir: string, cwd = process.cwd()): RulesResult {
  const key = resolve(cwd, dir);
  const stamp = stampOf(dir, cwd);
  const hit = kept.get(key);
  if (hit && hit.stamp === stamp) return hit.result;
  const result = readRules(dir, cwd);
  kept.set(key, { stamp, result });
  return result;
}
