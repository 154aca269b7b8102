/** Goal statuses: labels, pill styles and chart colours, in the order the tracker stacks them. */
import { h } from '../dom.ts';

export const GOAL_STATUSES = ['met-early', 'met-on-time', 'met-late', 'missed', 'overdue', 'pending', 'unknown'] as const;
export const GOAL_STATUS_LABEL: Record<string, string> = {
  'met-early': 'met early', 'met-on-time': 'met on time', 'met-late': 'met late', missed: 'missed', overdue: 'overdue', pending: 'pending', unknown: 'status unknown',
};
export const GOAL_STATUS_COLOR: Record<string, string> = {
  'met-early': '#1e6b3a', 'met-on-time': '#4e9a63', 'met-late': '#d49a1c', missed: '#c62828', overdue: '#e06c00', pending: '#8fb1d3', unknown: '#c9ced4',
};
const PILL: Record<string, string> = { 'met-early': 'pill-ok', 'met-on-time': 'pill-ok', 'met-late': 'pill-warn', missed: 'pill-bad', overdue: 'pill-bad' };

export function goalStatusPill(status: string): HTMLElement {
  return h('span', { class: `pill ${PILL[status] ?? ''}`, 'data-goal-status': status }, GOAL_STATUS_LABEL[status] ?? status);
}
