/** Goal statuses: labels, pill styles and chart colours, in the order the tracker stacks them. */
import { h } from '../dom.ts';
import { GOAL_STATUSES, type GoalStatus } from '../api/generated/enums.ts';

export { GOAL_STATUSES };
export const GOAL_STATUS_LABEL: Record<GoalStatus, string> = {
  'met-early': 'met early', 'met-on-time': 'met on time', met: 'met (no deadline stated)', 'met-late': 'met late', missed: 'missed', overdue: 'overdue', pending: 'pending', unknown: 'status unknown',
};
export const GOAL_STATUS_COLOR: Record<GoalStatus, string> = {
  'met-early': '#1e6b3a', 'met-on-time': '#4e9a63', met: '#9cc7a7', 'met-late': '#d49a1c', missed: '#c62828', overdue: '#e06c00', pending: '#8fb1d3', unknown: '#c9ced4',
};
const PILL: Partial<Record<GoalStatus, string>> = { 'met-early': 'pill-ok', 'met-on-time': 'pill-ok', met: 'pill-ok', 'met-late': 'pill-warn', missed: 'pill-bad', overdue: 'pill-bad' };

export function goalStatusPill(status: string): HTMLElement {
  const known = (GOAL_STATUSES as readonly string[]).includes(status) ? status as GoalStatus : undefined;
  return h('span', { class: `pill ${known ? PILL[known] ?? '' : ''}`, 'data-goal-status': status }, known ? GOAL_STATUS_LABEL[known] : status);
}
