/**
 * "What changed since September?" The world feed against the raw GCAT files (plain field
 * splitting): by world date, no launch before the date, every Chinese launch after it; the
 * record audit still lists the first load; CSV paged through its Link header equals JSON paging.
 */
import { expect, it } from 'vitest';
import { rawLines } from '../../support/raw-files.js';
import type { AnswerSuite } from '../harness.js';

interface Item { id: string; type: string; day: string; date: string; country: string | null; sourceId: string; recordedAt: string }
interface Page { view: string; items: Item[]; next: string | null }

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "2024 Dec  8 0512:30" → 2024-12-08. */
function gcatDay(text: string): string {
  const [y, m, d] = text.trim().split(/\s+/);
  return `${y}-${String(MONTHS.indexOf(m!) + 1).padStart(2, '0')}-${d!.padStart(2, '0')}`;
}

/** Launch tags of the raw launch log with their day and launch vehicle state (first row of each tag). */
function rawLaunches(): Map<string, { day: string; state: string }> {
  const out = new Map<string, { day: string; state: string }>();
  for (const l of rawLines('gcat_launchlog_2024-12-08.tsv.gz').filter((x) => !x.startsWith('#'))) {
    const f = l.split('\t');
    const tag = f[0]!.trim();
    if (!out.has(tag)) out.set(tag, { day: gcatDay(f[1]!), state: f[17]!.trim() });
  }
  return out;
}

/** Failed-launch tags of the raw ftocat extract whose rocket-stage rows are Chinese (State CN), with their day. */
function rawChineseFailures(): Map<string, string> {
  const lines = rawLines('gcat_ftocat_extract_2024-12-18_to_2026-08-10.tsv.gz');
  const header = lines[0]!.split('\t');
  const [iTag, iType, iDate, iState] = ['Launch_Tag', 'Type', 'LDate', 'State'].map((c) => header.indexOf(c)) as [number, number, number, number];
  const out = new Map<string, string>();
  for (const l of lines.slice(1)) {
    const f = l.split('\t');
    if (f[iType]!.trim().startsWith('R') && f[iState]!.trim() === 'CN') out.set(f[iTag]!.trim(), gcatDay(f[iDate]!));
  }
  return out;
}

