/**
 * Where each figure of the Redshift report sits (its section, and the reference the figure
 * credits), for citing the figure a view recomputes; the web app imports the same table.
 */
export const REPORT_SOURCE_ID = 'redshift-2025';

export const REPORT_FIGURE: Record<number, string> = {
  1: '§2.1.2 Figure 1',
  2: '§2.2.3 Figure 2 [014]',
  3: '§2.3.1 Figure 3',
  4: '§2.3.3 Figure 4',
  5: '§2.4.3 Figure 5',
  6: '§2.4.3 Figure 6',
  7: '§3.2.2 Figure 7',
  8: '§3.3 Figure 8',
  9: '§3.5.3 Figure 9',
  10: '§3.6.3 Figure 10',
};
