/**
 * GCAT state codes (launch log SatState) read as countries. GCAT mostly uses ISO 3166-1
 * alpha-2 codes; the exceptions below are GCAT's own codes for states, each named in GCAT's
 * organization table (orgs.tsv, rows of Type CY): B Belgium, D Germany, E Spain, F France,
 * I Italy, J Japan, L Luxembourg, S Sweden, UK United Kingdom. Hong Kong is HK (Special
 * Administrative Region, StateCode CN) from 1997 and HKUK (Crown colony, StateCode UK) before;
 * codes starting "I-" are intergovernmental organizations (e.g. I-INT, INTELSAT).
 */
const NOT_ISO: Readonly<Record<string, string>> = { B: 'BE', D: 'DE', E: 'ES', F: 'FR', I: 'IT', J: 'JP', L: 'LU', S: 'SE', UK: 'GB' };

export type GcatStateReading =
  | { kind: 'country'; iso2: string }
  | { kind: 'china' }
  | { kind: 'not-a-country'; reason: string };

export function readGcatState(code: string | null): GcatStateReading {
  const c = (code ?? '').trim();
  if (c === 'CN' || c === 'HK' || c.startsWith('CN-')) return { kind: 'china' };
  if (c === 'HKUK') return { kind: 'not-a-country', reason: 'Hong Kong before 1997 (GCAT HKUK, a British colony): a territory, not a country' };
  if (c.startsWith('I-')) return { kind: 'not-a-country', reason: `an intergovernmental organization (GCAT ${c})` };
  if (NOT_ISO[c]) return { kind: 'country', iso2: NOT_ISO[c] };
  if (/^[A-Z]{2}$/.test(c)) return { kind: 'country', iso2: c };
  return { kind: 'not-a-country', reason: c ? `GCAT state code ${c} has no ISO 3166-1 reading here` : 'no owner state in GCAT' };
}
