/** The footer line that says how current each dataset is (from /api/v1/status). */
import { apiGet } from '../api/client.ts';
import type { StoreStatus } from '../api/types.ts';
import { fill, h } from '../dom.ts';
import { href } from '../links.ts';

const LABELS: Record<string, string> = {
  'ingest:gcat-launchlog': 'launch log',
  'ingest:celestrak-gp': 'orbital elements',
  'ingest:gcat-ftocat': 'failed-to-orbit catalog',
  'ingest:ucs': 'UCS database',
};

export async function showDataStatus(el: HTMLElement): Promise<void> {
  try {
    const s = await apiGet('/status');
    const parts = s.origins.filter((o) => LABELS[o.origin] && o.dataAsOf).map((o) => `${LABELS[o.origin]} to ${o.dataAsOf}`);
    const refused = s.origins.filter((o) => o.origin.startsWith('ingest:') && o.lastStatus === 'failed').length;
    fill(el, h('strong', null, 'Data: '),
      `${s.totals.entities.toLocaleString('en-US')} entities, ${s.totals.statements.toLocaleString('en-US')} sourced statements`,
      parts.length ? `; ${parts.join(', ')}.` : '.',
      refused ? [' ', h('a', { href: href('/sources') }, `${refused} feed${refused === 1 ? '' : 's'} failed or refused the last download (data unchanged)`), '.'] : null);
  } catch {
    fill(el, 'Data status unavailable.');
  }
}
