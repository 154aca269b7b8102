/** The footer line that says how current each dataset is (from /api/v1/status). */
import { apiGet } from '../api/client.ts';
import type { StoreStatus } from '../api/types.ts';
import { fill, h } from '../dom.ts';

const LABELS: Record<string, string> = {
  'ingest:gcat-launchlog': 'launch log',
  'ingest:celestrak-gp': 'orbital elements',
  'ingest:gcat-ftocat': 'failed-to-orbit catalog',
  'ingest:ucs': 'UCS database',
};

export async function showDataStatus(el: HTMLElement): Promise<void> {
  try {
    const s = await apiGet<StoreStatus>('status');
    const parts = s.origins.filter((o) => LABELS[o.origin] && o.dataAsOf).map((o) => `${LABELS[o.origin]} to ${o.dataAsOf}`);
    fill(el, h('strong', null, 'Data: '),
      `${s.totals.entities.toLocaleString('en-US')} entities, ${s.totals.statements.toLocaleString('en-US')} sourced statements`,
      parts.length ? `; ${parts.join(', ')}.` : '.');
  } catch {
    fill(el, 'Data status unavailable.');
  }
}
