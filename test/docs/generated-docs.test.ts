/** Generated docs and schemas must match the code they are generated from (after datasette's test_docs). */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { generatedFiles } from '../../src/generated-files.js';
import { SETTINGS } from '../../src/config/settings.js';
import { buildProgram } from '../../src/cli/program.js';
import { contractDocumentFiles, contractSourceFiles } from '../../scripts/contract/contract-files.js';

describe('documentation', () => {
  it.each(Object.entries(generatedFiles()))('%s is current (run npm run gen)', (path, content) => {
    expect(readFileSync(path, 'utf8')).toBe(content);
  });

  it.each(Object.entries(contractSourceFiles()))('%s is current (run npm run gen)', (path, content) => {
    expect(readFileSync(path, 'utf8')).toBe(content);
  });

  it('the OpenAPI document and the web app\'s API types are current (run npm run gen)', async () => {
    for (const [path, content] of Object.entries(await contractDocumentFiles())) expect(readFileSync(path, 'utf8'), path).toBe(content);
  }, 60_000);

  it('the web app takes the API\'s types from the generated ones and calls the API only through the typed client', () => {
    const files = readdirSync('web/src', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.startsWith('api/generated/')).map((f) => join('web/src', f));
    const text = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
    // The API's shapes are named in web/src/api, each derived from generated/openapi.ts (no interface or object type written there).
    for (const f of ['web/src/api/types.ts', 'web/src/api/geo-types.ts', 'web/src/api/indicator-types.ts']) {
      expect(text.get(f), f).toMatch(/from '\.\/(contract|generated\/openapi)\.ts'/);
      expect(text.get(f)!.match(/^export (interface|type \w+ = \{)/gm), f).toBeNull();
    }
    // Requests go through openapi-fetch over the generated paths; no page names a response type for a route by hand.
    expect(text.get('web/src/api/client.ts')).toMatch(/from 'openapi-fetch'/);
    expect(text.get('web/src/api/client.ts')).toMatch(/import type \{ paths \} from '\.\/generated\/openapi\.ts'/);
    for (const [f, t] of text) {
      if (f === 'web/src/api/client.ts') continue;
      expect(t, f).not.toMatch(/apiGet</);
      expect(t, f).not.toMatch(/\bfetch\(/);
    }
  });

  it('schema/ holds only generated files', () => {
    const expected = Object.keys(generatedFiles()).filter((p) => p.startsWith('schema/')).map((p) => p.slice(7)).sort();
    expect(readdirSync('schema').sort()).toEqual(expected);
  });

  it('the README names every setting and command', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const s of Object.values(SETTINGS)) expect(readme, s.env).toContain(s.env);
    for (const c of buildProgram().commands) expect(readme, c.name()).toContain(`redshift-monitor ${c.name()}`);
  });

  it('the README quick start is exactly the two commands', () => {
    const readme = readFileSync('README.md', 'utf8');
    const quick = readme.split('## Quick start')[1]!.split('\n## ')[0]!;
    expect(quick.match(/^npm .*$/gm)).toEqual(['npm ci && npm start', 'npm ci && npm test']);
  });
});
