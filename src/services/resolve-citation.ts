/**
 * Resolves a permalink of the web app into the view it shows, for citing: its kind, title,
 * as-of date and the sources behind it (looked up in the store), then formats the citation
 * (src/analytics/citation*.ts). Unknown entities, statements, charts, indicators → 404.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { Rules } from '../ingest/rules/read-rules.js';
import { entityHeading, sourcePairs, statementWithEntity } from '../store/queries/cited-sources.js';
import { timelineItems } from '../store/queries/timeline.js';
import { TABLE_VIEWS } from '../model/table-views.js';
import { entityTable } from './entity-tables.js';
import { KIND_NAMES, propertiesOf, type KindName } from '../model/kinds.js';
import { SEGMENTS } from '../model/segments.js';
import { REPORT_SOURCE_ID } from '../model/report-figures.js';
import { buildCitation, type Citation, type CitedSource, type CitedView, type CitedViewKind } from '../analytics/citation.js';
import { indicators } from './indicators.js';
import { citedSources, type Pair } from './cited-sources.js';
import { BY_SOURCES, CHART_CITATIONS, MAP_CITATIONS, newestFeedDate, type DataDate } from './cited-figures.js';
import { PermalinkError, parsePermalink, type Permalink } from './permalink.js';

type Resolved = { kind: CitedViewKind; id: string; title: string; pairs: Pair[] } & DataDate;

const DATE = /^\d{4}(?:-\d{2}){0,2}$/;

/**
 * The newest publication date of the sources (curated data are as of their sources), else the newest data
 * in the store. Where the sources were published on different dates, the basis names the range: a view
 * drawn from sources of several dates is not all as of the newest.
 */
async function dataDate(db: Kysely<Database>, d: DataDate, sources: CitedSource[]): Promise<{ asOf: string | null; asOfBasis: string }> {
  if (!('bySources' in d)) return d;
  const dates = sources.map((s) => s.published).filter((p): p is string => !!p && DATE.test(p)).sort();
  const [oldest, newest] = [dates[0], dates.at(-1)];
  if (!newest) return newestFeedDate(db);
  const range = oldest !== newest ? `; its sources were published from ${oldest} to ${newest}, so parts of it are as of earlier dates` : '';
  return { asOf: newest, asOfBasis: `newest publication date of its sources${range}` };
}

const notFound = (what: string) => new PermalinkError(404, what);

async function entityView(db: Kysely<Database>, p: Permalink): Promise<Resolved> {
  const id = p.params.id!;
  const statementId = p.query.get('statement');
  if (statementId) {
    const s = await statementWithEntity(db, statementId);
    if (!s || s.entity_id !== id) throw notFound(`entity "${id}" has no statement "${statementId.slice(0, 120)}"`);
    const label = KIND_NAMES.includes(s.kind as KindName) ? propertiesOf(s.kind as KindName)[s.property]?.label ?? s.property : s.property;
    return {
      kind: 'statement', id: s.id, title: `${s.caption}: ${label}: ${s.value}`,
      pairs: [{ sourceId: s.source_id, locator: s.locator }],
      ...(s.as_of ? { asOf: s.as_of, asOfBasis: 'the date the source gives for the value' } : BY_SOURCES),
    };
  }
  const e = await entityHeading(db, id);
  if (!e) throw notFound(`no entity "${id.slice(0, 120)}"`);
  return {
    kind: 'entity', id: e.id, title: e.caption, pairs: await sourcePairs(db, { entityIds: [e.id] }),
    ...BY_SOURCES,
  };
}

async function indicatorView(db: Kysely<Database>, rules: Rules, claimId: string): Promise<Resolved> {
  const data = await indicators(db, rules);
  const claim = [...data.findings.flatMap((f) => f.claims), ...data.otherClaims].find((c) => c.id === claimId);
  if (!claim) throw notFound(`no indicator (key-finding claim) "${claimId.slice(0, 120)}"`);
  const live = claim.live;
  return {
    kind: 'indicator', id: claim.id, title: claim.definition ? `${claim.definition.label}: “${claim.quote}”` : `“${claim.quote}”`,
    pairs: [{ sourceId: claim.sourceId, locator: claim.locator }, ...(live ? [...live.sources, ...(live.references ?? [])].map((sourceId) => ({ sourceId, locator: null })) : [])],
    asOf: live?.asOf ?? claim.claimDate, asOfBasis: live ? 'date of the data the independent measure uses' : 'date of the claim',
  };
}

