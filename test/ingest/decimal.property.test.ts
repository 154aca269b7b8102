/**
 * parseDecimal reads most cells in one pass (a fast path); the reference it is compared with is the
 * grammar as a regular expression followed by Number(), which is how it was first written. Both must
 * give the same verdict and the very same double (Object.is, so -0 counts) for every text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_NUMBER_TEXT, integerField, parseDecimal, plainDecimalAt, plainIntegerAt, trimmed } from '../../src/ingest/celestrak-gp/field-values.js';
import { RowRejection } from '../../src/ingest/celestrak-gp/row-rejection.js';
import { readSnapshot } from '../../src/services/bundled-snapshots.js';

const REFERENCE_DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
function reference(text: string): number | null {
  const t = text.trim();
  if (t.length > MAX_NUMBER_TEXT || !REFERENCE_DECIMAL.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

const same = (text: string): void => void expect(Object.is(parseDecimal(text), reference(text)) ? 'same' : `${text}: ${parseDecimal(text)} vs ${reference(text)}`).toBe('same');

describe('parseDecimal agrees with the regular expression and Number()', () => {
  it('on text made of decimal pieces', () => {
    const piece = fc.constantFrom('0', '1', '5', '9', '00', '123456789', '.', 'e', 'E', '+', '-', ' ', 'x', '22', '23', '9999');
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (parts) => { same(parts.join('')); }), { seed: 20_261_207, numRuns: 20_000 });
  });

  it('on doubles written every way CelesTrak and others write them', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 20 }), (x, digits) => {
      for (const text of [String(x), x.toExponential(), x.toExponential(Math.min(digits, 16)), x.toPrecision(Math.max(1, digits)),
        Math.abs(x) < 1e21 ? x.toFixed(digits) : String(x), String(x).replace(/^(-?)0\./, '$1.').toUpperCase()]) same(text);
    }), { seed: 20_261_208, numRuns: 20_000 });
  });

  it('on every cell of the bundled GP snapshot', () => {
    for (const line of readSnapshot('celestrak_gp_active_2026-07-10.csv.gz').split('\n')) for (const cell of line.split(',')) same(cell);
  });
});

const REFERENCE_INTEGER = /^[+-]?\d+$/;
function referenceInteger(raw: string): number | string {
  const t = raw.trim();
  if (t === '') return 'empty value';
  if (t.length > MAX_NUMBER_TEXT || !REFERENCE_INTEGER.test(t)) return `"${raw}" is not an integer`;
  const v = Number(t);
  return Number.isSafeInteger(v) ? v : `"${raw}" is out of range`;
}
function integerOutcome(raw: string): number | string {
  try {
    return integerField(raw, 'F');
  } catch (err) {
    return err instanceof RowRejection ? err.reason : String(err);
  }
}

describe('integerField agrees with the regular expression and Number()', () => {
  it('on text made of integer pieces', () => {
    const piece = fc.constantFrom('0', '7', '12345', '9007199254740993', '+', '-', ' ', '.', 'x');
    fc.assert(fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
      const raw = parts.join('');
      expect(Object.is(integerOutcome(raw), referenceInteger(raw)) || integerOutcome(raw) === referenceInteger(raw)).toBe(true);
    }), { seed: 20_261_209, numRuns: 20_000 });
  });
});

describe('trimmed', () => {
  it('gives what String#trim gives, Unicode white space included', () => {
    const piece = fc.constantFrom('a', '7', '~', ' ', '\t', '\n', '\r', '\u00a0', '\u2028', '\u3000', '\ufeff', '\u007f', '\u0085', 'é', '\ud83d\ude80');
    fc.assert(fc.property(fc.array(piece, { maxLength: 6 }), (parts) => {
      const text = parts.join('');
      expect(trimmed(text)).toBe(text.trim());
    }), { seed: 20_261_206, numRuns: 20_000 });
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => { expect(trimmed(text)).toBe(text.trim()); }), { seed: 20_261_205, numRuns: 5_000 });
  });
});

describe('numbers read in place (plainDecimalAt, plainIntegerAt)', () => {
  /** A cell between two other cells, so the reading must stop at the given positions. */
  const cellIn = (parts: string[]): { text: string; from: number; to: number } => {
    const cell = parts.join('');
    return { text: `9${cell}7`, from: 1, to: 1 + cell.length };
  };
  const piece = fc.constantFrom('0', '1', '5', '9', '00', '123456789', '.', 'e', 'E', '+', '-', ' ', 'x', '22', '23', '9999', '"', '\u00a0');

  const readers = [
    { name: 'parseDecimal', read: plainDecimalAt, reference: parseDecimal, maxPieces: 12, seed: 20_261_210, atLeast: 2_000 },
    { name: 'integerField', read: plainIntegerAt, reference: integerOutcome, maxPieces: 8, seed: 20_261_211, atLeast: 1_000 },
  ] as const;
  for (const r of readers) {
    it(`give ${r.name}'s value for the cell, or leave it to ${r.name}`, () => {
      let read = 0;
      fc.assert(fc.property(fc.array(piece, { maxLength: r.maxPieces }), (parts) => {
        const { text, from, to } = cellIn(parts);
        const v = r.read(text, from, to);
        if (v === undefined) return;
        read += 1;
        expect(Object.is(v, r.reference(text.slice(from, to)))).toBe(true);
      }), { seed: r.seed, numRuns: 20_000 });
      expect(read).toBeGreaterThan(r.atLeast);
    });
  }

  it('read every number cell of the bundled GP snapshot in place', () => {
    const [, ...lines] = readSnapshot('celestrak_gp_active_2026-07-10.csv.gz').split('\n').filter(Boolean);
    for (const line of lines) {
      let from = 0;
      for (const cell of line.split(',')) {
        const v = plainDecimalAt(line, from, from + cell.length);
        const value = parseDecimal(cell);
        // Every number is read in place, none left to the slower reading; other cells are not numbers.
        if (value !== null) expect(Object.is(v, value) ? 'same' : `${cell}: ${v}`).toBe('same');
        else expect(v).toBeUndefined();
        from += cell.length + 1;
      }
    }
  });
});
