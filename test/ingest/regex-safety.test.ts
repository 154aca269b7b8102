/**
 * No regular expression in the product can take super-linear time. Every regex literal in src/ and
 * web/src/ (found with the TypeScript parser, not a text search) and every pattern built at run time
 * is given to recheck (a maintained ReDoS detector: automaton analysis with a fuzzing fallback); each
 * must be reported "safe". A new unsafe pattern fails this test, naming its file and line.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { checkSync } from 'recheck';
import { describe, expect, it } from 'vitest';
import { readRules } from '../../src/ingest/rules/read-rules.js';
import { UCS_MOJIBAKE_PATTERN } from '../../src/ingest/ucs/mojibake.js';

interface Found { where: string; source: string; flags: string }

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return tsFiles(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

function literalsIn(file: string): Found[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: Found[] = [];
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const text = node.getText(sf);
      const end = text.lastIndexOf('/');
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      out.push({ where: `${relative(process.cwd(), file)}:${line}`, source: text.slice(1, end), flags: text.slice(end + 1) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** Files allowed to build a RegExp at run time, each with how its patterns are checked below. */
const DYNAMIC_REGEXP_SITES: Record<string, string> = {
  'src/model/rules.ts': 'only compiles a rules pattern to validate it; rules patterns are checked below',
  'src/analytics/launches.ts': 'data/rules launch-vehicle patterns, checked below',
  'src/analytics/attribution.ts': 'data/rules name patterns, checked below',
  'src/ingest/ucs/mojibake.ts': 'a character class of the repair table, exported and checked below',
  'web/src/router.ts': 'route paths: "^" + literal text and ([^/]+) groups + "$", one way to match',
};

const files = [...tsFiles('src'), ...tsFiles('web/src')];
const literals = files.flatMap(literalsIn);

function verdict(source: string, flags: string): string {
  const r = checkSync(source, flags, { timeout: 10_000 });
  return r.status === 'vulnerable' ? `vulnerable (${r.complexity.summary}; attack ${r.attack.pattern})` : r.status;
}

describe('regular expressions are linear (recheck)', () => {
  it('finds the literals (the scan is not empty)', () => {
    expect(literals.length).toBeGreaterThan(50);
  });

  it('every regex literal in src/ and web/src/ is safe', () => {
    const unsafe = literals.map((l) => ({ ...l, v: verdict(l.source, l.flags) })).filter((l) => l.v !== 'safe');
    expect(unsafe.map((u) => `${u.where} /${u.source}/${u.flags}: ${u.v}`)).toEqual([]);
  });

  it('only the listed files build a RegExp at run time', () => {
    const sites = files
      .filter((f) => /\bnew RegExp\(|\bRegExp\(/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(process.cwd(), f))
      .sort();
    expect(sites).toEqual(Object.keys(DYNAMIC_REGEXP_SITES).sort());
  });

  it('every pattern in data/rules and the UCS repair class are safe', () => {
    const rules = readRules('data/rules');
    if (!rules.ok) throw new Error('data/rules does not validate');
    const patterns = [
      ...rules.rules.objectNameRules.map((r) => r.pattern),
      ...rules.rules.launchProviderRules.map((r) => r.lvTypePattern),
      UCS_MOJIBAKE_PATTERN.source,
    ];
    expect(patterns.length).toBeGreaterThan(3);
    const unsafe = patterns.map((p) => ({ p, v: verdict(p, p === UCS_MOJIBAKE_PATTERN.source ? 'gu' : '') })).filter((x) => x.v !== 'safe');
    expect(unsafe).toEqual([]);
  });

  it('the check catches a quadratic pattern (the former decimal grammar)', () => {
    expect(verdict('^[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?$', '')).toMatch(/^vulnerable/);
    expect(verdict('\\s+$', '')).toMatch(/^vulnerable/);
  });
});
