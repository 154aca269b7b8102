/**
 * One CSV writer (src/services/csv.ts) for the API, the data package and the dashboard's
 * downloads: RFC 4180 quoting and spreadsheet formulas neutralised, checked against
 * hand-written expected text; the dashboard's "data as drawn" download is byte-identical
 * to the writer's output, and so is the API's CSV (after its "#" lines when asked for them).
 */
import { describe, expect, it } from 'vitest';
import { csvBody, csvCell, toCsv, type Cell } from '../../src/services/csv.js';

/** The dashboard's chart frame, imported by path (the web app is type-checked by web/tsconfig.json, not with the tests). */
const CHART_FRAME = '../../web/src/charts/chart-frame.ts';
const { tableToCsv } = (await import(CHART_FRAME)) as { tableToCsv: (t: { columns: string[]; rows: Cell[][] }) => string };

const HOSTILE = ['=HYPERLINK("http://x","y")', '+1', '-1+2', '@SUM(A1)', '\tTAB', '\rCR', 'a,b', 'say "hi"', 'two\nlines', 'plain', ' =not first'];

describe('the one CSV writer', () => {
  it('neutralises cells a spreadsheet would run as formulas and quotes per RFC 4180', () => {
    expect(HOSTILE.map((v) => csvCell(v))).toEqual([
      `"'=HYPERLINK(""http://x"",""y"")"`, `'+1`, `'-1+2`, `'@SUM(A1)`, `'\tTAB`, `"'\rCR"`, `"a,b"`, `"say ""hi"""`, `"two\nlines"`, 'plain', ' =not first',
    ]);
    expect([-5, 0, 1.5, true, null, undefined].map((v) => csvCell(v))).toEqual(['-5', '0', '1.5', 'true', '', '']);
  });

  it('writes header and rows with CRLF, and only on request first "#" lines naming title, sources, licence and as-of date', () => {
    const table = { columns: ['name', '=x'], rows: [['-2', 3], [null, 'a,b']], meta: { title: 'T\nnext', sources: ['s1', 's2'], licence: 'MIT', asOf: '2026-05-04', notes: ['n'] } };
    expect(toCsv(table, true)).toBe("# T next\r\n# sources: s1; s2\r\n# licence: MIT\r\n# as of: 2026-05-04\r\n# note: n\r\nname,'=x\r\n'-2,3\r\n,\"a,b\"\r\n");
    expect(toCsv(table)).toBe("name,'=x\r\n'-2,3\r\n,\"a,b\"\r\n");
    expect(toCsv(table)).toBe(csvBody(table.columns, table.rows));
  });

  it('is what the dashboard downloads: the drawn table gives the same bytes as the writer and the API CSV', () => {
    const drawn = { columns: ['country', 'year', 'launches'], rows: HOSTILE.map((v, i) => [v, 2000 + i, i % 3 === 0 ? null : -i]) };
    const fromWeb = tableToCsv(drawn);
    expect(fromWeb).toBe(csvBody(drawn.columns, drawn.rows));
    const api = toCsv({ ...drawn, meta: { title: 'Figure', sources: ['gcat'], licence: 'CC-BY', asOf: null } });
    expect(api).toBe(fromWeb);
    const commented = toCsv({ ...drawn, meta: { title: 'Figure', sources: ['gcat'], licence: 'CC-BY', asOf: null } }, true);
    expect(commented.split('\r\n').filter((l) => !l.startsWith('#')).join('\r\n')).toBe(fromWeb);
    expect(fromWeb).toContain(`"'=HYPERLINK(""http://x"",""y"")",2000,\r\n`);
  });
});
