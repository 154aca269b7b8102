import { describe, expect, it } from 'vitest';
import { parseCospar, parseCountry, parseMoney, parseNorad, parsePartialDate, parseCoordinates, datePrecision, partialDatesAgree } from '../../src/model/value-types.js';
import { statementId } from '../../src/model/statement.js';
import { VALUE_TYPES } from '../../src/model/value-types.js';
import { KINDS } from '../../src/model/kinds.js';

describe('value types', () => {
  it('an integer is a count: negative or unsafe values are refused, 0 and large counts kept', () => {
    const integer = (r: unknown) => VALUE_TYPES.integer.parse(r, {});
    expect(integer(-5)).toMatchObject({ ok: false, reason: 'a count cannot be negative, got -5' });
    expect(integer(1e300)).toMatchObject({ ok: false, reason: '1e+300 is too large to be a count' });
    expect(integer(0)).toMatchObject({ ok: true, value: '0' });
    expect(integer('12,000')).toMatchObject({ ok: true, value: '12000' });
    // Every integer property of the model counts something (its label says what).
    const labels = Object.values(KINDS).flatMap((k) => Object.values(k.properties)).filter((p) => p.type === 'integer').map((p) => p.label);
    expect(labels.length).toBeGreaterThan(10);
  });

  it('partial dates agree when one is a less precise form of the other, and conflict when they differ at a shared precision', () => {
    expect(partialDatesAgree('1970', '1970-04-24')).toBe(true);
    expect(partialDatesAgree('2010-03-05', '2010-03')).toBe(true);
    expect(partialDatesAgree('~2030', '2030')).toBe(true);
    expect(partialDatesAgree('2008', '2008')).toBe(true);
    expect(partialDatesAgree('1970', '1971-04-24')).toBe(false);
    expect(partialDatesAgree('2010-03', '2010-04-01')).toBe(false);
    expect(partialDatesAgree('2010-03-05', '2010-03-06')).toBe(false);
    expect(partialDatesAgree('2010', '2010')).toBe(true);
    // Only a whole date part counts as the less precise form.
    expect(partialDatesAgree('2010', '20100')).toBe(false);
  });

  it('parses partial dates with precision and circa', () => {
    expect(parsePartialDate(2015)).toEqual({ ok: true, value: '2015' });
    expect(parsePartialDate('circa 2016-03')).toEqual({ ok: true, value: '~2016-03' });
    expect(parsePartialDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parsePartialDate('2023-02-29')).toEqual({ ok: false, reason: 'day 29 out of range for 2023-02' });
    expect(parsePartialDate('Sept 2025').ok).toBe(false);
    expect(datePrecision('~2016-03')).toBe('month');
  });
  it('accepts ISO country codes only', () => {
    expect(parseCountry('cn')).toEqual({ ok: true, value: 'CN' });
    expect(parseCountry('XX').ok).toBe(false);
    expect(parseCountry('CHN').ok).toBe(false);
  });
  it('reads NORAD numbers including Alpha-5', () => {
    expect(parseNorad(48274)).toEqual({ ok: true, value: '48274' });
    expect(parseNorad('A0001')).toEqual({ ok: true, value: '100001' });
    expect(parseNorad('Z9999')).toEqual({ ok: true, value: '339999' });
    expect(parseNorad('I0001').ok).toBe(false);
    expect(parseNorad(0).ok).toBe(false);
  });
  it('reads COSPAR ids', () => {
    expect(parseCospar('2021-035a')).toEqual({ ok: true, value: '2021-035A' });
    expect(parseCospar('21-035A').ok).toBe(false);
  });
  it('canonicalises money and coordinates so equal values hash equally', () => {
    expect(parseMoney({ currency: 'USD', amount: 123000000 })).toEqual({ ok: true, value: '{"amount":123000000,"currency":"USD"}' });
    expect(parseMoney({ amount: 1, currency: 'usd' }).ok).toBe(false);
    expect(parseMoney({ amount: 1, currency: 'USD', unit: 'millions' })).toEqual({ ok: false, reason: 'unknown money field(s): unit' });
    expect(parseCoordinates({ lon: 100.3, lat: 40.9 })).toEqual({ ok: true, value: '{"lat":40.9,"lon":100.3}' });
    expect(parseCoordinates({ lat: 91, lon: 0 }).ok).toBe(false);
  });
  it('statement ids hash entity, property, value and source only', () => {
    const a = statementId('org.landspace', 'founded', '2015', 'gcat-orgs-2026-03-26');
    expect(a).toMatch(/^[0-9a-f]{24}$/);
    expect(statementId('org.landspace', 'founded', '2015', 'gcat-orgs-2026-03-26')).toBe(a);
    expect(statementId('org.landspace', 'founded', '2015', 'redshift-2025')).not.toBe(a);
  });
});