export const answers: AnswerSuite = (ctx) => {
  async function allPages(path: string): Promise<Item[]> {
    const out: Item[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await ctx().get(`${path}${cursor ? `&cursor=${cursor}` : ''}`);
      out.push(...page.items);
      cursor = page.next;
    } while (cursor);
    return out;
  }

  it('every goal the goal tracker judges met, with a date achieved, is one goal-status change (met with no deadline stated too)', async () => {
    const goals = await ctx().get<{ items: { id: string; values: Record<string, { value: string }[]>; judged: { status: string } }[] }>('/api/v1/goals?asOf=2026-12-07');
    const met = goals.items.filter((g) => g.judged.status.startsWith('met') && g.values.achieved?.length);
    expect(met.some((g) => g.judged.status === 'met')).toBe(true);
    const changes = (await allPages('/api/v1/changes?type=goal-status&limit=100')).filter((c) => c.id.includes(':met'));
    expect(changes.map((c) => c.id).sort()).toEqual(met.map((g) => `goal-status:${g.id}:${g.judged.status}`).sort());
  });

  it('lists a curated event dated only to a year or month once that year or month has ended, not while it may be a plan', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const since = `${Number(today.slice(0, 4)) - 1}-01-01`;
    const curated = (await allPages(`/api/v1/changes?since=${since}&limit=200`))
      .filter((c) => ['milestone', 'agreement-signed', 'membership-joined', 'agreement-ended'].includes(c.type));
    const periodEnd = (date: string) => {
      const d = date.replace('~', '');
      if (d.length === 4) return `${d}-12-31`;
      if (d.length === 7) return new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)), 0)).toISOString().slice(0, 10);
      return d.slice(0, 10);
    };
    expect(curated.filter((c) => periodEnd(c.date) > today)).toEqual([]);
  });

  it('says so when a changed value\'s new statement is unverified (Jilin-1 117 → 130)', async () => {
    const changes = await allPages('/api/v1/changes?type=value-changed&limit=50');
    expect(changes.length).toBeGreaterThan(0);
    for (const c of changes as (Item & { entityId: string; title: string })[]) {
      const statementId = c.id.split(':')[1]!;
      const entity = await ctx().get<{ properties: { statements: { id: string; status: string; value: string; qualifier: string | null }[] }[] }>(`/api/v1/entities/${c.entityId}`);
      const s = entity.properties.flatMap((p) => p.statements).find((x) => x.id === statementId);
      expect(s, statementId).toBeDefined();
      expect(c.title.endsWith('(the new value is unverified)'), c.title).toBe(s!.status === 'unverified');
      // The new value as its source qualifies it ("approximately 130", not a bare 130).
      expect(c.title, c.id).toContain(`→ ${s!.qualifier ? `${s!.qualifier} ` : ''}${s!.value}`);
    }
  });

  it('since 2025-09-01 holds nothing dated before it, and every Chinese failed launch after it (ftocat)', async () => {
    const items = await allPages('/api/v1/changes?since=2025-09-01&limit=40');
    expect(items.length).toBeGreaterThan(0);
    expect(items.filter((c) => c.day < '2025-09-01')).toEqual([]);
    expect(items.some((c) => c.id === 'launch:1957 ALP')).toBe(false);
    const chinese = await allPages('/api/v1/changes?since=2025-09-01&type=launch&country=CN&limit=40');
    const expected = [...rawChineseFailures()].filter(([, day]) => day >= '2025-09-01').map(([tag]) => `launch:${tag}`).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(chinese.map((c) => c.id).sort()).toEqual(expected);
  });

  it('says beside the launches that after the launch log\'s end only failures are known, and what a filter or a missing feed leaves out', async () => {
    type GapPage = Page & { gaps: string[]; items: (Item & { title: string })[] };
    const end = [...rawLaunches().values()].map((l) => l.day).sort().at(-1)!;
    const after = await ctx().get<GapPage>(`/api/v1/changes?since=${end}&type=launch&country=CN&limit=100`);
    // Every launch listed after the end is a failure from the failed-to-orbit catalog, and the page says why.
    const later = after.items.filter((c) => c.day > end);
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((c) => rawChineseFailures().has(c.id.slice('launch:'.length)))).toBe(true);
    expect(after.gaps.some((g) => g.includes(`ends on ${end}`) && g.includes('every launch listed after') && g.includes('is a failure'))).toBe(true);
    // A window that ends before the log's end needs no such warning.
    const before = await ctx().get<GapPage>(`/api/v1/changes?since=2024-01-01&until=2024-06-30&type=launch&limit=1`);
    expect(before.gaps.some((g) => g.includes('launch log'))).toBe(false);
    // A segment filter leaves the catalog records out, and says so.
    const segment = await ctx().get<GapPage>('/api/v1/changes?since=2000-01-01&segment=launch-reentry&limit=100');
    expect(segment.items.some((c) => c.type === 'launch')).toBe(false);
    expect(segment.gaps.some((g) => g.includes('leaves out launches'))).toBe(true);
    // Decays come from the SATCAT alone: without one stored, the page says none can be listed.
    const status = await ctx().get<{ origins: { origin: string }[] }>('/api/v1/status');
    const decays = await ctx().get<GapPage>('/api/v1/changes?since=2000-01-01&type=decay&limit=1');
    const satcat = status.origins.some((o) => o.origin === 'ingest:celestrak-satcat');
    expect(decays.gaps.some((g) => g.startsWith('No CelesTrak SATCAT is stored'))).toBe(!satcat);
    // The country filter says what it matches.
    expect(after.gaps.some((g) => g.startsWith('The country filter (CN)'))).toBe(true);
  });

  it('lists a curated event once, at its most precise date, however many sources date it alike or at another precision', async () => {
    type Dated = Item & { entityId: string | null; property: string | null };
    const items = (await allPages('/api/v1/changes?since=1950-01-01&limit=1000')) as Dated[];
    const curated = items.filter((c) => c.entityId && c.property && ['milestone', 'agreement-signed', 'membership-joined', 'agreement-ended'].includes(c.type));
    expect(curated.length).toBeGreaterThan(50);
    const byFact = new Map<string, string[]>();
    for (const c of curated) (byFact.get(`${c.entityId}|${c.property}`) ?? byFact.set(`${c.entityId}|${c.property}`, []).get(`${c.entityId}|${c.property}`)!).push(c.date.replace('~', ''));
    for (const [fact, dates] of byFact) {
      for (const a of dates) for (const b of dates) {
        if (a === b) continue;
        // Two listed dates of one fact must conflict: neither the same nor one a more precise form of the other.
        expect(a.startsWith(`${b}-`) || b.startsWith(`${a}-`), `${fact}: ${a} / ${b}`).toBe(false);
      }
      expect(new Set(dates).size, fact).toBe(dates.length);
    }
    // The audit's example: Beijing-3C's start, dated 2024-05 and 2024-05-20 by its sources, is one change on 2024-05-20.
    expect(byFact.get('program.beijing-3c|started')).toEqual(['2024-05-20']);
    // Sources that give different dates stay apart, and each row names the others.
    const conflicts = [...byFact].filter(([, dates]) => dates.length > 1);
    expect(conflicts.length).toBeGreaterThan(0);
    for (const [fact, dates] of conflicts) {
      for (const c of curated.filter((x) => `${x.entityId}|${x.property}` === fact) as (Dated & { title: string })[]) {
        for (const other of dates.filter((d) => d !== c.date.replace('~', ''))) expect(c.title, fact).toMatch(new RegExp(`sources differ: also dated [^)]*${other}`));
      }
    }
  });

  it('every Chinese launch of the raw launch log since 2024-09-01, and no other launch, on its launch day', async () => {
    const items = await allPages('/api/v1/changes?since=2024-09-01&until=2024-12-09&type=launch&country=CN&limit=25');
    const raw = [...rawLaunches()].filter(([, l]) => l.state === 'CN' && l.day >= '2024-09-01');
    expect(raw.length).toBeGreaterThan(10);
    expect(items.map((c) => [c.id, c.day]).sort()).toEqual(raw.map(([tag, l]) => [`launch:${tag}`, l.day]).sort());
    expect(new Set(items.map((c) => c.country))).toEqual(new Set(['CN']));
  });

  it('orders by world date, newest first by default and oldest first on request, not by load time', async () => {
    const newest = (await ctx().get<Page>('/api/v1/changes?limit=50')).items;
    expect(newest.map((c) => c.day)).toEqual([...newest.map((c) => c.day)].sort().reverse());
    const today = new Date().toISOString().slice(0, 10);
    expect(newest.every((c) => c.day <= today)).toBe(true);
    const oldest = (await ctx().get<Page>('/api/v1/changes?order=oldest&type=launch&limit=1')).items;
    const first = [...rawLaunches()].sort(([, a], [, b]) => a.day.localeCompare(b.day))[0]!;
    expect(oldest.map((c) => c.id)).toEqual([`launch:${first[0]}`]);
  });

  it('keeps the record audit: view=records still lists the first load of the launch log', async () => {
    const records = await ctx().get<{ view: string; items: { subject: string; subjectId: string; origin: string }[] }>('/api/v1/changes?view=records&subject=launch&limit=1000');
    expect(records.view).toBe('records');
    expect(records.items.some((r) => r.subjectId === '1957 ALP' && r.origin === 'ingest:gcat-launchlog')).toBe(true);
  });

  it('pages CSV through its Link header to exactly the rows JSON paging gives', async () => {
    const path = '/api/v1/changes?since=2024-06-01&limit=30';
    const json = (await allPages(path)).map((c) => c.id);
    const csvIds: string[] = [];
    let url: string | null = `${path}&format=csv`;
    let pages = 0;
    while (url) {
      const res = await ctx().app.inject(url);
      expect(res.statusCode).toBe(200);
      const lines = res.body.split('\r\n').filter((l) => l);
      expect(lines.filter((l) => l.startsWith('#'))).toEqual([]);
      const header = lines[0]!.split(',');
      const idAt = header.indexOf('id');
      expect(idAt).toBe(header.length - 1);
      csvIds.push(...lines.slice(1).map((l) => l.slice(l.lastIndexOf(',') + 1)));
      const links: string[] = String(res.headers.link ?? '').split(', ');
      expect(links.some((l) => l.endsWith('rel="describedby"; type="application/csvm+json"'))).toBe(true);
      const link: RegExpExecArray | undefined = links.map((l) => /^<([^>]+)>; rel="next"$/.exec(l)).find((m) => m !== null) ?? undefined;
      url = link ? new URL(link[1]!).pathname + new URL(link[1]!).search : null;
      pages++;
    }
    expect(pages).toBeGreaterThan(1);
    expect(csvIds).toEqual(json);
  });

  it('links the next Atom page and rejects a cursor of the other view', async () => {
    const atom = await ctx().app.inject('/api/v1/changes.atom?type=launch&limit=3');
    expect(atom.body.match(/<entry>/g)).toHaveLength(3);
    expect(atom.body).toMatch(/<link rel="next" href="[^"]+cursor=[A-Za-z0-9_-]+"\/>/);
    const bad = await ctx().app.inject('/api/v1/changes?cursor=12');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('querystring.cursor');
    expect((await ctx().app.inject('/api/v1/changes?subject=launch')).statusCode).toBe(400);
  });
};
