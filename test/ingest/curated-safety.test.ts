/**
 * The curated reader reports hostile or damaged YAML as errors with file, line and field, and never
 * throws: reserved property names, aliases (bombs and unresolved ones), deep nesting, NUL and control
 * characters, U+FFFD, non-finite numbers and out-of-range coordinates.
 */
import { describe, expect, it } from 'vitest';
import { curatedErrorsWith } from '../support/curated-errors.js';
import { parseYaml } from '../../src/ingest/curated/yaml-file.js';

const errorsWith = curatedErrorsWith;

const entity = (...lines: string[]): string => [
  'defaults:',
  '  kind: Organization',
  '  cite: { source: redshift-2025, locator: "§3.2.3" }',
  'entities:',
  '  - id: org.galactic-energy',
  '    name: Galactic Energy',
  '    orgKind: private-company',
  ...lines,
].join('\n');

describe('curated reader safety', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])('reports a property named %s', (name) => {
    expect(errorsWith(entity(`    ${name}: 3`))).toEqual([
      { file: 'zz-extra.yaml', line: 8, field: `entities[0].${name}`, reason: `"${name}" is a reserved name and cannot be a property` },
    ]);
  });

  it('reports a reserved top-level key and a reserved cite key', () => {
    expect(errorsWith('constructor: 1\n')).toEqual([
      { file: 'zz-extra.yaml', line: 1, field: 'constructor', reason: '"constructor" is a reserved name and cannot be a property' },
    ]);
    expect(errorsWith(entity('    cite: { toString: x }'))[0]).toMatchObject({ line: 8, field: 'entities[0].cite.toString' });
  });

  it('reports a kind named like an object property without throwing', () => {
    expect(errorsWith(entity().replace('kind: Organization', 'kind: toString'))).toContainEqual(
      { file: 'zz-extra.yaml', line: 2, field: 'defaults.kind', reason: expect.stringContaining('unknown kind "toString"') },
    );
  });

  it('reports an alias bomb at its aliases, without expanding it', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]'].join('\n');
    const errors = errorsWith(bomb).filter((e) => e.reason.startsWith('alias'));
    expect(errors).toHaveLength(27);
    expect(errors[0]).toEqual({ file: 'zz-extra.yaml', line: 2, field: 'b[0]', reason: 'alias *a is not allowed in curated data: write the value out' });
  });

  it('reports an unresolved alias with its line and field', () => {
    expect(errorsWith(entity('    headquarters: *nowhere'))).toEqual([
      { file: 'zz-extra.yaml', line: 8, field: 'entities[0].headquarters', reason: 'alias *nowhere is not allowed in curated data: write the value out' },
    ]);
  });

  it('reports deep nesting (block and flow) instead of overflowing the stack', () => {
    const block = Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' x';
    const blockErrors = errorsWith(block);
    expect(blockErrors).toHaveLength(1);
    expect(blockErrors[0]).toMatchObject({ file: 'zz-extra.yaml', line: 34, reason: 'nested more than 32 levels deep' });
    expect(blockErrors[0]!.field).toMatch(/^k0\.k1\.k2\..*\.k32$/);
    const flow = errorsWith(`a: ${'['.repeat(50_000)}${']'.repeat(50_000)}`);
    expect(flow).toHaveLength(1);
    expect(flow[0]).toMatchObject({ file: 'zz-extra.yaml', line: 1 });
  });

  it('reads no text nested past the bound, whatever the caller\'s stack, and counts no bracket in text', () => {
    const deep = {
      flow: [`a: ${'['.repeat(20_000)}${']'.repeat(20_000)}`, 1],
      'flow maps': [`a: ${'{a: '.repeat(20_000)}1${'}'.repeat(20_000)}`, 1],
      'compact sequences': [`a:\n  ${'- '.repeat(20_000)}x`, 2],
      'explicit keys': [`b: 1\n${'? '.repeat(20_000)}x`, 2],
    } as const;
    const reason = 'nested too deeply to read: 257 levels (indentation, "-" and "?" indicators and open brackets) by this line; at most 256';
    /** The same call made `frames` calls deep: the parser recursed once per level, and an overflow's outcome depended on the stack left. */
    const deepCall = (frames: number, text: string): ReturnType<typeof parseYaml> => (frames === 0 ? parseYaml(text, 'deep.yaml') : deepCall(frames - 1, text));
    for (const [text, line] of Object.values(deep)) {
      for (const frames of [0, 2_000, 6_000]) {
        const read = deepCall(frames, text);
        expect(read.errors).toEqual([{ file: 'deep.yaml', line, field: '', reason }]);
        expect(read.data).toBeNull();
      }
    }
    // 250 levels are read (and then reported by the 32-level check with their path), even 6,000 calls deep.
    const near = deepCall(6_000, `a: ${'['.repeat(250)}${']'.repeat(250)}`);
    expect(near.errors).toHaveLength(1);
    expect(near.errors[0]!.reason).toBe('nested more than 32 levels deep');
    // Brackets in quoted text, comments and block scalars are text, not nesting.
    const many = '['.repeat(300);
    const text = parseYaml(`a: "${many}"\nb: '${many}'\n# ${many}\nc: |\n  ${many}\n`, 'text.yaml');
    expect(text.errors).toEqual([]);
    expect(text.data).toEqual({ a: many, b: many, c: `${many}\n` });
  });

  it.each([
    ['a NUL', '"Galactic\\0Energy"', 'contains a NUL character at position 9'],
    ['a control character', '"Galactic\\x1bEnergy"', 'contains the control character U+001B at position 9'],
    ['U+FFFD', '"Galactic \\uFFFD"', 'contains U+FFFD (a character lost in decoding) at position 10'],
    ['an unpaired surrogate', '"Galactic \\uD800"', 'contains an unpaired surrogate U+D800 at position 10'],
  ])('reports %s in a value with file, line and field', (_, value, reason) => {
    expect(errorsWith(entity(`    headquarters: ${value}`))).toEqual([
      { file: 'zz-extra.yaml', line: 8, field: 'entities[0].headquarters', reason },
    ]);
  });

  it('reports a NUL in a source field and in a note, not only in typed values', () => {
    expect(errorsWith(entity('    note: { value: "x", note: "a\\0b" }'))).toEqual([
      { file: 'zz-extra.yaml', line: 8, field: 'entities[0].note.note', reason: 'contains a NUL character at position 2' },
    ]);
    expect(errorsWith('sources:\n  - id: s1\n    kind: web\n    title: "T\\0"\n')).toEqual([
      { file: 'zz-extra.yaml', line: 4, field: 'sources[0].title', reason: 'contains a NUL character at position 2' },
    ]);
  });

  it('reports explicit YAML tags (!!binary, found by npm run fuzz, and custom tags) with line and field', () => {
    const binary = errorsWith(entity('    note: !!binary  13,000-satellite LEO broadband constellation'));
    expect(binary.map((e) => [e.line, e.field])).toEqual([[8, 'entities[0].note']]);
    expect(binary[0]!.reason).toMatch(/explicit YAML tag .*binary is not allowed/);
    const custom = errorsWith(entity('    note: !custom text'));
    expect(custom.map((e) => [e.line, e.field])).toEqual([[8, 'entities[0].note']]);
  });

  it('reports non-finite numbers and out-of-range coordinates', () => {
    expect(errorsWith(entity('    employees: .nan'))).toEqual([
      { file: 'zz-extra.yaml', line: 8, field: 'entities[0].employees', reason: 'NaN is not a finite number' },
    ]);
    expect(errorsWith(entity('    location: { lat: 91, lon: 10 }'))).toEqual([
      { file: 'zz-extra.yaml', line: 8, field: 'entities[0].location', reason: 'lat must be a number from -90 to 90' },
    ]);
    expect(errorsWith(entity('    location: { lat: 10, lon: -213.25 }'))).toEqual([
      { file: 'zz-extra.yaml', line: 8, field: 'entities[0].location', reason: 'lon must be a number from -180 to 180' },
    ]);
  });

  it('reads numbers written as text with the strict grammar only', () => {
    expect(errorsWith(entity('    employees: "0x10"'))).toEqual([
      { file: 'zz-extra.yaml', line: 8, field: 'entities[0].employees', reason: 'expected a number, got string "0x10"' },
    ]);
    expect(errorsWith(entity('    employees: "1,200"'))).toEqual([]);
  });
});
