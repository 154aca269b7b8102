/**
 * A row that repeats an earlier row's key is rejected at its own line, naming the earlier one, so that
 * accepted counts distinct rows and nothing derived from them counts a row twice. Inputs are the
 * bundled snapshots with some of their own rows written again.
 */
import type { RowError } from '../../src/ingest/feed-errors.js';
import { describe, expect, it } from 'vitest';
import { parseGp, parseGpCsv, tleChecksum } from '../../src/ingest/celestrak-gp/parse.js';
import { rejectRepeatedKeys } from '../../src/ingest/celestrak-gp/row-rejection.js';
import { mapGp } from '../../src/ingest/celestrak-gp/map.js';
import { parseLaunchLog } from '../../src/ingest/gcat/parse-launchlog.js';
import { mapLaunchLog } from '../../src/ingest/gcat/map.js';
import { FEEDS } from '../../src/services/feeds.js';
import { readSnapshot } from '../../src/services/bundled-snapshots.js';

/** Rejections without the line each repeats (checked against its reason where it matters). */
const withoutRepeats = (rs: readonly RowError[]) => rs.map(({ repeats: _repeats, ...r }) => r);

const LAUNCHLOG = 'gcat_launchlog_2024-12-08.tsv';
const GP_CSV = 'celestrak_gp_active_2026-07-10.csv';
const GP_TLE = 'celestrak_active_tle_2026-05-04.txt';

/** The file's lines without its final newline (every bundled file ends with one). */
const linesOf = (text: string): string[] => text.replace(/\n$/, '').split('\n');
const textOf = (lines: readonly string[]): string => `${lines.join('\n')}\n`;

/** The CSV cell `column` of `line` set to `value` (the bundled GP CSV has no quoted cells). */
function withCell(header: string, line: string, column: string, value: string): string {
  const cells = line.split(',');
  cells[header.split(',').indexOf(column)] = value;
  return cells.join(',');
}

/** A TLE line 2 with another mean anomaly (columns 44-51), its checksum recomputed. */
function withMeanAnomaly(line2: string, value: string): string {
  const body = `${line2.slice(0, 43)}${value.padStart(8, ' ')}${line2.slice(51, 68)}`;
  return `${body}${tleChecksum(body)}`;
}

