import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FeedFormatError } from '../../src/ingest/feed-errors.js';
import { parseFtocat } from '../../src/ingest/gcat/parse-ftocat.js';
import { launchesFromLog, launchOutcome, parseLaunchLog } from '../../src/ingest/gcat/parse-launchlog.js';
import { parseOrgs } from '../../src/ingest/gcat/parse-orgs.js';
import { parsePlatforms } from '../../src/ingest/gcat/parse-platforms.js';
import { parseLaunchPoints, parseSites } from '../../src/ingest/gcat/parse-sites.js';

const fixture = (p: string): string => readFileSync(new URL(`../fixtures/gcat/${p}`, import.meta.url), 'utf8');

describe('GCAT launch log', () => {
  const text = fixture('launchlog-sample.tsv');
  const res = parseLaunchLog(text, 'launchlog-sample.tsv');

  it('parses all rows, trimming padding and reading - as null', () => {
    expect(res.total).toBe(21);
    expect(res.rejected).toEqual([]);
    expect(res.updated).toBeNull(); // this copy lost its "# Updated" line (NOTES.md §1)
    expect(res.rows[0]).toEqual({
      launchTag: '1957 ALP',
      launchDate: { iso: '1957-10-04T19:28:34Z', precision: 'second', uncertain: false },
      piece: '1957 ALP 2',
      satType: 'P',
      name: '1-y ISZ',
      plName: 'PS-1',
      jcat: 'S00002',
      satOwner: 'OKB1',
      satState: 'SU',
      lvType: 'Sputnik 8K71PS',
      flightId: 'M1-PS',
      platform: null,
      launchSite: 'NIIP-5',
      launchPad: 'LC1',
      ascentSite: null,
      ascentPad: null,
      agency: 'MVS',
      lvState: 'SU',
      launchCode: 'OS',
      ltCite: 'Energiya',
    });
  });

  it('flags ? dates as uncertain', () => {
    const r = res.rows.find((x) => x.launchTag === '2024-F02')!;
    expect(r.launchDate).toEqual({ iso: '2024-05-27T13:44Z', precision: 'minute', uncertain: true });
    expect(res.rows.filter((x) => x.launchDate.uncertain).map((x) => x.launchTag)).toEqual(['1962 A OMI', '2024-F02']);
  });

  it('dedups launches on Launch_Tag (first row gives the launch) and maps outcomes', () => {
    const launches = launchesFromLog(res.rows);
    expect(launches.map((l) => l.launchTag)).toEqual([
      '1957 ALP',
      '1957 BET',
      '1957-F01',
      '1962 A OMI',
      '2024-F01',
      '2024-048',
      '2024-F02',
      '2024-U02',
      '2024-F03',
      '2024-129',
      '2024-232',
      '2024-237',
    ]);
    const byTag = new Map(launches.map((l) => [l.launchTag, l]));
    expect(byTag.get('2024-F03')).toMatchObject({
      lvState: 'CN',
      lvType: 'Shuang Quxian 1',
      launchClass: 'orbital',
      outcome: 'failure',
      successFraction: null,
      objectCount: 3,
    });
    expect(byTag.get('2024-232')).toMatchObject({ lvType: 'Chang Zheng 6A', outcome: 'success', objectCount: 4 });
    expect(byTag.get('2024-129')).toMatchObject({ launchCode: 'OF40', outcome: 'failure', successFraction: 0.4 });
    expect(byTag.get('2024-048')).toMatchObject({ launchCode: 'OS75', outcome: 'success', successFraction: 0.75 });
    expect(byTag.get('2024-U02')).toMatchObject({ launchCode: 'XS', launchClass: 'extraterrestrial', outcome: 'success' });
    expect(byTag.get('2024-237')).toMatchObject({ launchSite: 'CC', launchPad: 'LC40', agency: 'SPX', flightId: '409/B1072.2?', objectCount: 2 });
  });

  it('does not guess unknown launch codes', () => {
    expect(launchOutcome('DS')).toEqual({ launchClass: 'deep-space', outcome: 'success', successFraction: null });
    expect(launchOutcome('OE')).toEqual({ launchClass: 'orbital', outcome: 'pad-explosion', successFraction: null });
    expect(launchOutcome('MS')).toEqual({ launchClass: null, outcome: 'unknown', successFraction: null });
    expect(launchOutcome('OZ')).toEqual({ launchClass: null, outcome: 'unknown', successFraction: null });
    const rows = parseLaunchLog(fixture('launchlog-sample.tsv').replace('\tOS\tEnergiya', '\tQQ7\tEnergiya'), 'q.tsv').rows;
    expect(launchesFromLog(rows)[0]).toMatchObject({ launchCode: 'QQ7', outcome: 'unknown', launchClass: null });
  });

  it('rejects a bad date with its line and field', () => {
    const r = parseLaunchLog(text.replace('1957 Nov  3 0230:42', '1957 Nov 31 0230:42'), 'bad.tsv');
    expect(r.rejected).toEqual([{ file: 'bad.tsv', line: 3, field: 'Launch_Date', reason: '"1957 Nov 31 0230:42" is not a GCAT date', key: { Launch_Tag: '1957 BET', JCAT: 'S00003', Piece: '1957 BET 1' } }]);
  });

  it('renamed column, empty input and a cut last line are FeedFormatErrors', () => {
    expect(() => parseLaunchLog(text.replace('LVState', 'LV_State'), 'r.tsv')).toThrow(/"LVState"/);
    expect(() => parseLaunchLog('', 'e.tsv')).toThrow(FeedFormatError);
    const cut = text.slice(0, text.trimEnd().lastIndexOf('\t', text.length - 30));
    expect(() => parseLaunchLog(cut, 'cut.tsv')).toThrow(/truncated file: last row has \d+ fields, header has 20/);
  });
});

