/** Generated docs and schemas must match the code they are generated from (after datasette's test_docs). */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
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
