/**
 * The command line defines every command without loading what the commands run: `serve` must not
 * pay for the report's renderer (jsdom, Plot) at start, nor `validate` for the store. Checked on the
 * static import graph of src/cli/program.ts (type-only imports and dynamic import() excluded).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEED_NAMES } from '../../src/services/feed-names.js';
import { FEEDS } from '../../src/services/feeds.js';

const STATIC_IMPORT = /^import\s+(?!type\s)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else if (!spec.startsWith('node:')) packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  };
  visit(resolve(entry));
  return { files, packages };
}

describe('the command line loads a command\'s work only when it runs', () => {
  const { files, packages } = staticGraph('src/cli/program.ts');

  it('defines the commands with commander alone', () => {
    expect([...packages].sort()).toEqual(['commander']);
  });

  it('reaches no store, server, report or ingest module', () => {
    const reached = [...files].map((f) => f.slice(resolve('src').length + 1)).filter((f) => /^(store|api|report|ingest|analytics)\//.test(f));
    expect(reached).toEqual([]);
  });

  it('lists the feeds FEEDS defines, in order', () => {
    expect([...FEED_NAMES]).toEqual(FEEDS.map((f) => f.name));
  });
});
