/** redshift-monitor screen: conjunction screening of primaries against a stored GP snapshot. */
import type { Command } from 'commander';
import { DEFAULT_DAYS, DEFAULT_THRESHOLD_KM, MAX_SCREEN_DAYS, MAX_THRESHOLD_KM, SCREEN_KINDS } from '../services/screen-parameters.js';
import type { Opts } from './screen-action.js';



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
    .action(async (opts: Opts) => (await import('./screen-action.js')).runScreen(opts));
}
