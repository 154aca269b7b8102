/**
 * Where are the hubs and the organizations? Every hub point and every located organization
 * served by /api/v1/geo/hubs and /api/v1/geo/places is checked against a city coordinate
 * table read independently from the raw GCAT files (data/snapshots, gunzipped and split on
 * tabs; none of the product's parsers), keyed by city name.
 *
 * The city table: a GCAT country or province row (orgs.tsv Type CY or CYP) whose Location is
 * the city gives the city's coordinate (the capital or provincial capital); otherwise the
 * median of every GCAT organization and launch-site row whose Location names the city
 * (its first part, before a comma, parenthesis or ":" district).
 * Tolerance: 60 km, the size of a city; no exception is needed.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import type { AnswerSuite } from '../harness.js';

const TOLERANCE_KM = 60;

interface Feature { geometry: { type: string; coordinates: [number, number] } | null; properties: Record<string, unknown> }
interface Collection { features: Feature[] }
interface Entity { properties: { property: string; statements: { value: string }[] }[] }
interface LatLon { lat: number; lon: number }

const rows = (file: string) => gunzipSync(readFileSync(`data/snapshots/${file}.gz`)).toString('utf8')
  .split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.split('\t'));

/** English city names the knowledge base uses where GCAT transliterates. */
const GCAT_SPELLING: Record<string, string> = { moscow: 'moskva' };

/** "Beijing (Haidian)", "Xi'an, Shaanxi", "Beijing:Haidian" -> "beijing"; also the ":" district and a parenthesised alias. */
function cityKeys(location: string): string[] {
  const head = location.split(',')[0]!;
  const paren = /\(([^)]*)\)/.exec(head)?.[1];
  const [city, district] = head.replace(/\([^)]*\)/g, '').split(':');
  return [city, district, paren].filter((x): x is string => !!x && !!x.trim()).map((x) => x.trim().replace(/\?$/, '').toLowerCase());
}
const keyOf = (city: string) => { const k = cityKeys(city)[0]!; return GCAT_SPELLING[k] ?? k; };

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2; };

function cityTable(): { coordinate: Map<string, LatLon>; cityRow: Set<string> } {
  const official = new Map<string, LatLon>();
  const named = new Map<string, LatLon[]>();
  const add = (keys: string[], p: LatLon) => { for (const k of keys) (named.get(k) ?? named.set(k, []).get(k)!).push(p); };
  // orgs.tsv: 0 Code, 3 Type, 9 Location, 10 Longitude, 11 Latitude
  for (const c of rows('gcat_orgs_2026-03-26.tsv')) {
    const p = { lon: Number(c[10]), lat: Number(c[11]) };
    if (!Number.isFinite(p.lat) || !Number.isFinite(p.lon) || !c[9] || c[9].trim() === '-') continue;
    if (['CY', 'CYP'].includes(c[3]!.trim())) official.set(c[9].trim().toLowerCase(), p);
    add(cityKeys(c[9]), p);
  }
  // sites.tsv: 0 Site, 9 Location, 10 Longitude, 11 Latitude
  const cityRow = new Set(official.keys());
  for (const c of rows('gcat_sites_2024-11-27.tsv')) {
    const p = { lon: Number(c[10]), lat: Number(c[11]) };
    if (!Number.isFinite(p.lat) || !Number.isFinite(p.lon) || !c[9] || c[9].trim() === '-') continue;
    add(cityKeys(c[9]), p);
    for (const k of cityKeys(c[9])) cityRow.add(k);
  }
  const coordinate = new Map<string, LatLon>();
  for (const [k, ps] of named) coordinate.set(k, { lat: median(ps.map((p) => p.lat)), lon: median(ps.map((p) => p.lon)) });
  for (const [k, p] of official) coordinate.set(k, p);
  return { coordinate, cityRow };
}

