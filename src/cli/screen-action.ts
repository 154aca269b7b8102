/** The screen command's work (screen-command.ts defines it): the screener loads only when it runs. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withStore } from './with-store.js';
import { formatTable } from './format-table.js';
import { loadRules } from '../services/analytics.js';
import { conjunctionReport } from '../services/conjunctions.js';
import { poolRunner } from '../services/screen-runners.js';
import { cdmFileName, writeCdm } from '../analytics/conjunctions/cdm.js';
import type { ObjectKind } from '../analytics/attribution.js';

const list = (s: string): string[] => s.split(',').map((x) => x.trim()).filter(Boolean);

export interface Opts { primary?: string; country?: string; kinds?: string; start?: string; days: string; thresholdKm: string; asOf?: string; json?: boolean; cdm?: string }

export function runScreen(opts: Opts): Promise<void> {
  return withStore(async (store, settings) => {
  const num = (name: string, v: string): number => {
    const n = Number(v);
    if (!Number.isFinite(n)) throw new Error(`${name} must be a number, got ${JSON.stringify(v)}`);
    return n;
  };
  const report = await conjunctionReport(store.db, loadRules(settings.rulesDir), {
    primaries: opts.primary ? list(opts.primary).map((x) => num('--primary', x)) : undefined,
    country: opts.country,
    kinds: opts.kinds ? (list(opts.kinds) as ObjectKind[]) : undefined,
    start: opts.start,
    days: num('--days', opts.days),
    thresholdKm: num('--threshold-km', opts.thresholdKm),
    asOf: opts.asOf,
  }, poolRunner());
  if (opts.cdm) {
    mkdirSync(opts.cdm, { recursive: true });
    const created = new Date().toISOString();
    report.events.forEach((ev, i) => writeFileSync(join(opts.cdm!, cdmFileName(ev)),
      writeCdm(ev, { creationDate: created, originator: 'REDSHIFT-MONITOR', messageId: `${report.snapshot.id}-${i + 1}` })));
  }
  if (opts.json) return console.log(JSON.stringify(report, null, 2));
  console.log(`Conjunctions within ${report.thresholdKm} km, ${report.start} to ${report.stop}; primaries: ${report.primarySelection}`);
  console.log(`GP snapshot ${report.snapshot.id} (as of ${report.snapshot.asOf}, ${report.snapshot.objectCount} objects)`);
  if (report.missingPrimaries.length) console.log(`not in the snapshot: ${report.missingPrimaries.join(', ')}`);
  console.log(formatTable(['TCA (UTC)', 'primary', 'secondary', 'miss km', 'speed km/s', 'R km', 'T km', 'N km', 'element ages d'],
    report.events.map((e) => [e.tca, `${e.primary.objectName} (${e.primary.noradId})`, `${e.secondary.objectName} (${e.secondary.noradId})`,
      e.missDistanceKm.toFixed(3), e.relativeSpeedKmS.toFixed(2), e.relativePositionRtnKm.r.toFixed(3), e.relativePositionRtnKm.t.toFixed(3),
      e.relativePositionRtnKm.n.toFixed(3), `${e.primary.elementAgeDays.toFixed(2)} / ${e.secondary.elementAgeDays.toFixed(2)}`])));
  if (report.groups.length) console.log(`grouped, not reported: ${report.groups.map((g) => `${g.secondary.objectName} with ${g.primary.objectName} (${g.reason})`).join('; ')}`);
  const c = report.counts;
  console.log(`pairs ${c.pairs} → ${c.pairsAfterOrbitFilter} after the orbit filter; ${c.coarseSteps} steps of ${report.stepSeconds} s; ${c.intervalsRefined} intervals refined`);
  if (opts.cdm) console.log(`${report.events.length} CDM file(s) written to ${opts.cdm}`);
  console.log(report.method);
});
}
