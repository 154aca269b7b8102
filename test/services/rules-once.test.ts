/** The rules are parsed once per change of their files, not once per request. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loadRules, rulesVersion } from '../../src/services/analytics.js';

const dir = mkdtempSync(join(tmpdir(), 'rules-once-'));
cpSync('data/rules', dir, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('gives the same parsed rules while the files stay the same, and new ones after a file changes', () => {
  const first = loadRules(dir);
  expect(loadRules(dir)).toBe(first);
  expect(rulesVersion(loadRules(dir))).toBe(rulesVersion(first));
  const file = join(dir, 'metrics.yaml');
  writeFileSync(file, `${readFileSync(file, 'utf8')}\n# edited\n`);
  const second = loadRules(dir);
  expect(second).not.toBe(first);
  expect(rulesVersion(second)).not.toBe(rulesVersion(first));
  expect(second.metrics.length).toBe(first.metrics.length);
});