function km(a: LatLon, b: LatLon): number {
  const r = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
const at = (f: Feature): LatLon => ({ lon: f.geometry!.coordinates[0], lat: f.geometry!.coordinates[1] });

export const answers: AnswerSuite = (ctx) => {
  const table = cityTable();

  it('every hub is drawn at its principal city (within 60 km of the GCAT city coordinate), or not at all where GCAT has no city row', async () => {
    const hubs = await ctx().get<Collection>('/api/v1/geo/hubs');
    expect(hubs.features).toHaveLength(11);
    let drawn = 0;
    for (const f of hubs.features) {
      const p = f.properties;
      const city = p.principalCity as string;
      expect(p.cities as string[], `${p.id}: principal city is one of its cities`).toContain(city);
      if (f.geometry) {
        drawn++;
        const ref = table.coordinate.get(keyOf(city));
        expect(ref, `${p.id}: GCAT has a coordinate for ${city}`).toBeDefined();
        expect(km(at(f), ref!), `${p.id} drawn ${km(at(f), ref!).toFixed(1)} km from ${city}`).toBeLessThanOrEqual(TOLERANCE_KM);
        expect(['gcat-orgs-2026-03-26', 'gcat-sites-2024-11-27']).toContain(p.locationSource);
        expect(p.geometryBasis).toContain(city);
      } else {
        expect(table.cityRow.has(keyOf(city)), `${p.id}: GCAT has no city, province or site row for ${city}`).toBe(false);
        expect(p.geometryBasis).toMatch(/^not drawn: no source in the knowledge base gives a coordinate/);
      }
    }
    expect(drawn).toBe(8);
    const wuhan = hubs.features.find((f) => f.properties.id === 'hub.wuhan')!;
    expect(km(at(wuhan), table.coordinate.get('wuhan')!)).toBeLessThanOrEqual(TOLERANCE_KM);
    expect(km(at(wuhan), table.coordinate.get('beijing')!)).toBeGreaterThan(1000);
  });

  it('no hub point is a member\'s point unless that member is in the hub\'s principal city', async () => {
    const [hubs, places] = await Promise.all([ctx().get<Collection>('/api/v1/geo/hubs'), ctx().get<Collection>('/api/v1/geo/places')]);
    const placeOf = new Map(places.features.map((f) => [f.properties.id as string, f]));
    let shared = 0;
    for (const hub of hubs.features.filter((f) => f.geometry)) {
      for (const id of hub.properties.members as string[]) {
        const m = placeOf.get(id);
        if (!m || km(at(m), at(hub)) > 1e-6) continue;
        shared++;
        expect(keyOf(m.properties.city as string), `${id} shares ${hub.properties.id}'s point`).toBe(keyOf(hub.properties.principalCity as string));
      }
    }
    expect(shared).toBeGreaterThan(0); // e.g. Beijing organizations at GCAT's Beijing coordinate
  });

  it('every located organization is within 60 km of its stated headquarters city, and its sources agree on that city', async () => {
    const orgs = await ctx().get<Collection>('/api/v1/geo/places?kind=Organization');
    expect(orgs.features.length).toBeGreaterThan(50);
    for (const f of orgs.features) {
      const city = f.properties.city as string | null;
      expect(city, `${f.properties.id} states its city`).toBeTruthy();
      const ref = table.coordinate.get(keyOf(city!));
      expect(ref, `${f.properties.id}: GCAT has a coordinate for ${city}`).toBeDefined();
      expect(km(at(f), ref!), `${f.properties.id} at ${km(at(f), ref!).toFixed(1)} km from ${city}`).toBeLessThanOrEqual(TOLERANCE_KM);
      const entity = await ctx().get<Entity>(`/api/v1/entities/${f.properties.id as string}`);
      const hq = entity.properties.find((p) => p.property === 'headquarters')!.statements.map((s) => keyOf(s.value));
      expect(new Set(hq).size, `${f.properties.id}: headquarters sources agree (${hq.join(', ')})`).toBe(1);
    }
  });

  it('ExPace, a Wuhan hub member whose sources disagree on Wuhan or Beijing, has no point; its hub is not drawn in Beijing', async () => {
    const [places, expace] = await Promise.all([
      ctx().get<Collection>('/api/v1/geo/places?kind=Organization'),
      ctx().get<Entity>('/api/v1/entities/org.expace'),
    ]);
    expect(places.features.map((f) => f.properties.id)).not.toContain('org.expace');
    const hq = expace.properties.find((p) => p.property === 'headquarters')!.statements.map((s) => keyOf(s.value)).sort();
    expect(hq).toEqual(['beijing', 'wuhan']);
  });
};
