/** GeoJSON for maps and GIS: places with real coordinates, the Figure 3 hubs, and country sets (ILRS, Artemis Accords, APSCO, Space Silk Road, BRI, stations abroad, the two export sets). */
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../server-context.js';
import { entityRows } from '../../store/queries/entity-table.js';
import { all, first, type EntityRow } from '../../model/entity-row.js';
import { countryShape } from '../../services/world-countries.js';
import { countriesInFramework, hubPoint, HUB_COUNT_PROPERTIES, locationOf, observersOfFramework, statedCity } from '../../analytics/places.js';
import { datasetNotes } from '../../store/queries/cited-sources.js';
import { statementsOfKind } from '../../store/queries/entities.js';
import { geoJsonResponses } from '../schemas.js';
import type { CountriesResponse, CountryAgreement, CountryFeature, HubFeature, HubsResponse, PlaceFeature, PlacesResponse } from '../response-types.js';
import { COUNTRIES_RESPONSE, HUBS_RESPONSE, PLACES_RESPONSE } from '../generated/response-schemas.js';
import { BUYERS_SET, LAUNCHED_SET, type ExportSet, type ExportSetId } from '../../analytics/exports.js';

/** Country sets drawn from other entities than agreements. */
const DERIVED_SETS: Record<string, { label: string; definition: string; members: (rows: { facilities: EntityRow[]; objects: EntityRow[] }) => Map<string, EntityRow[]> }> = {
  'overseas-stations': {
    label: 'Countries hosting tracking, control or ground stations that support, or supported, China\'s space programme',
    definition: 'Countries outside China with a curated TT&C station, ground station or control centre that serves China\'s programme, or served it: '
      + 'Sweden\'s and Australia\'s stations are shaded although those countries ended or did not renew their contracts with China (§3.1.3 [098]); '
      + 'each country lists its facilities, whose pages say which.',
    members: ({ facilities }) => group(facilities.filter((f) => ['ttc-station', 'ground-station', 'control-centre'].includes(first(f, 'facilityKind') ?? '') && first(f, 'country') && first(f, 'country') !== 'CN'), (f) => [first(f, 'country')!]),
  },
};

/** China's satellite exports, two sets kept apart (src/analytics/exports.ts): each country lists its satellites and the set states its definition. */
const EXPORT_SETS: readonly ExportSetId[] = [BUYERS_SET, LAUNCHED_SET];

function group(rows: EntityRow[], keys: (r: EntityRow) => string[]): Map<string, EntityRow[]> {
  const out = new Map<string, EntityRow[]>();
  for (const r of rows) for (const k of keys(r)) (out.get(k) ?? out.set(k, []).get(k)!).push(r);
  return out;
}

/**
 * Country sets from agreements; China's own programmes (Space Silk Road, BRI) list partner countries, not China itself.
 * `definition`: what puts a country in the set (the collection adds the observers left out and the datasets' own notes).
 */
export const COUNTRY_SETS: Record<string, { framework: string; label: string; definition: string; exceptChina?: boolean }> = {
  ilrs: { framework: 'program.ilrs', label: 'International Lunar Research Station participants',
    definition: 'Countries party to a curated agreement within the International Lunar Research Station (the report and its references); a joining date is shown only where a source gives one.' },
  'artemis-accords': { framework: 'program.artemis-accords', label: 'Artemis Accords signatories',
    definition: 'Countries that a curated agreement or the Artemis Accords membership dataset lists as signatories; a signing date is shown only where a source gives one.' },
  apsco: { framework: 'org.apsco', label: 'APSCO members',
    definition: 'Member states of the Asia-Pacific Space Cooperation Organization, from the APSCO membership dataset and the report.' },
  'space-silk-road': { framework: 'program.space-silk-road', label: 'Space Silk Road partner countries (China excluded: it runs the programme)', exceptChina: true,
    definition: 'Partner countries of the Space Silk Road agreements in the knowledge base; China, which runs the programme, is not counted as its own partner. '
      + 'Not the report\'s Figure 6 map, whose countries its text does not list: the text also names Argentina, South Africa and Turkey ("scattered partnerships") '
      + 'and Brazil ("among the most active participants"), which no curated Space Silk Road agreement names, so they are not shaded (§2.4.3 [059]).' },
  bri: { framework: 'program.bri', label: 'Countries with a Belt and Road space investment or agreement (China excluded)', exceptChina: true,
    definition: 'Countries party to a Belt and Road space investment or agreement in the knowledge base: the eight space-related BRI investments AEI\'s China Global '
      + 'Investment Tracker lists since 2013 (Argentina twice, Nigeria, South Korea, France, Thailand, Luxembourg, Bolivia; §2.4.3 [062]) and Pakistan\'s 2019 '
      + 'Belt and Road Forum space cooperation agreements (§2.4.3); China excluded. Not the list of BRI member countries (147 by mid-2023).' },
};

