/** redshift-monitor analytics launches|spacecraft|constellations|tiangong */
import type { Command } from 'commander';
import type { Opts } from './analytics-action.js';

export const ANALYTICS = ['launches', 'spacecraft', 'constellations', 'tiangong'] as const;

export function registerAnalytics(program: Command): void {
  program.command('analytics')
    .description('print an analytic: launches (Figure 7), spacecraft (Figure 8), constellations (progress against plan and ITU milestones), tiangong (the station now)')
    .argument('<analytic>', ANALYTICS.join('|'))
    .option('--country <cc>', 'ISO 3166-1 alpha-2 code (e.g. JP, GB) or a named group of data/rules/country-codes.yaml (e.g. soviet-union, esa); launches: launching country; spacecraft: owner country (default CN)')
    .option('--from <year>', 'launches: first year to show')
    .option('--as-of <date>', 'use the data as of this date (YYYY-MM-DD)')
    .option('--objects', 'spacecraft: list every object with the rules that attributed it; constellations: list matched objects and near-miss names')
    .option('--json', 'print JSON')
    .action(async (name: string, opts: Opts) => (await import('./analytics-action.js')).runAnalytics(name, opts));
}
