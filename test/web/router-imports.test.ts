/**
 * Only the entry imports the route table: pages and widgets take links from web/src/links.ts,
 * so no page sits in a cycle pages → router → pages. Imports are read with TypeScript's own
 * pre-processor (static, type-only and dynamic imports alike), not by pattern.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const SRC = 'web/src';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

/** The web/src files a module imports, as paths relative to web/src. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => relative(SRC, resolve(dirname(file), name)));
}

describe('web module graph', () => {
  const files = sourceFiles(SRC);
  const graph = new Map(files.map((f) => [relative(SRC, f), importsOf(f)]));

  it('reads the entry and the route table', () => {
    expect(graph.get('main.ts')).toContain('router.ts');
    expect(graph.get('router.ts')).toContain('pages/home.ts');
  });

  it('only main.ts imports router.ts', () => {
    const importers = [...graph].filter(([, deps]) => deps.includes('router.ts')).map(([f]) => f);
    expect(importers).toEqual(['main.ts']);
  });

  it('no module router.ts imports leads back to it', () => {
    const seen = new Set<string>();
    const stack = [...(graph.get('router.ts') ?? [])];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(graph.get(next) ?? []));
    }
    expect(seen.has('router.ts')).toBe(false);
  });
});