describe('GCAT launch log: a row for an object already listed', () => {
  const good = linesOf(readSnapshot(`${LAUNCHLOG}.gz`));
  const parsedGood = parseLaunchLog(textOf(good), LAUNCHLOG);

  it('rejects the file\'s last 100 rows written again, each naming the line it repeats; rows and mapping are the good file\'s', () => {
    const lines = [...good, ...good.slice(-100)];
    const parsed = parseLaunchLog(textOf(lines), 'launchlog-doubled.tsv');
    expect(parsed.total).toBe(parsedGood.total + 100);
    expect(parsed.rows).toEqual(parsedGood.rows);
    expect(parsed.lines).toEqual(parsedGood.lines);
    expect(withoutRepeats(parsed.rejected)).toEqual(Array.from({ length: 100 }, (_, k) => ({
      file: 'launchlog-doubled.tsv', line: good.length + 1 + k, field: 'JCAT', reason: `identical to line ${good.length - 99 + k}`,
    })));
    for (const r of parsed.rejected) expect(lines[r.line - 1]).toBe(lines[Number(/\d+$/.exec(r.reason)![0]) - 1]);
    // Each names the accepted row it repeats, so the ingest keeps nothing for it (the first row is written).
    for (const r of parsed.rejected) expect(r.repeats).toBe(Number(/\d+$/.exec(r.reason)![0]));
    expect(mapLaunchLog(parsed.rows, 'gcat-launchlog-2024-12-08')).toEqual(mapLaunchLog(parsedGood.rows, 'gcat-launchlog-2024-12-08'));
    // Repeats keep no stored row and withhold no removal ('all' would): the accepted rows they repeat are written.
    expect(mapLaunchLog(parsed.rows, 'gcat-launchlog-2024-12-08', parsed.rejected).kept).toEqual({ launches: [], launch_objects: [] });
  });

  it('rejects a second row with the same JCAT and other values as a duplicate of the first', () => {
    const last = good.at(-1)!;
    const renamed = last.split('\t').map((c, i) => (i === 4 ? 'Renamed object' : c)).join('\t');
    const parsed = parseLaunchLog(textOf([...good, renamed]), 'launchlog-renamed.tsv');
    expect(withoutRepeats(parsed.rejected)).toEqual([{
      file: 'launchlog-renamed.tsv', line: good.length + 1, field: 'JCAT', reason: `duplicate of line ${good.length}: same JCAT, different values`,
    }]);
    expect(parsed.rows).toEqual(parsedGood.rows);
  });

  it('keeps the real rows that share a Launch_Tag and Piece: each has a JCAT of its own', () => {
    // 1959-F01: Vanguard's magnetometer satellite and its 30-inch sphere, both Piece "1959-F01".
    const f01 = parsedGood.rows.filter((r) => r.launchTag === '1959-F01');
    expect(f01.map((r) => [r.piece, r.jcat])).toEqual([['1959-F01', 'F00056'], ['1959-F01', 'F00058']]);
    expect(parsedGood.rejected).toEqual([]);
    const launch = mapLaunchLog(parsedGood.rows, 's').tables.launches!.find((l) => l.id === '1959-F01');
    expect(launch?.object_count).toBe(2);
  });

  it('gives every launch an object_count equal to its stored objects', () => {
    const parsed = parseLaunchLog(textOf([...good, ...good.slice(-100)]), 'launchlog-doubled.tsv');
    const { launches, launch_objects: objects } = mapLaunchLog(parsed.rows, 's').tables;
    const perTag = new Map<unknown, number>();
    for (const o of objects!) perTag.set(o.launch_tag, (perTag.get(o.launch_tag) ?? 0) + 1);
    for (const l of launches!) expect([l.id, l.object_count]).toEqual([l.id, perTag.get(l.id)]);
    expect(launches!.find((l) => l.id === '2024-229')?.object_count).toBe(24);
  });
});

