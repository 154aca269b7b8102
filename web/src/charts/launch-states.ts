/** Names of GCAT launch-vehicle state codes (GCAT's own code list: planet4589.org/space/gcat/web/orgs). */
const NAMES: Record<string, string> = {
  CN: 'China', US: 'United States', RU: 'Russia', SU: 'Soviet Union', F: 'France', J: 'Japan', IN: 'India', NZ: 'New Zealand',
  'I-ESA': 'ESA', 'I-ELDO': 'ELDO', I: 'Italy', IR: 'Iran', IL: 'Israel', KP: 'North Korea', KR: 'South Korea',
  CYM: 'Cayman Islands (Sea Launch)', UK: 'United Kingdom', BR: 'Brazil', D: 'Germany', AU: 'Australia',
};

export function stateName(code: string): string {
  return NAMES[code] ?? code;
}
