/**
 * jsonPathLines (src/model/json-path-lines.ts) against the YAML reader, which keeps every node's position
 * (pathLines over parseDocument): for every place in real curated data written as JSON (pretty and on one
 * line), in texts with escaped and repeated keys, and for paths that go further than the text.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { LineCounter, parse, parseDocument } from 'yaml';
import { jsonPathLines, type JsonPath } from '../../src/model/json-path-lines.js';
import { pathLines } from '../../src/ingest/curated/yaml-file.js';

/** Every place in a parsed JSON value: each member and item, at any depth. */
function everyPath(value: unknown, at: JsonPath = []): JsonPath[] {
  const out: JsonPath[] = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...everyPath(v, [...at, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...everyPath(v, [...at, k]));
  return out;
}

function yamlLines(text: string): (path: JsonPath) => number {
  const lineCounter = new LineCounter();
  const lineOf = pathLines(parseDocument(text, { lineCounter, uniqueKeys: false }), lineCounter);
  return (path) => lineOf([...path]);
}

describe('jsonPathLines', () => {
  const curated = parse(readFileSync('data/kb/sources/redshift-references.yaml', 'utf8')) as unknown;

  it.each([['pretty', 2], ['on one line', 0]] as const)('gives the YAML reader\'s line for every place of curated data written %s', (_, indent) => {
    const text = JSON.stringify({ sources: [curated], padding: { 'a"b\\n': [[1, [2, { deep: 'é\n' }]]] } }, null, indent);
    const paths = everyPath(JSON.parse(text));
    expect(paths.length).toBeGreaterThan(50);
    const ours = jsonPathLines(text, paths);
    const theirs = yamlLines(text);
    const differ = paths.filter((p) => ours(p) !== theirs(p));
    expect(differ).toEqual([]);
  });

  it('follows the first of repeated keys, and gives a path beyond the text its deepest place\'s line', () => {
    const text = '{\n  "a": {\n    "x": 1\n  },\n  "a": {\n    "y": 2\n  },\n  "b": [\n    0,\n    {\n      "c": 3\n    }\n  ]\n}';
    const asked: JsonPath[] = [['a', 'x'], ['a', 'y'], ['b', 1, 'c'], ['b', 1, 'missing', 4], ['b', 7], ['nothing']];
    const ours = jsonPathLines(text, asked);
    expect(asked.map(ours)).toEqual([3, 2, 11, 10, 8, 1]);
    expect(asked.map(yamlLines(text))).toEqual([3, 2, 11, 10, 8, 1]);
  });

  it('finds the places before a syntax error, and reads a deep text without recursion', () => {
    const cut = '{\n  "a": [\n    1,\n    {"b": ';
    const asked: JsonPath[] = [['a', 0], ['a', 1, 'b'], ['z']];
    expect(asked.map(jsonPathLines(cut, asked))).toEqual([3, 4, 1]);
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const path = Array.from({ length: 3 }, () => 0);
    expect(jsonPathLines(deep, [path])(path)).toBe(1);
  });
});