/** A kind's table view under its facet filters and text filter: the sources of every value in its rows. */
async function tableCitation(db: Kysely<Database>, p: Permalink): Promise<Resolved> {
  const kind = p.params.kind as KindName;
  if (!KIND_NAMES.includes(kind)) throw notFound(`no table of kind "${String(p.params.kind).slice(0, 120)}"`);
  const view = TABLE_VIEWS[kind];
  const filters: Record<string, string> = {};
  for (const facet of view.facets) {
    const value = p.query.get(facet);
    if (value !== null) filters[facet] = value;
  }
  const q = p.query.get('q') ?? undefined;
  const t = await entityTable(db, kind, { filters, q, sort: 'name', columns: view.columns, facets: [] });
  const pairs = t.rows.flatMap((r) => Object.values(r.cells).flat().flatMap((c) => c.sources.map((s) => ({ sourceId: s.id, locator: s.locator }))));
  const where = [...Object.entries(filters).map(([k, v]) => `${k} = ${v}`), ...(q ? [`text “${q.slice(0, 80)}”`] : [])];
  const title = `${kind} table${where.length ? ` (${where.join(', ')})` : ''}: ${t.total} of ${t.totalUnfiltered} rows`;
  return { kind: 'table', id: kind, title, pairs, ...BY_SOURCES };
}

async function pageView(db: Kysely<Database>, rules: Rules, p: Permalink): Promise<Resolved> {
  const plain = async (kind: CitedViewKind, id: string, title: string, pairs: Pair[] = []): Promise<Resolved> => ({ kind, id, title, pairs, ...BY_SOURCES });
  switch (p.route) {
    case 'entity': return entityView(db, p);
    case 'home': {
      const claim = p.query.get('indicator');
      if (claim) return indicatorView(db, rules, claim);
      return plain('page', 'key-findings', 'Key findings', await sourcePairs(db, { kinds: ['KeyFinding', 'Claim'] }));
    }
    case 'chart': case 'map': {
      const name = p.params.name!;
      const table = p.route === 'chart' ? CHART_CITATIONS : MAP_CITATIONS;
      const build = Object.hasOwn(table, name) ? table[name] : undefined;
      if (!build) throw notFound(`no ${p.route} "${name.slice(0, 120)}"`);
      const f = await build(db, rules, p.query);
      return { kind: p.route, id: name, ...f };
    }
    case 'segment': {
      const seg = SEGMENTS.find((s) => s.id === p.params.id);
      if (!seg) throw notFound(`no segment "${p.params.id!.slice(0, 120)}"`);
      return plain('segment', seg.id, `${seg.label} (report §${seg.section})`,
        [{ sourceId: REPORT_SOURCE_ID, locator: `§${seg.section}` }, ...(await sourcePairs(db, { segment: seg.id }))]);
    }
    case 'timeline': {
      const items = await timelineItems(db, { segment: p.query.get('segment') ?? undefined, limit: 5000 });
      return plain('timeline', 'timeline', 'Timeline', items.flatMap((i) => i.sources.map((s) => ({ sourceId: s.sourceId, locator: s.locator }))));
    }
    case 'changes': return plain('changes', 'changes', 'Changes');
    case 'search': {
      const q = p.query.get('q');
      return plain('page', 'search', q ? `Search: ${q.slice(0, 200)}` : 'Search');
    }
    case 'charts': return plain('page', 'charts', 'Charts and maps');
    case 'tiangong': return plain('page', 'tiangong', 'Tiangong');
    case 'sources': return plain('page', 'sources', 'Sources');
    case 'table': return tableCitation(db, p);
  }
}

/** The citation of the view at `url` (a permalink; relative ones are read against `base`), accessed on `accessed` (YYYY-MM-DD). */
export async function resolveCitation(db: Kysely<Database>, rules: Rules, url: string, base: string, accessed: string): Promise<Citation> {
  const p = parsePermalink(url, base);
  const r = await pageView(db, rules, p);
  const { sources, more } = await citedSources(db, r.pairs);
  const { asOf, asOfBasis } = await dataDate(db, r, sources);
  const view: CitedView = { kind: r.kind, id: r.id, title: r.title, permalink: p.href, asOf, asOfBasis, sources, moreSources: more };
  return buildCitation(view, accessed);
}
