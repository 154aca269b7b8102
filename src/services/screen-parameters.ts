/** The screening's limits and defaults, apart from the screener so the command line can state them without loading it. */
import type { ObjectKind } from '../analytics/attribution.js';

export const MAX_SCREEN_DAYS = 7;
export const MAX_THRESHOLD_KM = 50;
export const MAX_PRIMARIES = 2000;
export const DEFAULT_DAYS = 7;
export const DEFAULT_THRESHOLD_KM = 5;
/** Tianhe, the station's core module: its element set stands for the docked stack. */
export const STATION_NORAD = 48274;
export const SCREEN_KINDS = ['payload', 'rocket-body', 'debris', 'unknown'] as const satisfies readonly ObjectKind[];
