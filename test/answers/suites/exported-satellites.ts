/**
 * China's satellite exports as two sets, through the public API, against independent
 * computations: (a) countries that bought a Chinese-built satellite, from the raw UCS file
 * and the report's Figure 5 as printed in the seed text; (b) countries whose satellites were
 * launched on Chinese rockets, from the raw GCAT launch log. Plain string splitting only.
 */
import { seedText } from '../../support/raw-files.js';
import { expect, it } from 'vitest';
import { readSnapshot } from '../../../src/services/bundled-snapshots.js';
import type { AnswerSuite } from '../harness.js';

interface Satellite { id: string; name: string; cospar: string | null; manufacturer: string | null; manufacturerCountries: string[]; outcome: string | null; evidence: { sourceId: string; locator: string | null }[] }
interface Collection {
  set: string; definition: string; notPlaced: { reason: string; satellites: Satellite[] }[];
  features: { properties: { iso2: string; satelliteCount: number; satellites: Satellite[] } }[];
}

/** English country names as UCS and the report print them (only those that occur here; an unknown name fails the test). */
const ISO: Record<string, string> = {
  Algeria: 'DZ', Australia: 'AU', Belarus: 'BY', Bolivia: 'BO', Egypt: 'EG', Ethiopia: 'ET', Germany: 'DE', Indonesia: 'ID',
  Laos: 'LA', Nigeria: 'NG', Pakistan: 'PK', Sudan: 'SD', Venezuela: 'VE',
};
const iso = (name: string) => ISO[name] ?? (() => { throw new Error(`no ISO code in this test for "${name}"`); })();

/** GCAT's own (non-ISO) state codes, as GCAT's orgs.tsv names them (B Belgium, D Germany, …). */
const GCAT_NOT_ISO: Record<string, string> = { B: 'BE', D: 'DE', E: 'ES', F: 'FR', I: 'IT', J: 'JP', L: 'LU', S: 'SE', UK: 'GB' };

const tsv = (file: string) => readSnapshot(file).split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#')).map((l) => l.split('\t').map((x) => x.trim()));

/** GCAT launch-log owner state of each piece. */
function gcatStateByPiece(): Map<string, string> {
  return new Map(tsv('gcat_launchlog_2024-12-08.tsv.gz').map((f) => [f[2]!, f[8]!]));
}

/** UCS rows built (in part) in China for an owner outside China, less those GCAT records as Chinese-owned. */
function ucsChineseBuiltForeignOwned(gcat: Map<string, string>): { cospar: string; owner: string }[] {
  const rows = tsv('ucs_satellite_database_2023-05-01.tsv.gz').slice(1);
  return rows.filter((f) => f[21]!.split('/').map((s) => s.trim()).includes('China') && !f[2]!.split('/').map((s) => s.trim()).includes('China'))
    .filter((f) => gcat.get(f[24]!) !== 'CN')
    .map((f) => ({ cospar: f[24]!, owner: iso(f[2]!) }));
}

/** The countries of the report's Figure 5 table, read from the seed text. */
function figure5Countries(): Set<string> {
  const text = seedText('003_c24ce7c9e2708025.txt');
  const start = text.indexOf('**Figure 5: Chinese-exported Satellites');
  const table = text.slice(text.indexOf('Country\tSatellite\tCity', start)).split('\n').slice(1);
  const rows = table.slice(0, table.findIndex((l) => !l.includes('\t')));
  return new Set(rows.map((l) => iso(l.split('\t')[0]!.trim())));
}

/** GCAT payloads on launches with LVState CN whose owner state is a country other than China, by ISO code. */
function gcatForeignPayloadsOnChineseRockets(): { byCountry: Map<string, Set<string>>; apart: Set<string> } {
  const byCountry = new Map<string, Set<string>>();
  const apart = new Set<string>();
  for (const f of tsv('gcat_launchlog_2024-12-08.tsv.gz')) {
    const [piece, type, state, lvState] = [f[2]!, f[3]!, f[8]!, f[17]!];
    if (lvState !== 'CN' || !type.startsWith('P') || state === 'CN' || state === 'HK' || state.startsWith('CN-')) continue;
    if (state === 'HKUK' || state.startsWith('I-')) { apart.add(piece); continue; }
    const code = GCAT_NOT_ISO[state] ?? state;
    (byCountry.get(code) ?? byCountry.set(code, new Set()).get(code)!).add(piece);
  }
  return { byCountry, apart };
}

