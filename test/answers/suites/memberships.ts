/**
 * "Who belongs to APSCO, who signed the Artemis Accords?" The map layers' countries against the bundled
 * membership datasets read as plain YAML: an observer (Mexico in APSCO, report §2.4.3) is not a member, and a
 * dataset whose own count disagrees with its list says so in the layer's definition.
 */
import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { AnswerSuite } from '../harness.js';
import { readSnapshot } from '../../../src/services/bundled-snapshots.js';

interface RawBlock { includes: { id: string; type?: string; status?: string }[]; membership_count?: number }
interface Collection { name: string; definition?: string; features: { properties: { iso2: string; agreements: { id: string }[]; members: { name: string }[] } }[] }

/** The countries a bundled internacia file lists with status member, and the count the file states for itself. */
function rawMembers(file: string): { members: string[]; statedCount: number | null } {
  const block = parseYaml(readSnapshot(file)) as RawBlock;
  const members = block.includes.filter((x) => x.status === 'member' && /^[A-Z]{2}$/.test(x.id)).map((x) => x.id).sort();
  return { members, statedCount: block.membership_count ?? null };
}

export const answers: AnswerSuite = (ctx) => {
  it('the APSCO layer shades the dataset\'s members only: Mexico, an observer, is named in the definition and not shaded', async () => {
    const raw = rawMembers('internacia_apsco.yaml.gz');
    const res = await ctx().get<Collection>('/api/v1/geo/countries?set=apsco');
    const isos = res.features.map((f) => f.properties.iso2).sort();
    expect(isos).toEqual(raw.members);
    expect(isos).toHaveLength(raw.statedCount!);
    expect(isos).not.toContain('MX');
    expect(res.definition).toMatch(/Observers are not members and are not shaded: Mexico/);
  });

  it('the Artemis Accords layer holds every listed signatory, and its definition says the list is shorter than the file\'s own count', async () => {
    const raw = rawMembers('internacia_artemis_accords.yaml.gz');
    expect(raw.statedCount).not.toBe(raw.members.length);
    const res = await ctx().get<Collection>('/api/v1/geo/countries?set=artemis-accords');
    const isos = new Set(res.features.map((f) => f.properties.iso2));
    for (const iso of raw.members) expect(isos.has(iso), iso).toBe(true);
    expect(res.definition).toContain(`${raw.members.length} members listed`);
    expect(res.definition).toContain(`membership_count says ${raw.statedCount}`);
    // The map's reader learns how many the list leaves out, and that the file does not name them.
    const missing = raw.statedCount! - raw.members.length;
    expect(res.definition).toContain(`${['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'][missing]} members it counts are not in its list`);
    expect(res.definition).toContain(`shows ${raw.members.length} of the file's ${raw.statedCount}`);
  });

  it('every agreement layer states what puts a country on it, and lists each of a country\'s agreements once', async () => {
    for (const set of ['ilrs', 'artemis-accords', 'apsco', 'space-silk-road', 'bri', 'overseas-stations']) {
      const res = await ctx().get<Collection>(`/api/v1/geo/countries?set=${set}`);
      expect(res.definition, set).toMatch(/^(Countries|Member states|Partner countries)/);
      for (const f of res.features) {
        const ids = f.properties.agreements.map((a) => a.id);
        expect(ids, `${set} ${f.properties.iso2}`).toEqual([...new Set(ids)]);
      }
    }
    // ILRS: summing the layer's agreements counts each signing country once (the audit found 18 for 13 countries).
    const ilrs = await ctx().get<{ features: { properties: { agreements: unknown[] } }[] }>('/api/v1/geo/countries?set=ilrs');
    expect(ilrs.features.reduce((n, f) => n + f.properties.agreements.length, 0)).toBeLessThan(ilrs.features.length + 3);
  });

  it('a signing date the source gives with a note (a year read from context) carries that note and its source on the layer', async () => {
    const raw = parseYaml(readFileSync('data/kb/entities/international/ilrs.yaml', 'utf8')) as { entities: { id: string; signed?: { value: string; note?: string; cite?: { source?: string } } }[] };
    const noted = raw.entities.filter((e) => e.signed?.note);
    expect(noted.length).toBeGreaterThan(0);
    const res = await ctx().get<{ features: { properties: { agreements: { id: string; signed: string | null; signedNote: string | null; sources: string[] }[] } }[] }>('/api/v1/geo/countries?set=ilrs');
    const listed = new Map(res.features.flatMap((f) => f.properties.agreements).map((a) => [a.id, a]));
    for (const e of noted) {
      const a = listed.get(e.id)!;
      expect(a, e.id).toBeDefined();
      expect(a.signed, e.id).toBe(String(e.signed!.value));
      expect(a.signedNote, e.id).toBe(e.signed!.note);
      if (e.signed!.cite?.source) expect(a.sources, e.id).toContain(e.signed!.cite.source);
    }
    // Dates with no note carry none.
    const withoutNote = [...listed.values()].filter((a) => a.signed && !noted.some((e) => e.id === a.id));
    for (const a of withoutNote) expect(a.signedNote, a.id).toBeNull();
  });

  it('the stations layer says that Sweden and Australia, shaded, ended or did not renew their contracts with China', async () => {
    const res = await ctx().get<Collection>('/api/v1/geo/countries?set=overseas-stations');
    for (const iso of ['SE', 'AU']) {
      const f = res.features.find((x) => x.properties.iso2 === iso);
      expect(f, iso).toBeDefined();
      expect(f!.properties.members.every((m) => /formerly/.test(m.name)), iso).toBe(true);
    }
    expect(res.definition).toMatch(/Sweden.*Australia.*ended or did not renew/);
    expect(res.name).toMatch(/support, or supported/);
  });
};
