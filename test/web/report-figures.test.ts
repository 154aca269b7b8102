/** The web app's copy of the report-figure locators (it imports nothing from src/) equals the server's. */
import { expect, it } from 'vitest';
import { REPORT_FIGURE as WEB } from '../../web/src/citations/report-figures.js';
import { REPORT_FIGURE as SERVER } from '../../src/model/report-figures.js';

it('the web app cites each report figure at the same place as the API', () => {
  expect(WEB).toEqual(SERVER);
  // Each locator names its figure, at a section of the report.
  for (const [n, locator] of Object.entries(SERVER)) expect(locator).toMatch(new RegExp(`^§\\d+(\\.\\d+)* Figure ${n}\\b`));
});