describe('CelesTrak GP: a second element set for the same NORAD_CAT_ID and EPOCH', () => {
  it('CSV: rejects a repeated row with other elements, naming both lines, and an identical one', () => {
    const good = linesOf(readSnapshot(`${GP_CSV}.gz`));
    const [header] = good;
    const moved = withCell(header!, good[1]!, 'MEAN_ANOMALY', '1.0000');
    const parsed = parseGp(textOf([...good, moved, good[2]!]), 'gp-repeated.csv');
    const n = good.length;
    expect(withoutRepeats(parsed.rejected)).toEqual([
      { file: 'gp-repeated.csv', line: n + 1, field: 'NORAD_CAT_ID', reason: 'duplicate of line 2: same NORAD_CAT_ID and EPOCH, different elements' },
      { file: 'gp-repeated.csv', line: n + 2, field: 'NORAD_CAT_ID', reason: 'identical to line 3' },
    ]);
    expect(parsed.total).toBe(n - 1 + 2);
    expect(parsed.rows).toHaveLength(n - 1);
    expect(parsed.rows[0]!.meanAnomaly).toBe(303.3745);
    const mapped = mapGp(parsed.rows, 'celestrak-gp-active-2026-07-10', '2026-07-10').tables;
    expect(mapped.element_sets).toHaveLength(n - 1);
    expect(mapped.gp_snapshots![0]!.object_count).toBe(n - 1);
  });

  it('CSV: keeps an object listed again at another epoch in the history, and lists its newer element set in the snapshot', () => {
    const good = linesOf(readSnapshot(`${GP_CSV}.gz`));
    const [header] = good;
    const epochOf = (line: string) => line.split(',')[header!.split(',').indexOf('EPOCH')]!;
    const shift = (line: string, days: number) => withCell(header!, line, 'EPOCH', new Date(Date.parse(`${epochOf(line)}Z`) + days * 86_400_000).toISOString().replace('Z', ''));
    const later = shift(good[1]!, 1);
    const earlier = shift(good[2]!, -1);
    const parsed = parseGp(textOf([...good, later, earlier]), 'gp-two-epochs.csv');
    expect(parsed.rejected).toEqual([]);
    const n = good.length - 1;
    const mapped = mapGp(parsed.rows, 'celestrak-gp-active-2026-07-10', '2026-07-10').tables;
    expect(mapped.element_sets).toHaveLength(n + 2);
    expect(mapped.gp_snapshots![0]!.object_count).toBe(n);
    const members = mapped.gp_snapshot_objects!;
    expect(members).toHaveLength(n);
    // Each object's listed element set is its newest epoch in the file, at the place of its first row.
    const noradOf = (line: string) => Number(line.split(',')[header!.split(',').indexOf('NORAD_CAT_ID')]);
    const listed = (line: string) => String(members.find((m) => m.norad_id === noradOf(line))!.element_set_id);
    expect(listed(good[1]!)).toMatch(new RegExp(`^${noradOf(good[1]!)}@${new Date(Date.parse(`${epochOf(later)}Z`)).toISOString().slice(0, 19)}`));
    expect(listed(good[2]!)).toMatch(new RegExp(`^${noradOf(good[2]!)}@${epochOf(good[2]!).slice(0, 19)}`));
    expect(members.slice(0, 2).map((m) => m.norad_id)).toEqual([noradOf(good[1]!), noradOf(good[2]!)]);
  });

  it('CSV: the NORAD-number shortcut (only objects listed twice get a key built) rejects exactly what the keys alone reject', () => {
    const [header, ...rows] = linesOf(readSnapshot(`${GP_CSV}.gz`));
    const epochAt = header!.split(',').indexOf('EPOCH');
    const motionAt = header!.split(',').indexOf('MEAN_MOTION');
    // Every 97th row again as written, every 89th at another epoch, every 83rd with another mean motion, spread through the file.
    const edited = [...rows];
    rows.forEach((row, i) => {
      if (i % 97 === 0) edited.splice((i * 7919) % edited.length, 0, row);
      if (i % 89 === 0) edited.push(withCell(header!, row, 'EPOCH', row.split(',')[epochAt]!.replace(/\.\d+$/, '.000001')));
      if (i % 83 === 0) edited.push(withCell(header!, row, 'MEAN_MOTION', String(Number(row.split(',')[motionAt]) + 0.001)));
    });
    const parsed = parseGpCsv(textOf([header!, ...edited]), 'gp-edited.csv');
    const byKeys = rejectRepeatedKeys(parsed, 'gp-edited.csv', (r) => ({ key: `${r.noradId}@${r.epoch}`, field: 'NORAD_CAT_ID', conflict: 'same NORAD_CAT_ID and EPOCH, different elements' }));
    const viaParse = parseGp(textOf([header!, ...edited]), 'gp-edited.csv');
    expect(viaParse.rejected.length).toBeGreaterThan(300);
    expect(viaParse).toEqual(byKeys);
  });

  it('TLE: rejects a repeated set with another line 2 at its name line, naming the first set\'s', () => {
    const good = linesOf(readSnapshot(`${GP_TLE}.gz`));
    const again = [good[0]!, good[1]!, withMeanAnomaly(good[2]!, '1.0000')];
    const parsed = parseGp(textOf([...good, ...again]), 'tle-repeated.txt');
    expect(withoutRepeats(parsed.rejected)).toEqual([
      { file: 'tle-repeated.txt', line: good.length + 1, field: 'NORAD_CAT_ID', reason: 'duplicate of line 1: same NORAD_CAT_ID and EPOCH, different elements' },
    ]);
    expect(parsed.rows).toHaveLength(good.length / 3);
    expect(parsed.total).toBe(good.length / 3 + 1);
  });

  it('OMM JSON (the CSV\'s first rows as objects): rejects a repeated object with other elements', () => {
    const [header, ...rows] = linesOf(readSnapshot(`${GP_CSV}.gz`)).slice(0, 21);
    const columns = header!.split(',');
    const object = (line: string) => JSON.stringify(Object.fromEntries(line.split(',').map((v, i) => [columns[i], v])));
    const items = [...rows, withCell(header!, rows[4]!, 'INCLINATION', '10.0')].map(object);
    const parsed = parseGp(`[\n${items.join(',\n')}\n]\n`, 'gp-repeated.json');
    // One object per line after the "[" line: object k (0-based) is on line k + 2.
    expect(withoutRepeats(parsed.rejected)).toEqual([
      { file: 'gp-repeated.json', line: 22, field: 'NORAD_CAT_ID', reason: 'duplicate of line 6: same NORAD_CAT_ID and EPOCH, different elements' },
    ]);
    expect(parsed.rows).toHaveLength(20);
  });
});

