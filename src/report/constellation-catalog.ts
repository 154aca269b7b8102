/** The report's check of each constellation's catalog count against the latest reported count, with the near-miss names left for review. */
import type { ConstellationReport } from '../services/analytics.js';
import type { Citations } from './citations.js';
import { esc, table } from './html.js';

const NAMES_SHOWN = 12;

export function catalogVsReported(cs: readonly ConstellationReport[], cites: Citations): string {
  if (!cs.length) return '';
  const asOf = cs[0]!.catalog.asOf;
  const rows = cs.map((c) => {
    const r = c.latestReported;
    const d = c.discrepancy;
    return [
      esc(c.name),
      `<span data-catalog="${esc(c.id)}">${c.catalog.count}</span>${c.catalog.inferred ? ` (${c.catalog.inferred} by an unverified rule)` : ''}${cites.cite(c.catalog.sourceId)}`,
      r ? `${esc(r.qualifier ? `${r.qualifier} ` : '')}${r.value} (${esc(r.asOf ?? 'undated')}${r.status === 'unverified' ? ', unverified' : ''})${cites.cite(r.sourceId, r.locator)}` : 'none',
      d ? `<strong data-discrepancy="${esc(c.id)}">Differs by ${d.difference > 0 ? '+' : ''}${d.difference}</strong>: ${d.causes.map((x) => esc(x.text)).join(' ')}` : (r ? 'agrees' : ''),
      c.nearMisses.length ? `${c.nearMisses.slice(0, NAMES_SHOWN).map((n) => esc(n.objectName)).join(', ')}${c.nearMisses.length > NAMES_SHOWN ? ` and ${c.nearMisses.length - NAMES_SHOWN} more` : ''}` : '',
    ];
  });
  return `<p>Catalog count against the latest count the sources report. Catalog count: payloads in the CelesTrak GP "active" snapshot of ${esc(asOf)} whose name matches one of the constellation's curated name rules (data/rules/classification.yaml); objects CelesTrak does not list as active (decayed, failed, retired) are not counted. `
    + `Where the two disagree the table says so and gives the likely causes; near misses are catalog payloads no rule matches whose names share a word with the constellation's names, or that are named only by designator and share a launch with a matched object (listed for review, not counted).</p>`
    + table(['constellation', `catalog (${asOf})`, 'latest reported', 'catalog vs reported', 'near-miss names for review'], rows, 'class="compact" data-table="constellation-catalog"');
}
