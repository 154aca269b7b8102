/** Where each figure of the Redshift report sits: the one table in src/model, shared with the API's citations. */
export { REPORT_FIGURE } from '../../../src/model/report-figures.ts';
import { REPORT_FIGURE, REPORT_SOURCE_ID } from '../../../src/model/report-figures.ts';

export const reportFigure = (n: number) => ({ sourceId: REPORT_SOURCE_ID, locator: REPORT_FIGURE[n] ?? `Figure ${n}` });
