/** Step 1 of the report's method: the segment's goals, with status and the on-time record. */
import type { GoalList, GoalRow } from '../api/types.ts';
import { cite } from '../citations/cite.ts';
import { h } from '../dom.ts';
import { citedList, citedValue, firstValue, values } from '../entity/cited-values.ts';
import { entityLink } from '../entity/entity-link.ts';
import { GOAL_STATUSES, GOAL_STATUS_COLOR, GOAL_STATUS_LABEL, goalStatusPill } from './goal-status.ts';

export function onTimeRecord(goals: GoalRow[]): HTMLElement {
  const counts = GOAL_STATUSES.map((s) => ({ s, n: goals.filter((g) => g.judged.status === s).length })).filter((x) => x.n);
  const total = goals.length || 1;
  return h('div', { class: 'on-time-record' },
    h('div', { class: 'record-bar', role: 'img', 'aria-label': counts.map((c) => `${c.n} ${GOAL_STATUS_LABEL[c.s]}`).join(', ') },
      counts.map((c) => h('span', { style: `width:${(c.n / total) * 100}%;background:${GOAL_STATUS_COLOR[c.s]}`, title: `${c.n} ${GOAL_STATUS_LABEL[c.s]}` }))),
    h('p', { class: 'small' }, counts.map((c, i) => [i ? ' · ' : '', h('strong', null, c.n), ` ${GOAL_STATUS_LABEL[c.s]}`])));
}

function goalRow(g: GoalRow): HTMLElement {
  const status = values(g, 'goalStatus')[0];
  const overdue = g.judged.overdueSince
    ? h('div', { class: 'small muted' }, `overdue since ${g.judged.overdueSince}; the sources say ${g.judged.sourcedStatus}`) : null;
  return h('tr', { 'data-id': g.id },
    h('td', null, entityLink(g.id, g.caption), h('div', { class: 'small muted' }, citedList(g, 'setIn', 'entity', 'inline'))),
    h('td', { class: 'nowrap' }, values(g, 'deadline')[0] ? citedValue(values(g, 'deadline')[0]!, 'date') : '—'),
    h('td', null, goalStatusPill(g.judged.status), status ? [' ', cite(status.sourceId, status.locator)] : null, overdue,
      values(g, 'achieved')[0] ? h('div', { class: 'small muted' }, 'achieved ', citedValue(values(g, 'achieved')[0]!, 'date', false)) : null));
}

export function goalsSection(list: GoalList): HTMLElement {
  const goals = [...list.items].sort((a, b) => (firstValue(a, 'deadline') ?? '9999').replace('~', '').localeCompare((firstValue(b, 'deadline') ?? '9999').replace('~', '')));
  if (!goals.length) return h('p', { class: 'muted' }, 'No goals recorded for this segment.');
  return h('div', null,
    onTimeRecord(goals),
    h('p', { class: 'small muted' }, `Judged on ${list.asOf}. ${list.definition}`),
    h('table', { class: 'small goals' },
      h('thead', null, h('tr', null, h('th', null, 'Goal (set in)'), h('th', null, 'Deadline'), h('th', null, 'Status'))),
      h('tbody', null, goals.map(goalRow))));
}
