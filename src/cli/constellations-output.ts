/** The constellations analytic as text: progress, the catalog count beside the latest reported count, and (with --objects) the matched objects and near misses. */
import type { ConstellationReport } from '../services/analytics.js';
import { formatTable } from './format-table.js';

const reported = (c: ConstellationReport) => {
  const r = c.latestReported;
  return r ? `${r.qualifier ? `${r.qualifier} ` : ''}${r.value} (${r.asOf ?? 'undated'}, ${r.sourceId}${r.status === 'unverified' ? ', unverified' : ''})` : '—';
};

export function printConstellations(f: { asOf: string; snapshots: { asOf: string }[]; constellations: ConstellationReport[]; note: string }, objects: boolean): void {
  console.log(`Constellations as of ${f.asOf} (snapshots: ${f.snapshots.map((s) => s.asOf).join(', ')})\n${f.note}\n`);
  console.log(formatTable(['constellation', 'planned', 'deployed by snapshot', 'share', 'per day', 'completion at that rate', 'ITU milestones'],
    f.constellations.map((c) => [c.name, c.planned ? `${c.planned.qualifier ? `${c.planned.qualifier} ` : ''}${c.planned.value}` : '?',
      c.deployed.map((d) => `${d.asOf}: ${d.count}`).join('; '), c.shareDeployed === null ? '' : `${(c.shareDeployed * 100).toFixed(2)}%`,
      c.rate ? c.rate.perDay.toFixed(2) : '', c.projectedCompletion ?? '', c.milestones.map((m) => m.status).join(', ')])));
  console.log(`\nCatalog count (snapshot of ${f.asOf}) vs the latest reported count:`);
  console.log(formatTable(['constellation', 'catalog', 'by unverified rules', 'latest reported', 'discrepancy', 'near misses'],
    f.constellations.map((c) => [c.name, c.catalog.count, c.catalog.inferred, reported(c),
      c.discrepancy ? `DIFFERS by ${c.discrepancy.difference > 0 ? '+' : ''}${c.discrepancy.difference}` : (c.latestReported ? 'agrees' : 'no reported count'), c.nearMisses.length])));
  for (const c of f.constellations.filter((x) => x.discrepancy)) {
    console.log(`\n${c.name}: catalog ${c.catalog.count} vs reported ${reported(c)}; likely causes:`);
    for (const cause of c.discrepancy!.causes) console.log(`  - [${cause.code}] ${cause.text}`);
  }
  if (!objects) return console.log('\n(--objects lists each constellation\'s matched objects and near-miss names)');
  for (const c of f.constellations) {
    console.log(`\n${c.name}: ${c.matched.length} matched, ${c.nearMisses.length} near misses (words: ${c.nearMissWords.join(', ') || 'none'})`);
    if (c.matched.length) console.log(formatTable(['norad', 'name', 'designator', 'rule'], c.matched.map((m) => [m.noradId, m.objectName, m.objectId ?? '', `${m.ruleId}${m.inferred ? ' (unverified)' : ''}`])));
    if (c.nearMisses.length) console.log(formatTable(['norad', 'near-miss name', 'designator', 'why'], c.nearMisses.map((m) => [m.noradId, m.objectName, m.objectId ?? '', m.detail])));
  }
}
