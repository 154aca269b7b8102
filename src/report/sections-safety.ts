/**
 * Space safety watch: the station's close approaches and the reentry watch, computed from the
 * stored GP element sets, each figure naming the snapshot and element sets it came from and their
 * ages; with the reentry model's backtest and the method's limits.
 */
import { ELEMENT_SET_AGE_DEFINITION } from '../analytics/element-set-age.js';
import type { ReportData } from './report-data.js';
import type { Citations } from './citations.js';
import type { ConjunctionReport } from '../services/conjunctions.js';
import type { ReentryReport } from '../services/reentries.js';
import type { SnapshotInfo } from '../model/catalog-records.js';
import type { Confusion } from '../analytics/reentry/backtest.js';
import type { ManeuverReport } from '../services/maneuvers.js';
import { esc, table } from './html.js';

/** Chinese candidates listed by name; the others are counted. */
const LISTED = 25;

const days = (d: number) => `${d.toFixed(1)} d`;
const share = (x: number | null) => (x === null ? '—' : x.toFixed(3));
const snapshotText = (s: SnapshotInfo, cites: Citations) => `catalog snapshot ${esc(s.id)} (data date ${esc(s.asOf)}, ${s.objectCount.toLocaleString('en-US')} objects)${cites.cite(s.sourceId, `GP snapshot ${s.id}`)}`;

function closeApproaches(r: ConjunctionReport | null, cites: Citations): string {
  if (!r) return '<section id="safety-close-approaches"><h3>The station\'s close approaches</h3><p class="na">Not available: no GP snapshot with the station is stored.</p></section>';
  const rows = r.events.map((e) => [
    `<span data-tca="${esc(e.tca)}">${esc(e.tca.slice(0, 19).replace('T', ' '))}</span>`,
    esc(`${e.secondary.objectName} (NORAD ${e.secondary.noradId}${e.secondary.objectId ? `, ${e.secondary.objectId}` : ''})`),
    `<span data-miss-km="${e.missDistanceKm}">${e.missDistanceKm.toFixed(3)}</span>`, e.relativeSpeedKmS.toFixed(3),
    esc(`station ${e.primary.elementEpoch.slice(0, 19)} (${days(e.primary.elementAgeDays)}); object ${e.secondary.elementEpoch.slice(0, 19)} (${days(e.secondary.elementAgeDays)})`),
  ]);
  return `<section id="safety-close-approaches" data-safety-events="${r.events.length}"><h3>The station's close approaches</h3>
<p>A close approach is a local minimum of the distance between the China Space Station (${esc(r.primarySelection)}: the Tianhe core module's element set, which the docked stack shares) and another catalog object closer than ${r.thresholdKm} km, between ${esc(r.start)} and ${esc(r.stop)}, computed from the element sets of the ${snapshotText(r.snapshot, cites)}. Element-set age: the time of closest approach (TCA) minus the element set's epoch.</p>
${r.events.length ? table(['TCA (UTC)', 'Object', 'Miss distance (km)', 'Relative speed (km/s)', 'Element sets: epochs and ages at TCA'], rows, 'data-table="station-close-approaches"') : `<p>No approach closer than ${r.thresholdKm} km in the window.</p>`}
<p class="basis">${esc(r.population)} Flying with the station and not reported: ${r.groups.length ? esc(r.groups.map((g) => `${g.secondary.objectName} (${g.reason})`).join(', ')) : 'none'}. Method: ${esc(r.method)}</p></section>`;
}

function confusionRow(label: string, c: Confusion): string[] {
  return [esc(label), String(c.predictedAndAbsent), String(c.predictedButPresent), String(c.absentNotPredicted), `<span data-precision="${label}">${share(c.precision)}</span>`, `<span data-recall="${label}">${share(c.recall)}</span>`];
}