/** Satellites China launched but did not build (UCS Country of Contractor outside China), by COSPAR id. */
const BUILT_ABROAD = { 'GomX-4A': '2018-015F', 'Eutelsat 16A': '2011-057A', 'KIPP-1': '2018-008C', 'NuSat-3': '2017-034C', 'Göktürk-2': '2012-073A', 'SaudiSat-5A': '2018-102A', 'BRITE-PL-2': '2014-049B' };

export const answers: AnswerSuite = (ctx) => {
  it('a Chinese-built satellite lost at launch (Palapa-N1, Indonesia) still counts as bought, with the launch the raw GCAT log records for it', async () => {
    const row = tsv('gcat_launchlog_2024-12-08.tsv.gz').find((f) => f[5] === 'Palapa N1')!;
    expect(row[18]).toBe('OF');
    const res = await ctx().get<Collection>('/api/v1/geo/countries?set=chinese-built-satellite-buyers');
    const sat = res.features.find((f) => f.properties.iso2 === 'ID')!.properties.satellites.find((x) => x.id === 'obj.palapa-n1') as Satellite & { launchDate: string | null; launchVehicle: string | null };
    const months: Record<string, string> = { Jan: '01', Feb: '02', Mar: '03', Apr: '04', May: '05', Jun: '06', Jul: '07', Aug: '08', Sep: '09', Oct: '10', Nov: '11', Dec: '12' };
    const [y, m, d] = row[1]!.split(/\s+/);
    expect(sat.launchDate).toBe(`${y}-${months[m!]}-${d!.padStart(2, '0')}`);
    expect(sat.launchVehicle).toBe('lv.long-march-3b');
    expect(row[9]).toBe('Chang Zheng 3B');
    expect(res.definition).toMatch(/lost at launch still counts/);
  });

  const buyers = () => ctx().get<Collection>('/api/v1/geo/countries?set=chinese-built-satellite-buyers');
  const launched = () => ctx().get<Collection>('/api/v1/geo/countries?set=launched-on-chinese-rockets');
  const pieces = (c: Collection) => new Set(c.features.flatMap((f) => f.properties.satellites.map((s) => s.cospar)));

  it('(a) countries that bought a Chinese-built satellite equal UCS (Chinese contractor, foreign owner) united with the report\'s Figure 5', async () => {
    const a = await buyers();
    const ucs = ucsChineseBuiltForeignOwned(gcatStateByPiece());
    const expected = new Set([...ucs.map((r) => r.owner), ...figure5Countries()]);
    expect(new Set(a.features.map((f) => f.properties.iso2))).toEqual(expected);
    for (const r of ucs) expect(a.features.find((f) => f.properties.iso2 === r.owner)!.properties.satellites.map((s) => s.cospar)).toContain(r.cospar);
    expect(a.definition).toMatch(/built in China/);
  });

  it('(a) lists no satellite built abroad, and every satellite has a Chinese builder with its source', async () => {
    const a = await buyers();
    const inA = pieces(a);
    for (const [name, cospar] of Object.entries(BUILT_ABROAD)) expect(inA.has(cospar), `${name} is not evidence for (a)`).toBe(false);
    for (const f of a.features) {
      expect(f.properties.satelliteCount).toBe(f.properties.satellites.length);
      for (const s of f.properties.satellites) {
        expect(s.manufacturerCountries).toContain('CN');
        expect(s.evidence.some((e) => e.sourceId && e.locator)).toBe(true);
      }
    }
    const ucsContractor = new Map(tsv('ucs_satellite_database_2023-05-01.tsv.gz').slice(1).map((f) => [f[24]!, f[21]!]));
    for (const cospar of inA) if (cospar && ucsContractor.has(cospar)) expect(ucsContractor.get(cospar)).toMatch(/China/);
  });

  it('(b) countries whose satellites were launched on Chinese rockets equal the GCAT launch log (LVState CN, foreign SatState)', async () => {
    const b = await launched();
    const raw = gcatForeignPayloadsOnChineseRockets();
    expect(new Set(b.features.map((f) => f.properties.iso2))).toEqual(new Set(raw.byCountry.keys()));
    for (const f of b.features) expect(new Set(f.properties.satellites.map((s) => s.cospar))).toEqual(raw.byCountry.get(f.properties.iso2));
    expect(new Set(b.notPlaced.flatMap((n) => n.satellites.map((s) => s.cospar)))).toEqual(raw.apart);
    const inB = pieces(b);
    for (const [name, cospar] of Object.entries(BUILT_ABROAD)) expect(inB.has(cospar), `${name} was launched by China`).toBe(true);
    expect(b.definition).toMatch(/LVState/);
  });
};
