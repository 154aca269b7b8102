/**
 * Safety checks on a parsed YAML document before it becomes JavaScript values, each naming the node's
 * path (the caller adds file and line):
 * - no aliases (`*name`): the curated data writes every value out, so alias bombs and unresolved
 *   aliases cannot occur;
 * - no key that names a property every object already has (`constructor`, `toString`, `__proto__` …),
 *   and keys are plain text;
 * - no explicit tags (`!!binary`, `!!set`, custom `!tag`): values are plain text, numbers, booleans,
 *   lists and maps;
 * - nesting at most MAX_YAML_DEPTH levels;
 * - every text passes the stored-text check (no NUL, control characters other than line feed and
 *   tab, U+FFFD or unpaired surrogates; at most MAX_YAML_TEXT characters); every number is finite.
 * The walk uses its own stack, so a deep document cannot exhaust the call stack.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { unsafeTextReason } from '../../model/text-safety.js';
import type { Path } from './yaml-file.js';

export const MAX_YAML_DEPTH = 32;
/** The longest curated text (type `text`) is 20,000 characters; this bounds any scalar. */
export const MAX_YAML_TEXT = 50_000;

/** Keys that every JavaScript object already has; as data keys they would shadow or replace them. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'prototype', ...Object.getOwnPropertyNames(Object.prototype)]);

export interface NodeProblem {
  node: Node;
  path: Path;
  reason: string;
}

function scalarProblem(value: unknown): string | null {
  if (typeof value === 'number' && !Number.isFinite(value)) return `${value} is not a finite number`;
  if (typeof value === 'string') return unsafeTextReason(value, { maxLength: MAX_YAML_TEXT, allowLineBreaks: true });
  if (value !== null && typeof value !== 'number' && typeof value !== 'boolean') return 'only text, numbers, booleans, lists and maps are allowed';
  return null;
}

export function yamlSafetyProblems(root: Node | null): NodeProblem[] {
  const problems: NodeProblem[] = [];
  const stack: { node: Node; path: Path; depth: number }[] = root ? [{ node: root, path: [], depth: 0 }] : [];
  while (stack.length > 0) {
    const { node, path, depth } = stack.pop()!;
    if (isAlias(node)) {
      problems.push({ node, path, reason: `alias *${node.source} is not allowed in curated data: write the value out` });
      continue;
    }
    if ((isScalar(node) || isMap(node) || isSeq(node)) && node.tag) {
      problems.push({ node, path, reason: `the explicit YAML tag ${node.tag} is not allowed in curated data` });
      continue;
    }
    if (depth > MAX_YAML_DEPTH) {
      problems.push({ node, path, reason: `nested more than ${MAX_YAML_DEPTH} levels deep` });
      continue;
    }
    if (isScalar(node)) {
      const reason = scalarProblem(node.value);
      if (reason) problems.push({ node, path, reason });
    } else if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        if (!isScalar(key) || (typeof key.value !== 'string' && typeof key.value !== 'number')) {
          problems.push({ node: (key ?? node) as Node, path, reason: 'a key must be plain text' });
          continue;
        }
        const name = String(key.value);
        const keyReason = RESERVED_KEYS.has(name)
          ? `"${name}" is a reserved name and cannot be a property`
          : unsafeTextReason(name, { maxLength: 200 });
        if (keyReason) { problems.push({ node: key, path: [...path, name], reason: keyReason }); continue; }
        if (pair.value) stack.push({ node: pair.value as Node, path: [...path, name], depth: depth + 1 });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        if (item) stack.push({ node: item as Node, path: [...path, i], depth: depth + 1 });
      });
    }
  }
  return problems;
}
