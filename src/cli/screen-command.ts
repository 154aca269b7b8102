/** redshift-monitor screen: conjunction screening of primaries against a stored GP snapshot. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { withStore } from './with-store.js';
import { formatTable } from './format-table.js';
import { loadRules } from '../services/analytics.js';
import { conjunctionReport, DEFAULT_DAYS, DEFAULT_THRESHOLD_KM, MAX_SCREEN_DAYS, MAX_THRESHOLD_KM, SCREEN_KINDS } from '../services/conjunctions.js';
import { poolRunner } from '../services/screen-runners.js';
import { cdmFileName, writeCdm } from '../analytics/conjunctions/cdm.js';
import type { ObjectKind } from '../analytics/attribution.js';

interface Opts { primary?: string; country?: string; kinds?: string; start?: string; days: string; thresholdKm: string; asOf?: string; json?: boolean; cdm?: string }

const list = (s: string): string[] => s.split(',').map((x) => x.trim()).filter(Boolean);

export function registerScreen(program: Command): void {
  program.command('screen')
    .description('conjunction screening: close approaches of primaries to every object of the newest GP snapshot (SGP4/SDP4), with TCA, miss distance, relative speed and radial/in-track/cross-track components; docked stacks and formation flyers grouped')
    .option('--primary <norad,...>', 'primary objects by NORAD catalog number (e.g. 48274 for the station)')
    .option('--country <cc>', 'every object the attribution rules give to this country (ISO 3166-1 alpha-2, e.g. CN)')
    .option('--kinds <kinds>', `with --country: object kinds to screen (${SCREEN_KINDS.join(', ')}; default payload)`)
    .option('--start <iso>', 'window start, ISO 8601 UTC (default: the snapshot date at 00:00 UTC)')
    .option('--days <n>', `window length in days, at most ${MAX_SCREEN_DAYS}`, String(DEFAULT_DAYS))
    .option('--threshold-km <km>', `report approaches closer than this, at most ${MAX_THRESHOLD_KM} km`, String(DEFAULT_THRESHOLD_KM))
    .option('--as-of <date>', 'use the GP snapshot of this date or the newest before it (YYYY-MM-DD)')
    .option('--json', 'print JSON')
    .option('--cdm <dir>', 'also write one CCSDS Conjunction Data Message (KVN, 508.0-B-1) per event into this folder')
    .action((opts: Opts) => withStore(async (store, settings) => {
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
    }));
}
