/** The analytics command's work (analytics-command.ts defines it). */
import { withStore } from './with-store.js';
import { constellationsAnalytic, launchesAnalytic, loadRules, spacecraftAnalytic, tiangongAnalytic } from '../services/analytics.js';
import { formatTable } from './format-table.js';
import { printConstellations } from './constellations-output.js';
import type { OutcomeCounts } from '../analytics/launches.js';
import { ANALYTICS } from './analytics-command.js';

const fmt = (c: OutcomeCounts | undefined) => (c ? `${c.total} (${c.failure} failed${c.partial ? `, ${c.partial} partial` : ''})` : '0');

export interface Opts { country?: string; from?: string; asOf?: string; json?: boolean; objects?: boolean }

export function runAnalytics(name: string, opts: Opts): Promise<void> {
  return withStore(async (store, settings) => {
    if (!(ANALYTICS as readonly string[]).includes(name)) throw new Error(`unknown analytic "${name}" (${ANALYTICS.join(', ')})`);
    if (opts.asOf && !/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf)) throw new Error('--as-of must be YYYY-MM-DD');
    if (opts.from && !/^\d{4}$/.test(opts.from)) throw new Error('--from must be a year');
    const rules = loadRules(settings.rulesDir);
    const db = store.db;
    if (name === 'launches') {
      const f = await launchesAnalytic(db, rules, { country: opts.country, fromYear: opts.from ? Number(opts.from) : undefined, asOf: opts.asOf });
      if (opts.json) return console.log(JSON.stringify(f, null, 2));
      console.log(`${f.title}\n${f.convention}\nCoverage: ${f.coverage.from} to ${f.coverage.to} (${f.coverage.sources.join(', ')}). ${f.coverage.note}\n`);
      console.log(formatTable(['year', 'complete', 'China', 'China state', 'China commercial', 'China unattributed', 'United States'],
        f.chinaVsUnitedStates.map((y) => {
          const c = f.china.find((x) => x.year === y.year);
          return [y.year, y.complete ? 'yes' : 'NO', fmt(y.CN), fmt(c?.state), fmt(c?.commercial), fmt(c?.unattributed), fmt(y.US)];
        })));
      if (opts.country && !['CN', 'US'].includes(opts.country)) {
        const c = opts.country;
        console.log(`\n${f.countries[c]?.name ?? c} (${c}; GCAT codes ${f.countries[c]?.gcatStates.join(', ') || 'none'}):`);
        console.log(formatTable(['year', 'complete', c], f.years.map((y) => [y.year, y.complete ? 'yes' : 'NO', fmt(y.countries[c])])));
      }
      for (const a of f.afterCoverage) console.log(`after ${f.coverage.to}: ${a.year} ${a.country} (GCAT ${a.gcatState ?? '-'}): ${a.failures} failure(s) ${a.launches.join(', ')} — ${a.note} (${a.source})`);
      return;
    }
    if (name === 'spacecraft') {
      const f = await spacecraftAnalytic(db, rules, { country: opts.country, asOf: opts.asOf, objects: opts.objects });
      if (opts.json) return console.log(JSON.stringify(f, null, 2));
      console.log(`${f.title}: ${f.total}\n${f.coverage}\n`);
      const regimes = Object.keys(f.byRegime);
      console.log(formatTable(['mission type', ...regimes, 'total'], Object.entries(f.byMission).map(([m, n]) =>
        [m, ...regimes.map((r) => f.cells.find((c) => c.missionType === m && c.regime === r)?.count ?? 0), n])));
      console.log(`\ncountry attributed by: ${Object.entries(f.countryRules).map(([k, v]) => `${k} ${v}`).join(', ')}`);
      console.log(`mission attributed by: ${Object.entries(f.missionRules).map(([k, v]) => `${k} ${v}`).join(', ')}`);
      if (f.objects) console.log('\n' + formatTable(['norad', 'name', 'mission', 'regime', 'country rule', 'mission rule'], f.objects.map((o) => [o.noradId, o.objectName, o.missionType, o.regime, o.countryRule, o.missionRule])));
      return;
    }
    if (name === 'constellations') {
      const f = await constellationsAnalytic(db, rules, { asOf: opts.asOf });
      if (opts.json) return console.log(JSON.stringify(f, null, 2));
      printConstellations(f, opts.objects ?? false);
      return;
    }
    const t = await tiangongAnalytic(db, { asOf: opts.asOf });
    if (opts.json) return console.log(JSON.stringify(t, null, 2));
    if (!t.station) return console.log(t.note);
    const s = t.station;
    console.log(`${s.objectName} (NORAD ${s.noradId}): altitude ${s.altitudeKm === null ? `unknown at ${s.at} (${s.propagationError})` : `${s.altitudeKm} km at ${s.at}`}; ${s.altitudeAtEpochKm} km at epoch (perigee ${s.perigeeKm}, apogee ${s.apogeeKm}), inclination ${s.inclinationDeg}°, period ${s.periodMin} min; element set epoch ${s.epoch} (${s.epochAgeHours} h old) from snapshot ${t.snapshot.id}`);
    console.log(`co-orbiting (within ${t.tolerances.semiMajorAxisKm} km, ${t.tolerances.inclinationDeg}°, node ${t.tolerances.raanDeg}°): ${t.coOrbiting.map((o) => o.objectName).join(', ') || 'none'}`);
    console.log(t.note);
  });
}
