/** The goal tracker: stated goals on time, late, missed or pending, per segment. */
import { apiGet, apiLinks } from '../api/client.ts';
import type { GoalList } from '../api/types.ts';
import { chartFigure, type DrawnTable } from '../charts/chart-frame.ts';
import { chartWidth, loadPlot } from '../charts/plot.ts';
import { h } from '../dom.ts';
import { firstValue, values } from '../entity/cited-values.ts';
import { entityLink } from '../entity/entity-link.ts';
import { formatDate } from '../format/values.ts';
import { href } from '../links.ts';
import type { PageContext } from '../page-context.ts';
import { GOAL_STATUSES, GOAL_STATUS_COLOR, GOAL_STATUS_LABEL, goalStatusPill } from '../segment/goal-status.ts';
import { segmentLabel, SEGMENTS } from '../segments.ts';

export async function renderGoals(root: HTMLElement, ctx: PageContext): Promise<void> {
  ctx.setTitle('Goal tracker');
  const [Plot, list] = await Promise.all([loadPlot(), apiGet('/goals')]);
  if (!ctx.isCurrent()) return;
  const order = [...SEGMENTS.map((s) => s.id as string), 'cross-cutting'];
  const label = (s: string) => (s === 'cross-cutting' ? 'Cross-cutting (no segment)' : segmentLabel(s));
  const rows = list.tracker.flatMap((t) => GOAL_STATUSES.map((s) => ({ segment: label(t.segment), segmentId: t.segment, status: GOAL_STATUS_LABEL[s]!, statusId: s, count: Number(t[s] ?? 0) })).filter((r) => r.count > 0))
    .sort((a, b) => order.indexOf(a.segmentId) - order.indexOf(b.segmentId));
  const chartsSlot = h('div');
  root.replaceChildren(
    h('p', { class: 'eyebrow' }, 'Chart'),
    h('h1', null, 'Goal tracker'),
    h('p', { class: 'page-intro' }, `${list.total} goals China stated in its plans, white papers and programs, and whether each was met on time, late, missed, is overdue, or is still pending, by segment. A goal in several segments counts in each.`),
    h('p', { class: 'definition', 'data-definition': 'goals' }, `Judged on ${list.asOf}. ${list.definition}`),
    chartsSlot);
  const plot = Plot.plot({
    width: chartWidth(chartsSlot), height: 60 + order.length * 34, marginLeft: 210,
    x: { grid: true, label: 'Goals →' },
    y: { domain: order.filter((s) => rows.some((r) => r.segmentId === s)).map(label), label: null },
    color: { domain: GOAL_STATUSES.map((s) => GOAL_STATUS_LABEL[s]!), range: GOAL_STATUSES.map((s) => GOAL_STATUS_COLOR[s]!) },
    marks: [Plot.barX(rows, { y: 'segment', x: 'count', fill: 'status', title: (d: (typeof rows)[number]) => `${d.segment} · ${d.status}: ${d.count}`, inset: 0.5 }), Plot.ruleX([0])],
  });
  const table: DrawnTable = { columns: ['segment', 'status', 'goals'], rows: rows.map((r) => [r.segmentId, r.statusId, r.count]) };
  chartsSlot.append(chartFigure({ id: 'goal-tracker', title: 'Goals by segment and status', permalink: href('/chart/goals') }, {
    plot, table,
    legend: GOAL_STATUSES.map((s) => ({ label: GOAL_STATUS_LABEL[s]!, color: GOAL_STATUS_COLOR[s]! })),
    sources: [...new Set(list.items.flatMap((g) => values(g, 'goalStatus').map((c) => c.sourceId)))].map((sourceId) => ({ sourceId })),
    notes: [`Each goal's page cites the passage that sets it and the evidence for its status. ${list.definition} Judged on ${list.asOf}.`],
    api: apiLinks('/goals'),
  }));
  const decided = list.items.filter((g) => ['met-early', 'met-on-time', 'met', 'met-late', 'missed', 'overdue'].includes(g.judged.status));
  chartsSlot.append(h('section', null, h('h2', null, `Goals with an outcome or overdue (${decided.length})`),
    h('table', { class: 'small' }, h('thead', null, h('tr', null, h('th', null, 'Goal'), h('th', null, 'Deadline'), h('th', null, 'Achieved'), h('th', null, 'Status'), h('th', null, 'Segments'))),
      h('tbody', null, decided.map((g) => h('tr', null,
        h('td', null, entityLink(g.id, g.caption)),
        h('td', { class: 'nowrap' }, firstValue(g, 'deadline') ? formatDate(firstValue(g, 'deadline')!) : 'none stated'),
        h('td', { class: 'nowrap' }, firstValue(g, 'achieved') ? formatDate(firstValue(g, 'achieved')!) : '—'),
        h('td', null, goalStatusPill(g.judged.status), g.judged.overdueSince ? h('div', { class: 'small muted' }, `since ${g.judged.overdueSince}`) : null,
          // Met with no stated deadline: nothing to be early, on time or late against (judgeGoal).
          g.judged.status === 'met' ? h('div', { class: 'small muted', 'data-no-deadline': '' }, 'timeliness not judged: no deadline is stated') : null),
        h('td', null, values(g, 'segment').map((s, i) => [i ? ', ' : '', h('a', { href: href(`/segment/${s.value}`) }, segmentLabel(s.value))]))))))));
}
