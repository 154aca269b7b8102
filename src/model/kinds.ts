/**
 * Entity kinds, declared once as data (after followthemoney's schema YAML).
 * Validation, JSON Schema (schema/), docs (docs/model.md) and the API's
 * enumerations are all generated from this declaration.
 */
import { SEGMENT_IDS } from './segments.js';
import type { ValueTypeName } from './value-types.js';

export interface PropertyDef {
  type: ValueTypeName;
  label: string;
  doc?: string;
  /** Several values may hold at once (aliases, partners); otherwise extra values are conflicts. */
  multiple?: boolean;
  required?: boolean;
  /** For enum properties. */
  values?: readonly string[];
  /** For entity properties: the kinds the referenced entity may have. */
  range?: readonly KindName[];
  unit?: string;
}

export interface KindDef {
  label: string;
  plural: string;
  prefix: string;
  doc: string;
  properties: Record<string, PropertyDef>;
}

export const KIND_NAMES = [
  'Organization', 'Person', 'Country', 'Hub', 'Facility', 'LaunchVehicle', 'SpaceObject', 'Program', 'Mission',
  'Agreement', 'Investment', 'PolicyDocument', 'Goal', 'Risk', 'Recommendation', 'KeyFinding', 'Claim', 'Event',
] as const;
export type KindName = (typeof KIND_NAMES)[number];

export const ORBIT_REGIMES = ['LEO', 'SSO', 'MEO', 'GEO', 'IGSO', 'HEO', 'supersynchronous', 'beyond-earth-orbit'] as const;
export const MISSION_TYPES = [
  'communications', 'earth-observation', 'navigation', 'technology-demonstration', 'science',
  'crewed-and-station', 'cargo', 'military-isr', 'ssa-inspection', 'other',
] as const;

export const COMMON_PROPERTIES: Record<string, PropertyDef> = {
  name: { type: 'name', label: 'Name', required: true, doc: 'The preferred name (English where one is used).' },
  alias: { type: 'name', label: 'Alias', multiple: true, doc: 'Other names: Chinese names, abbreviations, former names.' },
  description: { type: 'text', label: 'Description', multiple: true },
  segment: { type: 'enum', label: 'Segment', multiple: true, values: SEGMENT_IDS, doc: 'The report segments (§3.1–3.6) this entity belongs to.' },
  website: { type: 'url', label: 'Website' },
  relatedTo: { type: 'entity', label: 'Related to', multiple: true, range: [] as readonly KindName[], doc: 'Any other entity (range: all kinds).' },
  note: { type: 'text', label: 'Note', multiple: true },
};

const ORG_KINDS = [
  'state-owned-enterprise', 'subsidiary-academy', 'private-company', 'mixed-ownership', 'government-agency',
  'military-unit', 'university-lab', 'investor-fund', 'international-organization', 'foreign-agency-company',
] as const;