/** A set's definition as the collection states it: the rule, the observers it leaves out, and what its datasets say of their own gaps. */
async function setDefinition(db: ServerContext['store']['db'], set: { framework: string; definition: string }, agreements: EntityRow[], members: EntityRow[]): Promise<string> {
  const observers = observersOfFramework(agreements, set.framework);
  const sources = members.flatMap((a) => Object.values(a.values).flat().map((c) => c.sourceId));
  const notes = await datasetNotes(db, sources);
  return [
    set.definition,
    observers.length ? `Observers are not members and are not shaded: ${observers.map((o) => o.caption).join('; ')}.` : '',
    ...notes.map((n) => `Dataset ${n.id}: ${n.note.replace(/\.?$/, '.')}`),
  ].filter(Boolean).join(' ');
}

const GEOJSON = 'application/geo+json';

/** A country's outline: Natural Earth countries are polygons or multipolygons. */
function countryGeometry(iso2: string): CountryFeature['geometry'] {
  const geometry = countryShape(iso2)?.geometry;
  return geometry?.type === 'Polygon' || geometry?.type === 'MultiPolygon' ? geometry : null;
}

function point(r: EntityRow): PlaceFeature | null {
  const loc = r.values.location?.[0];
  const at = locationOf(r);
  if (!loc || !at) return null;
  const { lat, lon } = at;
  return {
    type: 'Feature' as const,
    geometry: { type: 'Point' as const, coordinates: [lon, lat] },
    properties: {
      id: r.id, kind: r.kind, name: r.caption, category: first(r, 'facilityKind') ?? first(r, 'orgKind'), hub: first(r, 'hub'), country: first(r, 'country'), city: statedCity(r),
      segments: all(r, 'segment'), locationSource: loc.sourceId, locationLocator: loc.locator,
    },
  };
}

