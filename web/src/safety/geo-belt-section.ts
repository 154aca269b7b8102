/** The GEO belt of China's objects: mean longitude over time per object, drift, and relocations, with the element sets behind each point. */
import { apiGet, apiLinks } from '../api/client.ts';
import type { GeoBeltObject, GeoBeltReport } from '../api/types.ts';
import { chartFigure, type DrawnTable } from '../charts/chart-frame.ts';
import { CATEGORICAL, chartWidth, loadPlot } from '../charts/plot.ts';
import { h } from '../dom.ts';
import { days, snapshotLine } from './provenance.ts';

const QUERY = { country: 'CN' };
const programLabel = (o: GeoBeltObject) => (o.program ? o.program.replace(/^program\./, '') : 'other');

async function beltChart(r: GeoBeltReport, container: Element): Promise<HTMLElement> {
  const Plot = await loadPlot();
  const points = r.objects.flatMap((o) => o.points.map((p) => ({ name: o.objectName, norad: o.noradId, program: programLabel(o), date: new Date(p.epoch), epoch: p.epoch,
    longitude: p.longitudeDeg, drift: p.driftDegPerDay, elementSet: p.elementSetId, source: p.sourceId, age: p.ageDays, relocated: o.relocations > 0 })));
  const programs = [...new Set(points.map((p) => p.program))].sort();
  const colors = programs.map((_, i) => CATEGORICAL[i % CATEGORICAL.length]!);
  type Point = (typeof points)[number];
  const plot = Plot.plot({
    width: chartWidth(container), height: 460, marginLeft: 56, marginRight: 130,
    x: { type: 'utc', label: null, grid: true },
    y: { grid: true, label: 'Mean longitude (° east)' },
    color: { domain: programs, range: colors },
    marks: [
      Plot.line(points, { x: 'date', y: 'longitude', z: 'norad', stroke: 'program', strokeOpacity: 0.5 }),
      Plot.dot(points, { x: 'date', y: 'longitude', fill: 'program', r: 3,
        title: (d: Point) => `${d.name} (NORAD ${d.norad}) · ${d.epoch.slice(0, 16)} · ${d.longitude.toFixed(2)}° E · drift ${d.drift.toFixed(3)} °/day · ${d.elementSet} (${d.source}, ${days(d.age)})` }),
      Plot.dot(points.filter((d) => d.relocated), { x: 'date', y: 'longitude', stroke: '#a4262c', r: 7, strokeWidth: 1.5 }),
      Plot.text(points.filter((d) => d.relocated && d.epoch === r.objects.find((o) => o.noradId === d.norad)!.points.at(-1)!.epoch),
        { x: 'date', y: 'longitude', text: 'name', dx: 10, textAnchor: 'start', fontSize: 10 }),
    ],
  });
  const table: DrawnTable = {
    columns: ['norad_id', 'object_name', 'program', 'epoch_utc', 'mean_longitude_deg_east', 'drift_deg_per_day', 'element_set', 'source', 'age_days', 'relocations_detected'],
    rows: points.map((p) => [p.norad, p.name, p.program, p.epoch, Math.round(p.longitude * 1e4) / 1e4, Math.round(p.drift * 1e5) / 1e5, p.elementSet, p.source, Math.round(p.age * 100) / 100, p.relocated]),
  };
  return chartFigure({ id: 'geo-belt', title: `China's objects in the GEO belt: mean longitude at each element set (${r.counts.objects} objects)`, permalink: '#/safety', level: 'h3' }, {
    plot, table,
    legend: [...programs.map((p, i) => ({ label: p, color: colors[i]! })), { label: 'relocated (ringed)', color: '#a4262c' }],
    sources: r.snapshots.map((s) => ({ sourceId: s.sourceId })),
    notes: [r.definition, `Objects: ${r.selection}. Lines join consecutive element sets of one object; they are not a trajectory.`],
    api: apiLinks('/safety/geo-belt', { query: QUERY }),
  });
}

function objectsTable(r: GeoBeltReport): HTMLElement {
  return h('details', { class: 'data-table-toggle' }, h('summary', null, `Objects, latest longitude and drift, element sets and ages (${r.objects.length})`),
    h('div', { class: 'table-scroll' }, h('table', { class: 'data-table', 'data-geo-objects': String(r.objects.length) },
      h('thead', null, h('tr', null, ['Object', 'Program', 'Latest longitude (° E)', 'Drift (°/day)', 'Maneuvers / relocations', 'Element sets: epoch, source, age'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', null, r.objects.map((o) => {
        const last = o.points.at(-1)!;
        return h('tr', { 'data-norad': String(o.noradId) },
          h('td', null, `${o.objectName} (NORAD ${o.noradId})`), h('td', null, programLabel(o)),
          h('td', { class: 'num' }, last.longitudeDeg.toFixed(2)), h('td', { class: 'num' }, last.driftDegPerDay.toFixed(3)),
          h('td', { class: 'num' }, `${o.maneuvers.length} / ${o.relocations}`),
          h('td', { class: 'small' }, o.points.map((p) => `${p.epoch.slice(0, 16)} (${p.sourceId}, ${days(p.ageDays)})`).join('; ')));
      })))));
}

export async function geoBeltSection(): Promise<Node[]> {
  const r = await apiGet('/safety/geo-belt', { query: QUERY });
  // The section is not in the page yet: the chart takes the main column's width.
  const slot = h('div', { class: 'chart-slot' }, r.objects.length
    ? await beltChart(r, document.querySelector('main') ?? document.body)
    : h('p', { class: 'muted' }, 'No object in the GEO regime in these element sets.'));
  return [
    snapshotLine(r.snapshot, `Element sets of ${r.snapshots.map((s) => s.asOf).join(', ')}: ${r.counts.points} points, ${r.counts.maneuvers} maneuvers, ${r.counts.relocations} relocations. `
      + `Ages counted to ${r.referenceInstant.slice(0, 16).replace('T', ' ')} UTC.`),
    slot, objectsTable(r),
  ];
}
