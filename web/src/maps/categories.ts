/** Colours and labels of place categories (facility kinds and organization kinds). */
import { humanize } from '../format/values.ts';

const ORDER = [
  'launch-site', 'sea-launch-platform', 'commercial-pad', 'landing-zone', 'ttc-station', 'ground-station', 'control-centre', 'factory', 'industrial-base', 'research-centre',
  'state-owned-enterprise', 'subsidiary-academy', 'private-company', 'mixed-ownership', 'government-agency', 'military-unit', 'university-lab', 'investor-fund', 'international-organization', 'foreign-agency-company',
];
const COLORS: Record<string, string> = {
  'launch-site': '#a4262c', 'sea-launch-platform': '#d9534f', 'commercial-pad': '#e58e3a', 'landing-zone': '#c98a00', 'ttc-station': '#7a5195', 'ground-station': '#9b6fb5',
  'control-centre': '#5b3a78', factory: '#8c6d31', 'industrial-base': '#a68a4c', 'research-centre': '#6d8c31',
  'state-owned-enterprise': '#1f4e79', 'subsidiary-academy': '#3b75af', 'private-company': '#2a9d8f', 'mixed-ownership': '#5fb3a8', 'government-agency': '#4b5563',
  'military-unit': '#111827', 'university-lab': '#4e8542', 'investor-fund': '#b5651d', 'international-organization': '#0e7490', 'foreign-agency-company': '#6b7280',
};

export function categoryColor(category: string | null): string {
  return (category && COLORS[category]) || '#6b7280';
}

export function categoryLabel(category: string | null): string {
  return category ? humanize(category) : 'uncategorised';
}

export function sortCategories(categories: Iterable<string>): string[] {
  return [...new Set(categories)].sort((a, b) => (ORDER.indexOf(a) >>> 0) - (ORDER.indexOf(b) >>> 0) || a.localeCompare(b));
}