/**
 * The GCAT reference tables, as each feed keys its stored records (orgs and platforms by Code, sites by
 * Site, pads by Site and Code, the failed-to-orbit catalog by JCAT). The bundled files repeat no key.
 */
describe.each([
  ['gcat-orgs', ['Code']],
  ['gcat-platforms', ['Code']],
  ['gcat-sites', ['Site']],
  ['gcat-lp', ['Site', 'Code']],
  ['gcat-ftocat', ['JCAT']],
] as const)('%s: a row for a key already listed', (name, keyColumns) => {
  const feed = FEEDS.find((f) => f.name === name)!;
  const snapshot = feed.bundled[0]!;
  const good = linesOf(readSnapshot(snapshot.file));
  const header = good[0]!.replace(/^#/, '').split('\t');
  /** The data lines (1-based numbers) and their key as the raw text gives it. */
  const data = good.map((line, i) => ({ line, n: i + 1 })).filter(({ line }) => !line.startsWith('#') && line.trim() !== '' && !line.startsWith('JCAT\t'));
  const keyOf = (line: string) => keyColumns.map((c) => line.split('\t')[header.indexOf(c)]!.trim()).join('/');
  const read = (lines: readonly string[], file: string) => feed.read({ text: textOf(lines), file, sourceId: snapshot.sourceId, asOf: snapshot.asOf });
  const baseline = read(good, 'good.tsv');

  it('the bundled file repeats no key (raw text), and none of its rows is rejected as a repeat', () => {
    expect(new Set(data.map((d) => keyOf(d.line))).size).toBe(data.length);
    expect(baseline.parsed.rejected.filter((r) => r.repeats !== undefined)).toEqual([]);
  });

  it('rejects a row written again and a row with the same key and another value, each naming the first; the stored records are the good file\'s', () => {
    const first = data[1]!;
    const second = data[data.length - 1]!;
    const renamed = second.line.split('\t').map((c, i) => (header[i] === 'Name' ? 'Renamed' : c)).join('\t');
    expect(renamed).not.toBe(second.line);
    const parsed = read([...good, first.line, renamed], 'repeated.tsv');
    const conflict = `same ${keyColumns.join(' and ')}, different values`;
    // Rows the bundled file has rejected for their values (orgs: UBC's longitude -213.25) stay rejected.
    const before = baseline.parsed.rejected.map((r) => ({ ...r, file: 'repeated.tsv' }));
    expect(parsed.parsed.rejected).toEqual([...before,
      { file: 'repeated.tsv', line: good.length + 1, field: keyColumns.at(-1), reason: `identical to line ${first.n}`, repeats: first.n },
      { file: 'repeated.tsv', line: good.length + 2, field: keyColumns.at(-1), reason: `duplicate of line ${second.n}: ${conflict}`, repeats: second.n },
    ]);
    expect(parsed.parsed.total).toBe(baseline.parsed.total + 2);
    expect(parsed.mapped).toEqual(baseline.mapped);
  });
});