export function registerGeoRoutes(api: FastifyInstance, ctx: ServerContext): void {
  const { store } = ctx;
  api.get<{ Querystring: { kind?: string; country?: string } }>('/geo/places', {
    schema: { operationId: 'getGeoPlaces',
      summary: 'Facilities and organizations with coordinates from a real source (GCAT or a cited reference), as GeoJSON points; city is the city the point stands for (an organization\'s headquarters, a facility\'s city)',
      tags: ['geo'],
      querystring: { type: 'object', additionalProperties: false, properties: { kind: { type: 'string', enum: ['Facility', 'Organization'] }, country: { type: 'string', pattern: '^[A-Z]{2}$' } } },
      response: geoJsonResponses(PLACES_RESPONSE),
    },
  }, async (req, reply) => {
    const kinds = req.query.kind ? [req.query.kind] : ['Facility', 'Organization'];
    const rows = (await Promise.all(kinds.map((k) => entityRows(store.db, k as 'Facility')))).flat();
    const features = rows.filter((r) => !req.query.country || first(r, 'country') === req.query.country).map(point).filter((f) => f !== null);
    reply.type(GEOJSON);
    return { type: 'FeatureCollection', features } satisfies PlacesResponse;
  });

  api.get('/geo/hubs', {
    schema: { operationId: 'getGeoHubs',
      summary: 'The eleven hubs of Figure 3 with their counts by category; each point is the sourced coordinate of the hub\'s principal city (never a member\'s), or null when no source gives one (stated in geometryBasis)',
      tags: ['geo'], response: geoJsonResponses(HUBS_RESPONSE),
    },
  }, async (_req, reply) => {
    const hubs = await entityRows(store.db, 'Hub');
    const members = [...await entityRows(store.db, 'Organization'), ...await entityRows(store.db, 'Facility')];
    const features = hubs.map((h): HubFeature => {
      const at = hubPoint(h);
      const counts = Object.fromEntries(HUB_COUNT_PROPERTIES.map((p) => [p, first(h, p) === null ? null : Number(first(h, p))]));
      return {
        type: 'Feature' as const,
        geometry: at.point ? { type: 'Point' as const, coordinates: [at.point.lon, at.point.lat] } : null,
        properties: {
          id: h.id, name: h.caption, figureNumber: Number(first(h, 'figureNumber')), cities: all(h, 'city'), principalCity: at.principalCity, counts,
          countsSource: h.values.launchSites?.[0]?.sourceId ?? h.values.figureNumber?.[0]?.sourceId ?? null,
          locationSource: at.sourceId, locationLocator: at.locator,
          members: members.filter((m) => all(m, 'hub').includes(h.id)).map((m) => m.id),
          geometryBasis: at.basis,
        },
      };
    });
    reply.type(GEOJSON);
    return { type: 'FeatureCollection', features } satisfies HubsResponse;
  });

  api.get<{ Querystring: { set: string } }>('/geo/countries', {
    schema: { operationId: 'getGeoCountries',
      summary: 'A set of countries as GeoJSON polygons wound per RFC 7946 (Natural Earth via world-atlas: 1:110m, or 1:50m or 1:10m for a country too small for 1:110m): ILRS, Artemis Accords, APSCO, Space Silk Road, BRI agreements (each country with its agreements and their sources); hosts of Chinese stations abroad; '
        + 'chinese-built-satellite-buyers (owners of satellites built in China) and launched-on-chinese-rockets (owners of payloads launched by China, whoever built them), where each country lists its satellites with sources and the collection states its definition',
      tags: ['geo'],
      querystring: { type: 'object', required: ['set'], additionalProperties: false, properties: { set: { type: 'string', enum: [...Object.keys(COUNTRY_SETS), ...Object.keys(DERIVED_SETS), ...EXPORT_SETS] } } },
      response: geoJsonResponses(COUNTRIES_RESPONSE),
    },
  }, async (req, reply) => {
    if ((EXPORT_SETS as readonly string[]).includes(req.query.set)) {
      reply.type(GEOJSON);
      return exportCollection(await ctx.analytics.run('exportSet', { id: req.query.set as ExportSetId }));
    }
    const derived = DERIVED_SETS[req.query.set];
    const agreementSet = COUNTRY_SETS[req.query.set];
    const set = agreementSet ?? { framework: '', label: derived!.label };
    const agreements = derived ? [] : await entityRows(store.db, 'Agreement');
    const signingNotes = derived ? new Map<string, string>() : await signedNotes(store.db);
    const byCountry = derived
      ? derived.members({ facilities: await entityRows(store.db, 'Facility'), objects: await entityRows(store.db, 'SpaceObject') })
      : countriesInFramework(agreements, set.framework, { exceptChina: agreementSet?.exceptChina });
    const definition = agreementSet ? await setDefinition(store.db, agreementSet, agreements, [...byCountry.values()].flat()) : derived?.definition;
    const features = [...byCountry.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([iso2, list]): CountryFeature => ({
      type: 'Feature' as const,
      geometry: countryGeometry(iso2),
      properties: {
        iso2, entityId: `country.${iso2.toLowerCase()}`, name: countryShape(iso2)?.name ?? iso2, set: req.query.set,
        agreements: derived ? [] : list.map((a) => countryAgreement(a, signingNotes)),
        members: list.map((m) => ({ id: m.id, kind: m.kind, name: m.caption, sources: [...new Set(Object.values(m.values).flat().map((c) => c.sourceId))] })),
      },
    }));
    reply.type(GEOJSON);
    return { type: 'FeatureCollection', name: set.label, ...(definition ? { set: req.query.set, definition } : {}), features } satisfies CountriesResponse;
  });
}

/** Each agreement's signing-date notes, by agreement, date and source. */
async function signedNotes(db: ServerContext['store']['db']): Promise<Map<string, string>> {
  const notes = new Map<string, string>();
  for (const s of await statementsOfKind(db, 'Agreement', ['signed'])) if (s.note) notes.set(noteKey(s.entityId, s.value, s.sourceId), s.note);
  return notes;
}

const noteKey = (entityId: string, value: string, sourceId: string) => [entityId, value, sourceId].join('\u0000');

/** An agreement as a country's map layer lists it: its signing date with that date's note, and the sources of its parties and date. */
function countryAgreement(a: EntityRow, notes: ReadonlyMap<string, string>): CountryAgreement {
  const signed = a.values.signed?.[0] ?? null;
  const sources = [...(a.values.party ?? []), ...(signed ? [signed] : [])].map((c) => c.sourceId);
  return {
    id: a.id, name: a.caption, kind: first(a, 'agreementKind'), signed: signed?.value ?? null,
    signedNote: signed ? notes.get(noteKey(a.id, signed.value, signed.sourceId)) ?? null : null, sources: [...new Set(sources)],
  };
}

function exportCollection(set: ExportSet): CountriesResponse {
  return {
    type: 'FeatureCollection', name: set.label, set: set.id, definition: set.definition,
    features: set.countries.map(({ iso2, satellites }): CountryFeature => ({
      type: 'Feature' as const,
      geometry: countryGeometry(iso2),
      properties: { iso2, entityId: `country.${iso2.toLowerCase()}`, name: countryShape(iso2)?.name ?? iso2, set: set.id, agreements: [], satelliteCount: satellites.length, satellites },
    })),
    notPlaced: set.notPlaced,
  };
}
