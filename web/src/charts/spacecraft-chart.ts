/** Figure 8 from data: operational spacecraft by mission type, stacked by orbit regime, with the cell matrix. */
import { apiLinks, type ApiQuery } from '../api/client.ts';
import type { SpacecraftFigure } from '../api/types.ts';
import { h } from '../dom.ts';
import { humanize } from '../format/values.ts';
import { reportFigure } from '../citations/report-figures.ts';
import { chartFigure, type DrawnTable } from './chart-frame.ts';
import { CATEGORICAL, chartWidth, loadPlot } from './plot.ts';

const REGIMES = ['LEO', 'SSO', 'MEO', 'GEO', 'IGSO', 'HEO', 'supersynchronous', 'beyond-earth-orbit'];

/** attributionSources: the catalogs the country and mission rules consult (launch log, SATCAT, UCS), as ingested. */
export async function spacecraftChart(f: SpacecraftFigure, attributionSources: string[], query: ApiQuery<'/analytics/spacecraft'>, permalink: string, container: Element): Promise<HTMLElement> {
  const Plot = await loadPlot();
  const missions = Object.entries(f.byMission).sort((a, b) => b[1] - a[1]).map(([m]) => m);
  const regimes = REGIMES.filter((r) => f.byRegime[r]);
  const colors = regimes.map((_, i) => CATEGORICAL[i % CATEGORICAL.length]!);
  const rows = f.cells.map((c) => ({ ...c, mission: humanize(c.missionType) }));
  const totals = missions.map((m) => ({ mission: humanize(m), total: f.byMission[m]! }));
  const plot = Plot.plot({
    width: chartWidth(container), height: 40 + missions.length * 34, marginLeft: 170, marginRight: 50,
    x: { grid: true, label: 'Operational spacecraft →' },
    y: { domain: missions.map(humanize), label: null },
    color: { domain: regimes, range: colors },
    marks: [
      Plot.barX(rows, { y: 'mission', x: 'count', fill: 'regime', title: (d: (typeof rows)[number]) => `${d.mission} · ${d.regime}: ${d.count}`, inset: 0.5 }),
      Plot.text(totals, { y: 'mission', x: 'total', text: 'total', dx: 6, textAnchor: 'start', fontSize: 11, fill: '#1a1e23' }),
      Plot.ruleX([0]),
    ],
  });
  const table: DrawnTable = { columns: ['mission_type', 'orbit_regime', 'count'], rows: f.cells.map((c) => [c.missionType, c.regime, c.count]) };
  const ruleNote = Object.entries(f.countryRules).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ');
  return chartFigure({ id: 'spacecraft', title: `Operational ${f.country === 'CN' ? 'Chinese spacecraft' : `spacecraft of ${f.countryName ?? f.country} (${f.country})`} by mission type and orbit: ${f.total.toLocaleString('en-US')} on ${f.snapshot.asOf}`, permalink }, {
    plot, table,
    legend: regimes.map((r, i) => ({ label: r, color: colors[i]! })),
    sources: [{ sourceId: f.snapshot.sourceId }, ...attributionSources.map((sourceId) => ({ sourceId })), reportFigure(8)],
    notes: [f.coverage, h('details', null, h('summary', null, 'How objects were attributed'),
      `Country attributed by (objects per rule): ${ruleNote}. Mission type by the curated mission rules (data/rules/classification.yaml), each citing its source.`)],
    api: apiLinks('/analytics/spacecraft', { query }),
  });
}