function reentryWatch(r: ReentryReport | null, cites: Citations): string {
  if (!r) return '<section id="safety-reentries"><h3>Reentry watch</h3><p class="na">Not available: no GP snapshot is stored.</p></section>';
  const cn = r.candidates.filter((c) => c.country === 'CN');
  const rows = cn.slice(0, LISTED).map((c) => [
    esc(`${c.objectName} (NORAD ${c.noradId})`), esc(c.kind), esc(`${c.reentry.central.slice(0, 10)} (${c.reentry.earliest.slice(0, 10)} to ${c.reentry.latest.slice(0, 10)})`),
    esc(`${c.elementSet.epoch.slice(0, 19)} (${days(c.elementSet.ageDays)})`), esc(c.flags.join(', ') || '—'),
  ]);
  const b = r.backtest;
  const backtest = b ? `<p>Backtest: the model run on the element sets of the ${snapshotText(b.earlier, cites)} predicts a reentry before ${esc(b.cutoff)} (00:00 UTC); the outcome is the object's absence from the ${snapshotText(b.later, cites)}. ${b.objects.toLocaleString('en-US')} objects, ${b.absent} absent (${b.absentAboveLeo} of them with perigee above 2,000 km, which cannot be drag reentries).</p>
${table(['prediction', 'predicted and absent', 'predicted, present', 'absent, not predicted', 'precision', 'recall'], [confusionRow('central estimate', b.central), confusionRow('window\'s early end', b.windowEarly), confusionRow('window\'s late end', b.windowLate)], 'data-table="reentry-backtest"')}
<p class="basis">Recall over the ${b.absent - b.absentAboveLeo} absences in LEO: ${share(b.recallLeo)}. ${esc(b.definition)}</p>` : '<p class="na">No backtest: the store holds a single GP snapshot.</p>';
  return `<section id="safety-reentries" data-candidates="${r.counts.candidates}" data-cn-candidates="${cn.length}"><h3>Reentry watch</h3>
<p>${esc(r.definition)} From the element sets of the ${snapshotText(r.snapshot, cites)}; horizon ${r.horizonDays} days from ${esc(r.asOf)}. ${esc(ELEMENT_SET_AGE_DEFINITION)}</p>
<p>Of ${r.counts.objects.toLocaleString('en-US')} objects, ${r.counts.decaying.toLocaleString('en-US')} show decay (ṅ &gt; 0) and ${r.counts.modelled.toLocaleString('en-US')} are modelled; <strong>${r.counts.candidates}</strong> are on the watch, ${cn.length} of them attributed to China, ${r.counts.chineseRocketBodies} Chinese rocket bodies, ${r.counts.large} large (SATCAT RCS ≥ 1 m²; ${r.counts.sizeUnknown} of unknown size).</p>
${rows.length ? table(['Chinese object', 'kind', 'modelled reentry (window)', 'element set epoch (age)', 'flags'], rows, 'data-table="reentry-watch-cn"') : ''}${cn.length > LISTED ? `<p class="basis">First ${LISTED} of ${cn.length} by modelled date; the API lists all (/api/v1/safety/reentries?country=CN).</p>` : ''}
<p class="basis">Method: ${esc(r.method)}</p>
${backtest}
<p class="basis">Limits: ${esc(r.limits)}</p></section>`;
}

function maneuvers(r: ManeuverReport | null, cites: Citations): string {
  if (!r) return '<section id="safety-maneuvers"><h3>Maneuvers of China\'s objects</h3><p class="na">Not available: no GP snapshot is stored.</p></section>';
  const shown = r.detections.slice(0, LISTED);
  const rows = shown.map((d) => [
    esc(`${d.objectName} (NORAD ${d.noradId})`), esc(d.regime), `<span data-maneuver="${d.noradId}">${esc(d.rules.join(', '))}</span>${d.relocation ? ' (relocation)' : ''}`,
    esc(`${d.interval.start.slice(0, 16).replace('T', ' ')} to ${d.interval.end.slice(0, 16).replace('T', ' ')} (${d.interval.days.toFixed(1)} d)`),
    esc(`${d.before.epoch.slice(0, 19)} (${days(d.before.ageDays)}); ${d.after.epoch.slice(0, 19)} (${days(d.after.ageDays)})`),
  ]);
  const relocations = r.detections.filter((d) => d.relocation).length;
  return `<section id="safety-maneuvers" data-detections="${r.detections.length}"><h3>Maneuvers of China's objects</h3>
<p>A maneuver is a change between two consecutive element sets of an object beyond what drag and the fit noise explain, with thresholds per orbit regime; it is dated only to the interval between the two epochs. Objects: ${esc(r.selection)}; element sets of the snapshots ${r.snapshots.map((s) => `${esc(s.id)}${cites.cite(s.sourceId, `GP snapshot ${s.id}`)}`).join(', ')}. Element-set age: ${esc(r.referenceInstant)} minus the epoch.</p>
<p>${r.counts.pairs.toLocaleString('en-US')} consecutive pairs of ${r.counts.objects.toLocaleString('en-US')} objects compared; <strong>${r.detections.length}</strong> maneuvers detected, ${relocations} of them GEO relocations.</p>
${rows.length ? table(['Object', 'regime', 'rules fired', 'between (UTC)', 'element sets: epochs (ages)'], rows, 'data-table="maneuvers"') : ''}${r.detections.length > LISTED ? `<p class="basis">The ${LISTED} most recent of ${r.detections.length}; the API lists all (/api/v1/safety/maneuvers?country=CN).</p>` : ''}
<p class="basis">Method: ${esc(r.method)}</p></section>`;
}

export function spaceSafety(d: ReportData, cites: Citations): string {
  return `<section id="space-safety"><h2>Space Safety Watch</h2>
<p>Computed by this product from the stored GP element sets (SGP4/SDP4), not taken from the report: the station's close approaches in the week after the newest catalog snapshot, the objects whose orbits are decaying and the maneuvers of China's objects. GP element sets carry no covariance and SGP4's error grows with the element set's age, given for every figure: these are prompts to look, not collision probabilities or reentry predictions from tracking.</p>
${closeApproaches(d.safety.conjunctions, cites)}
${reentryWatch(d.safety.reentries, cites)}
${maneuvers(d.safety.maneuvers, cites)}</section>`;
}
