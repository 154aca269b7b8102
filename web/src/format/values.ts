/** Turns the API's canonical value strings into readable text (the canonical form stays in a title). */

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function formatNumber(n: number, digits = 2): string {
  return digits === 2 ? NUMBER.format(n) : new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }).format(n);
}

export function formatPercent(share: number, digits = 1): string {
  return `${(share * 100).toFixed(digits)}%`;
}

/** "2024-05-03" → "3 May 2024", "2024-05" → "May 2024", "~2021" → "c. 2021". */
export function formatDate(value: string): string {
  const circa = /^(~|circa )/.test(value);
  const iso = value.replace(/^(~|circa )/, '');
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!m) return value;
  const [, y, mo, d] = m;
  const text = d ? `${Number(d)} ${MONTHS[Number(mo) - 1]} ${y}` : mo ? `${MONTHS[Number(mo) - 1]} ${y}` : y!;
  return circa ? `c. ${text}` : text;
}

export interface Money { amount: number; currency: string; year?: number }

export function parseJson<T>(value: string): T | null {
  try {
    return JSON.parse(value) as T;
  } catch {
    return null;
  }
}

/** {"amount":123000000,"currency":"USD"} → "USD 123 million". */
export function formatMoney(value: string): string {
  const m = parseJson<Money>(value);
  if (!m || typeof m.amount !== 'number') return value;
  const abs = Math.abs(m.amount);
  const [div, word] = abs >= 1e9 ? [1e9, ' billion'] : abs >= 1e6 ? [1e6, ' million'] : [1, ''];
  const text = `${m.currency} ${formatNumber(m.amount / div, 3)}${word}`;
  return m.year ? `${text} (${m.year} prices)` : text;
}

export interface LatLon { lat: number; lon: number }

export function parseCoordinates(value: string): LatLon | null {
  const c = parseJson<LatLon>(value);
  return c && typeof c.lat === 'number' && typeof c.lon === 'number' ? c : null;
}

export function formatCoordinates(value: string): string {
  const c = parseCoordinates(value);
  if (!c) return value;
  return `${Math.abs(c.lat).toFixed(2)}° ${c.lat >= 0 ? 'N' : 'S'}, ${Math.abs(c.lon).toFixed(2)}° ${c.lon >= 0 ? 'E' : 'W'}`;
}

/** "met-on-time" → "met on time"; "military-isr" → "military ISR". */
export function humanize(value: string): string {
  return value.replace(/-/g, ' ').replace(/\b(isr|ssa|pnt|leo|sso|geo|meo|igso|heo|mou|ipo|ttc)\b/gi, (w) => w.toUpperCase());
}

/** A value of a given type, as text. Entity values are rendered as links elsewhere. */
/** A formatted value with the model's unit for its property ("more than 15 years"); values without a unit as they are. */
export function withUnit(text: string, unit: string | null): string {
  return unit ? `${text} ${unit}` : text;
}

export function formatValue(type: string, value: string, qualifier: string | null = null): string {
  let text: string;
  switch (type) {
    case 'date': text = formatDate(value); break;
    case 'money': text = formatMoney(value); break;
    case 'coordinates': text = formatCoordinates(value); break;
    case 'number': case 'integer': text = Number.isFinite(Number(value)) ? formatNumber(Number(value)) : value; break;
    case 'enum': text = humanize(value); break;
    case 'boolean': text = value === 'true' ? 'yes' : 'no'; break;
    default: text = value;
  }
  return qualifier ? `${qualifier} ${text}` : text;
}