describe('GCAT orgs', () => {
  const res = parseOrgs(fixture('orgs-sample.tsv'), 'orgs-sample.tsv');

  it('reads the updated stamp and all rows', () => {
    expect(res.updated).toEqual({ iso: '2026-03-26T01:26:23Z', precision: 'second', uncertain: false });
    expect(res.total).toBe(13);
    expect(res.rejected).toEqual([]);
  });

  it('keeps Chinese names, splits Type, parses coordinates and vague bounds', () => {
    const landspace = res.rows.find((r) => r.code === 'LANDSP')!;
    expect(landspace).toMatchObject({
      stateCode: 'CN',
      types: ['O', 'LA', 'E'],
      orgClass: 'B',
      tStart: { kind: 'date', date: { iso: '2015', precision: 'year', uncertain: false } },
      tStop: null,
      longitude: 116.38,
      latitude: 39.92,
      uName: '北京蓝箭空间科技有限公司',
    });
    expect(res.rows.find((r) => r.code === 'APTS')!.tStart).toEqual({ kind: 'date', date: { iso: '2019', precision: 'year', uncertain: true } });
    expect(res.rows.find((r) => r.code === 'LTVCAM')!.tStart).toEqual({ kind: 'unknown' });
    expect(res.rows.find((r) => r.code === 'CESBIO')!.tStart).toMatchObject({ date: { precision: 'decade', uncertain: true } });
    expect(res.rows.find((r) => r.code === 'EARTH')).toMatchObject({ longitude: null, latitude: null, error: 0.02 });
  });

  it('renamed column is named', () => {
    expect(() => parseOrgs(fixture('orgs-sample.tsv').replace('StateCode', 'State'), 'r.tsv')).toThrow(/"StateCode"/);
  });
});

describe('GCAT sites, launch points, platforms', () => {
  it('sites: * is an ongoing stop', () => {
    const r = parseSites(fixture('sites-sample.tsv'), 'sites-sample.tsv');
    expect(r.updated?.iso).toBe('2024-11-27T05:01:59Z');
    expect(r.total).toBe(8);
    expect(r.rows.find((x) => x.site === 'JQ')).toMatchObject({ type: 'LS', stateCode: 'CN', tStop: { kind: 'ongoing' }, group: null });
    expect(r.rows.find((x) => x.site === 'JIAN')!.tStop).toEqual({ kind: 'date', date: { iso: '1972', precision: 'year', uncertain: true } });
  });

  it('lp shares the layout (no Group column)', () => {
    const r = parseLaunchPoints(fixture('lp-sample.tsv'), 'lp-sample.tsv');
    expect(r.rejected).toEqual([]);
    expect(r.rows.filter((x) => x.site === 'JQ').map((x) => x.code)).toEqual(['LA2A', 'LA2B', 'LA3', 'LA3B']);
    expect(r.rows.find((x) => x.code === 'LC320/11/1')!.tStart).toMatchObject({ date: { iso: '1960', precision: 'decade', uncertain: true } });
  });

  it('platforms', () => {
    const r = parsePlatforms(fixture('platforms-sample.tsv'), 'platforms-sample.tsv');
    expect(r.total).toBe(6);
    expect(r.rows.find((x) => x.code === 'CH200')).toMatchObject({ stateCode: 'CN', vClass: 'Type 031', vClassId: '200', group: 'CNSUB' });
  });
});

describe('GCAT ftocat extract', () => {
  it('reads a header without # and Chinese failures after the launch log ends', () => {
    const r = parseFtocat(fixture('ftocat-sample.tsv'), 'ftocat-sample.tsv');
    expect(r.total).toBe(12);
    expect(r.rejected).toEqual([]);
    const f = r.rows.find((x) => x.jcat === 'F01707')!;
    expect(f).toMatchObject({ satcat: 'NSO', launchTag: '2024-F05', satType: 'R4', state: 'CN', bus: null });
    expect(f.launchDate).toEqual({ iso: '2024-12-27', precision: 'day', uncertain: false });
    expect(r.rows.find((x) => x.jcat === 'F01713')!.name).toBe('Yunyao-1 37?'); // GCAT's own ? kept in text
    expect(r.rows.some((x) => x.launchTag === '2026-F06' && x.state === 'CN')).toBe(true);
  });
});
