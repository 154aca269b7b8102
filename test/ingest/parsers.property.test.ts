/**
 * Property-based tests (fast-check, fixed seeds) for every parser and the curated reader: on inputs
 * edited from the real fixtures (hazard characters, long runs, replaced cells, deleted text) each
 * either accepts rows that hold no garbage or refuses the file with FeedFormatError; it never throws
 * anything else and never takes longer than the per-input budget. `npm run fuzz` runs the same
 * checks 100,000 times per parser.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ_TARGETS, inputsFor, verdict } from '../support/parser-fuzz.js';
import { parseDecimal } from '../../src/ingest/celestrak-gp/field-values.js';
import { readGcatTable } from '../../src/ingest/gcat/gcat-table.js';

const RUNS = 1_000;
/** Generous, so a busy machine does not fail it; the linear-time test below measures 1 MB inputs. */
const BUDGET_MS = 2_000;

describe('parsers under generated input (fast-check, 1,000 cases each)', () => {
  FUZZ_TARGETS.forEach((target, i) => {
    it(`${target.name}: no crash, hang or accepted garbage`, () => {
      fc.assert(
        fc.property(inputsFor(target, 5_000), (input) => {
          const v = verdict(target, input, BUDGET_MS);
          if (v.kind !== 'ok' && v.kind !== 'refused') throw new Error(`${v.kind}: ${v.detail ?? ''}`);
        }),
        { seed: 20_251_000 + i, numRuns: RUNS },
      );
    });
  });
});

/** The CelesTrak style: no leading zero, exponent kept (`.64095091E-3`, `-.1424683E-2`). */
function celestrakStyle(x: number): string {
  const [mantissa, exp] = x.toExponential().split('e') as [string, string];
  const sign = mantissa.startsWith('-') ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '');
  return `${sign}.${digits}E${Number(exp) + 1}`;
}

describe('numbers keep their value and exponent', () => {
  it('a CelesTrak-style decimal parses to the same number as its plain form', () => {
    expect(parseDecimal('.64095091E-3')).toBe(0.00064095091);
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }).filter((x) => x !== 0), (x) => {
        expect(parseDecimal(celestrakStyle(x))).toBe(x);
        expect(parseDecimal(String(x))).toBe(x);
      }),
      { seed: 20_251_100, numRuns: RUNS },
    );
  });

  it('any text parses to null or to exactly what Number reads, finite', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.stringMatching(/^[-+.0-9eE ]{0,20}$/)), (t) => {
        const v = parseDecimal(t);
        if (v !== null) {
          expect(Number.isFinite(v)).toBe(true);
          expect(v).toBe(Number(t.trim()));
        }
      }),
      { seed: 20_251_101, numRuns: RUNS },
    );
  });

  it('a long run of digits, spaces or tabs is read in linear time', () => {
    const start = performance.now();
    for (const c of ['1', ' ', '\t']) {
      expect(parseDecimal(`${c.repeat(1_000_000)}x`)).toBeNull();
      readGcatTable(`#A\tB\n# Updated${'\t'.repeat(1_000_000)}x\n1\t2\n`, 'f', ['A']);
    }
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});