export const KINDS = {
  Organization: {
    label: 'Organization', plural: 'Organizations', prefix: 'org',
    doc: 'A company, agency, academy, military unit, university, fund or international body.',
    properties: {
      orgKind: { type: 'enum', label: 'Kind of organization', required: true, values: ORG_KINDS },
      country: { type: 'country', label: 'Country' },
      parent: { type: 'entity', label: 'Parent organization', range: ['Organization'] },
      headquarters: { type: 'string', label: 'Headquarters (city)' },
      hub: { type: 'entity', label: 'Hub', range: ['Hub'] },
      location: { type: 'coordinates', label: 'Location (headquarters)' },
      founded: { type: 'date', label: 'Founded' },
      activity: { type: 'text', label: 'Activity', multiple: true, doc: 'What the sources say the organization did.' },
      gcatCode: { type: 'string', label: 'GCAT organization code' },
      fundingTotal: { type: 'money', label: 'Funding raised (total)' },
      valuation: { type: 'money', label: 'Valuation' },
      employees: { type: 'integer', label: 'Employees' },
      agreementCount: { type: 'integer', label: 'Agreements signed' },
      partnerCountryCount: { type: 'integer', label: 'Partner countries' },
      sanction: { type: 'text', label: 'Sanction or listing', multiple: true },
    },
  },
  Person: {
    label: 'Person', plural: 'People', prefix: 'person',
    doc: 'An astronaut, official or other person the sources name.',
    properties: {
      nationality: { type: 'country', label: 'Nationality' },
      role: { type: 'string', label: 'Role', multiple: true },
      affiliation: { type: 'entity', label: 'Affiliation', multiple: true, range: ['Organization'] },
    },
  },
  Country: {
    label: 'Country', plural: 'Countries', prefix: 'country',
    doc: 'A state, identified by its ISO 3166-1 alpha-2 code (entity id country.<code in lower case>).',
    properties: {
      iso2: { type: 'country', label: 'ISO 3166-1 alpha-2', required: true },
    },
  },
  Hub: {
    label: 'Hub', plural: 'Hubs', prefix: 'hub',
    doc: 'A regional cluster of space activity (report Figure 3).',
    properties: {
      figureNumber: { type: 'integer', label: 'Number in Figure 3' },
      city: { type: 'string', label: 'City', multiple: true },
      province: { type: 'string', label: 'Province', multiple: true },
      principalCity: { type: 'string', label: 'Principal city', doc: 'The city the hub is drawn at: one of its cities, chosen from what the report says of the hub.' },
      location: { type: 'coordinates', label: 'Location (principal city)', doc: 'A sourced coordinate of the principal city itself (a GCAT city, province-capital or launch-site row), never a member\'s.' },
      launchSites: { type: 'integer', label: 'Launch sites (Figure 3)' },
      launchProviderHqs: { type: 'integer', label: 'Launch provider headquarters (Figure 3)' },
      launchVehicleManufacturers: { type: 'integer', label: 'Launch vehicle manufacturers (Figure 3)' },
      ttcSites: { type: 'integer', label: 'TT&C sites (Figure 3)' },
      satelliteHqs: { type: 'integer', label: 'Satellite headquarters (Figure 3)' },
      satelliteManufacturers: { type: 'integer', label: 'Satellite manufacturers (Figure 3)' },
      governmentOrganizations: { type: 'integer', label: 'Government organizations (Figure 3)' },
      universities: { type: 'integer', label: 'Universities (Figure 3)' },
    },
  },
  Facility: {
    label: 'Facility', plural: 'Facilities', prefix: 'facility',
    doc: 'A launch site, sea-launch platform, pad, TT&C or ground station, control centre, factory or landing zone.',
    properties: {
      facilityKind: {
        type: 'enum', label: 'Kind of facility', required: true,
        values: ['launch-site', 'sea-launch-platform', 'commercial-pad', 'ttc-station', 'ground-station', 'control-centre', 'factory', 'industrial-base', 'landing-zone', 'research-centre'],
      },
      status: { type: 'enum', label: 'Status', values: ['planned', 'under-construction', 'operational', 'retired'] },
      operator: { type: 'entity', label: 'Operator', multiple: true, range: ['Organization'] },
      country: { type: 'country', label: 'Country' },
      city: { type: 'string', label: 'City or province' },
      hub: { type: 'entity', label: 'Hub', range: ['Hub'] },
      location: { type: 'coordinates', label: 'Location' },
      partOf: { type: 'entity', label: 'Part of', range: ['Facility'] },
      opened: { type: 'date', label: 'Opened or first used' },
      pads: { type: 'integer', label: 'Launch pads' },
      annualLaunchCapacity: { type: 'integer', label: 'Launches per year (capacity)' },
      gcatCode: { type: 'string', label: 'GCAT site code' },
      serves: { type: 'entity', label: 'Serves', multiple: true, range: ['Program', 'Mission', 'SpaceObject'] },
    },
  },
  LaunchVehicle: {
    label: 'Launch vehicle', plural: 'Launch vehicles', prefix: 'lv',
    doc: 'A rocket family or variant.',
    properties: {
      family: { type: 'entity', label: 'Family', range: ['LaunchVehicle'] },
      manufacturer: { type: 'entity', label: 'Manufacturer', multiple: true, range: ['Organization'] },
      status: { type: 'enum', label: 'Status', values: ['in-development', 'operational', 'retired'] },
      reusability: { type: 'enum', label: 'Reusability', values: ['expendable', 'reusable-planned', 'reusable-tested', 'reusable-operational'] },
      propellant: { type: 'string', label: 'Propellant', multiple: true },
      stages: { type: 'integer', label: 'Stages' },
      leoCapacity: { type: 'number', label: 'Payload to LEO', unit: 'kg' },
      ssoCapacity: { type: 'number', label: 'Payload to SSO', unit: 'kg' },
      gtoCapacity: { type: 'number', label: 'Payload to GTO', unit: 'kg' },
      tliCapacity: { type: 'number', label: 'Payload to trans-lunar injection', unit: 'kg' },
      firstFlight: { type: 'date', label: 'First flight' },
      launchCount: { type: 'integer', label: 'Launches flown' },
      launchPrice: { type: 'money', label: 'Launch price' },
    },
  },
  SpaceObject: {
    label: 'Space object', plural: 'Space objects', prefix: 'obj',
    doc: 'A catalogued spacecraft or module (curated here; the orbital catalog adds the rest).',
    properties: {
      norad: { type: 'norad', label: 'NORAD catalog number' },
      cospar: { type: 'cospar', label: 'COSPAR id' },
      operator: { type: 'entity', label: 'Operator', multiple: true, range: ['Organization'] },
      manufacturer: { type: 'entity', label: 'Manufacturer', range: ['Organization'] },
      ownerCountry: { type: 'country', label: 'Owner country' },
      manufacturerCountry: {
        type: 'country', label: 'Manufacturer country', multiple: true,
        doc: 'Country of whoever built it (UCS "Country of Contractor", split on "/"; or a cited statement such as the report\'s Figure 5). Chinese-built means one value is CN.',
      },
      program: { type: 'entity', label: 'Program', range: ['Program'] },
      launchDate: { type: 'date', label: 'Launch date' },
      launchVehicle: { type: 'entity', label: 'Launch vehicle', range: ['LaunchVehicle'] },
      launchSite: { type: 'entity', label: 'Launch site', range: ['Facility'] },
      orbit: { type: 'enum', label: 'Orbit regime', values: ORBIT_REGIMES },
      missionType: { type: 'enum', label: 'Mission type', values: MISSION_TYPES },
      mass: { type: 'number', label: 'Mass', unit: 'kg' },
    },
  },
  Program: {
    label: 'Program', plural: 'Programs', prefix: 'program',
    doc: 'A constellation, satellite series, station or exploration program.',
    properties: {
      programKind: {
        type: 'enum', label: 'Kind of program', required: true,
        values: ['constellation', 'satellite-series', 'navigation-system', 'space-station', 'crewed-program', 'exploration-program', 'launch-program', 'other'],
      },
      operator: { type: 'entity', label: 'Operator', multiple: true, range: ['Organization'] },
      country: { type: 'country', label: 'Country' },
      partOf: { type: 'entity', label: 'Part of', range: ['Program'] },
      missionType: { type: 'enum', label: 'Mission type', multiple: true, values: MISSION_TYPES },
      orbit: { type: 'enum', label: 'Orbit regime', multiple: true, values: ORBIT_REGIMES },
      altitude: { type: 'number', label: 'Altitude', unit: 'km', multiple: true },
      plannedSize: { type: 'integer', label: 'Planned size (spacecraft)' },
      deployedCount: { type: 'integer', label: 'Deployed (as of the statement date)' },
      announced: { type: 'date', label: 'Announced' },
      started: { type: 'date', label: 'First launch or start' },
      completionTarget: { type: 'date', label: 'Target completion' },
      ituFiling: { type: 'date', label: 'ITU filing date' },
      cost: { type: 'money', label: 'Cost' },
      lifetime: { type: 'number', label: 'Design life', unit: 'years' },
      modules: { type: 'integer', label: 'Modules' },
    },
  },
  Mission: {
    label: 'Mission', plural: 'Missions', prefix: 'mission',
    doc: 'A launch, crewed flight, lunar or planetary mission.',
    properties: {
      missionKind: {
        type: 'enum', label: 'Kind of mission', required: true,
        values: ['lunar', 'mars', 'asteroid', 'planetary', 'crewed', 'cargo', 'station-module', 'science', 'test-flight', 'launch', 'other'],
      },
      norad: { type: 'norad', label: 'NORAD catalog number (the mission\'s spacecraft)', doc: 'The catalogued piece that carries the mission (the note names it when the launch put several pieces in orbit).' },
      cospar: { type: 'cospar', label: 'COSPAR id (the mission\'s spacecraft)' },
      program: { type: 'entity', label: 'Program', range: ['Program'] },
      status: { type: 'enum', label: 'Status', values: ['planned', 'in-development', 'launched', 'completed', 'failed', 'cancelled'] },
      outcome: { type: 'enum', label: 'Outcome', values: ['success', 'partial', 'failure'] },
      launchDate: { type: 'date', label: 'Launch date' },
      landingDate: { type: 'date', label: 'Landing date' },
      returnDate: { type: 'date', label: 'Return date' },
      launchVehicle: { type: 'entity', label: 'Launch vehicle', range: ['LaunchVehicle'] },
      launchSite: { type: 'entity', label: 'Launch site', range: ['Facility'] },
      destination: { type: 'string', label: 'Destination' },
      samplesReturned: { type: 'number', label: 'Samples returned', unit: 'g' },
      payloadPartner: { type: 'entity', label: 'Payload partner', multiple: true, range: ['Country', 'Organization'] },
      crew: { type: 'entity', label: 'Crew', multiple: true, range: ['Person'] },
      phase: { type: 'string', label: 'Phase' },
    },
  },
  Agreement: {
    label: 'Agreement', plural: 'Agreements', prefix: 'agreement',
    doc: 'An MOU, membership, export or launch contract, payload or training agreement.',
    properties: {
      agreementKind: {
        type: 'enum', label: 'Kind of agreement', required: true,
        values: ['mou', 'membership', 'observer', 'export-contract', 'launch-contract', 'payload-agreement', 'training-agreement', 'cooperation-agreement', 'data-sharing'],
      },
      party: { type: 'entity', label: 'Party', multiple: true, range: ['Organization', 'Country'] },
      framework: { type: 'entity', label: 'Framework', range: ['Program', 'Organization', 'Agreement'] },
      signed: { type: 'date', label: 'Signed or joined' },
      ended: { type: 'date', label: 'Ended' },
      value: { type: 'money', label: 'Value' },
      subject: { type: 'entity', label: 'Subject', multiple: true, range: ['Program', 'Mission', 'Facility', 'SpaceObject', 'LaunchVehicle'] },
    },
  },
  Investment: {
    label: 'Investment', plural: 'Investments', prefix: 'investment',
    doc: 'A funding round or an aggregate investment series.',
    properties: {
      investmentKind: {
        type: 'enum', label: 'Kind of investment', required: true, values: ['funding-round', 'uncounted-rounds', 'aggregate', 'government-fund', 'ipo'],
        doc: 'funding-round: one round; uncounted-rounds: one entry for a company\'s funding rounds that the source names without counting them (one or more rounds, e.g. "major funding rounds"); '
          + 'aggregate: investment summed over companies or years; government-fund: government funding or an allocation; ipo: a listing.',
      },
      investee: { type: 'entity', label: 'Investee', range: ['Organization'] },
      investor: { type: 'entity', label: 'Investor', multiple: true, range: ['Organization'] },
      amount: { type: 'money', label: 'Amount' },
      date: { type: 'date', label: 'Date' },
      round: { type: 'string', label: 'Round' },
    },
  },
  PolicyDocument: {
    label: 'Policy document', plural: 'Policy documents', prefix: 'policy',
    doc: 'A plan, white paper, regulation or guideline (report Figure 1 and §2–3).',
    properties: {
      policyKind: {
        type: 'enum', label: 'Kind of document', required: true,
        values: ['five-year-plan', 'white-paper', 'long-term-plan', 'regulation', 'law', 'guideline', 'notice', 'speech', 'other'],
      },
      issuer: { type: 'entity', label: 'Issuer', multiple: true, range: ['Organization'] },
      issued: { type: 'date', label: 'Issued' },
      documentNumber: { type: 'string', label: 'Document number' },
      country: { type: 'country', label: 'Country' },
    },
  },
  Goal: {
    label: 'Goal', plural: 'Goals', prefix: 'goal',
    doc: 'A stated target: what, how much, by when, set by whom, in which document; and whether it was met.',
    properties: {
      target: { type: 'text', label: 'Target', required: true },
      targetValue: { type: 'number', label: 'Target value' },
      targetUnit: { type: 'string', label: 'Target unit' },
      deadline: { type: 'date', label: 'Deadline' },
      setBy: { type: 'entity', label: 'Set by', multiple: true, range: ['Organization', 'Person'] },
      setIn: { type: 'entity', label: 'Set in', multiple: true, range: ['PolicyDocument'] },
      setDate: { type: 'date', label: 'Date set' },
      goalStatus: { type: 'enum', label: 'Status', values: ['met-early', 'met-on-time', 'met-late', 'pending', 'missed', 'unknown'] },
      achieved: { type: 'date', label: 'Date achieved' },
      evidence: { type: 'text', label: 'Evidence', multiple: true },
      concerns: { type: 'entity', label: 'Concerns', multiple: true, range: [] },
    },
  },
  Risk: {
    label: 'Risk', plural: 'Risks', prefix: 'risk',
    doc: 'A risk to American industry or a national strategic risk (report §3.x.4).',
    properties: {
      riskScope: { type: 'enum', label: 'Scope', required: true, values: ['industry', 'national-strategic'] },
      number: { type: 'integer', label: 'Number within its section' },
      concerns: { type: 'entity', label: 'Concerns', multiple: true, range: [] },
    },
  },
  Recommendation: {
    label: 'Recommendation', plural: 'Recommendations', prefix: 'rec',
    doc: 'One of the report\'s 21 recommendations (§4).',
    properties: {
      number: { type: 'integer', label: 'Number within its segment', required: true },
      answers: { type: 'entity', label: 'Answers risk', multiple: true, range: ['Risk'] },
      concerns: { type: 'entity', label: 'Concerns', multiple: true, range: [] },
    },
  },
  KeyFinding: {
    label: 'Key finding', plural: 'Key findings', prefix: 'finding',
    doc: 'One of the report\'s five key findings.',
    properties: {
      number: { type: 'integer', label: 'Number', required: true },
      headline: { type: 'text', label: 'Headline', required: true },
    },
  },
  Claim: {
    label: 'Quantitative claim', plural: 'Quantitative claims', prefix: 'claim',
    doc: 'A number a source asserts (e.g. "six operational spaceports"), with the metric that defines what it counts, to compare with what independent data measure.',
    properties: {
      finding: { type: 'entity', label: 'Key finding', range: ['KeyFinding'] },
      quote: { type: 'text', label: 'Quoted text', required: true },
      value: { type: 'number', label: 'Value' },
      unit: { type: 'string', label: 'Unit' },
      metric: { type: 'string', label: 'Metric id', doc: 'The metric (data/rules/metrics.yaml) that defines what the number counts and how it is measured.' },
      targetDate: { type: 'date', label: 'Target date', doc: 'For a projection or target: the date by which the value is to be reached.' },
      concerns: { type: 'entity', label: 'Concerns', multiple: true, range: [] },
    },
  },
  Event: {
    label: 'Event', plural: 'Events', prefix: 'event',
    doc: 'A dated milestone (first flight, test, announcement) for the timeline.',
    properties: {
      eventKind: { type: 'enum', label: 'Kind of event', required: true, values: ['milestone', 'test', 'announcement', 'launch', 'policy', 'other'] },
      date: { type: 'date', label: 'Date', required: true },
      concerns: { type: 'entity', label: 'Concerns', multiple: true, range: [] },
    },
  },
} as const satisfies Record<KindName, KindDef>;


export function kindByPrefix(prefix: string): KindName | undefined {
  return KIND_NAMES.find((k) => KINDS[k].prefix === prefix);
}

/** All properties of a kind, common ones first. An empty range means "any kind". */
const PROPERTIES_BY_KIND = new Map<KindName, Readonly<Record<string, PropertyDef>>>();

/** A kind's properties with the common ones (built once per kind: table views ask for them per cell). */
export function propertiesOf(kind: KindName): Readonly<Record<string, PropertyDef>> {
  let props = PROPERTIES_BY_KIND.get(kind);
  if (!props) PROPERTIES_BY_KIND.set(kind, (props = Object.freeze({ ...COMMON_PROPERTIES, ...(KINDS[kind].properties as Record<string, PropertyDef>) })));
  return props;
}

/** Date properties that are targets, not events: a goal's deadline, a programme's target completion, a claim's target date. */
export const TARGET_DATE_PROPERTIES: readonly string[] = ['deadline', 'completionTarget', 'targetDate'];
