/**
 * Repair of the UCS Satellite Database text encoding damage.
 *
 * Diagnosis (ucs_satellite_database_2023-05-01.tsv, inspected character by character): the text
 * was written in Mac OS Roman and later decoded as Windows-1252. Each damaged character is the
 * Windows-1252 reading of a Mac Roman byte; e.g. byte 0xCA is a no-break space in Mac Roman but "Ê"
 * in Windows-1252, byte 0xD0 is an en dash in Mac Roman but "Ð" in Windows-1252.
 *
 * The table lists only the characters actually present in that file (with their count there),
 * each checked in context. Characters that read the same in both encodings (± 0xB1, µ 0xB5 as in
 * "Venµs") are not touched. The repair is a single pass, so "„"→"Ñ" and "Ñ"→"—" do not chain.
 */
export const UCS_MOJIBAKE_REPAIRS: ReadonlyMap<string, string> = new Map([
  ['\u00D5', '\u2019'], // Õ → ’  (0xD5) 85×  "Apstar 6CÕs", "CommissionÕs"
  ['\u00CA', '\u00A0'], // Ê → NBSP (0xCA) 40×  "AAC AIS-Sat1Ê(Kelpie 1)", "forÊagricultural"
  ['\u201E', '\u00D1'], // „ → Ñ  (0x84) 37×  Satellogic "„t-10" (the rest of the ÑuSat name is damaged upstream; not guessed)
  ['\u017D', '\u00E9'], // Ž → é  (0x8E) 29×  "Centre National D'Žtudes Spatiales"
  ['\u00D3', '\u201D'], // Ó → ”  (0xD3) 23×  closing quotes
  ['\u00D2', '\u201C'], // Ò → “  (0xD2) 21×  opening quotes
  ['\u0178', '\u00FC'], // Ÿ → ü  (0x9F) 18×  "Deutsches Zentrum fŸr", "GšktŸrk"
  ['\u00A1', '\u00B0'], // ¡ → °  (0xA1)  5×  "90¡ away", "±45¡ latitude"
  ['\u2020', '\u00DC'], // † → Ü  (0x86)  4×  "T†B_TAK" (TÜBİTAK; the İ was lost upstream as "_")
  ['\u0161', '\u00F6'], // š → ö  (0x9A)  2×  "GšktŸrk" → "Göktürk"
  ['\u00D1', '\u2014'], // Ñ → —  (0xD1)  2×  "solar coronaÑincluding"
  ['\u00D0', '\u2013'], // Ð → –  (0xD0)  2×  "(200 Ð 242 nm)"
  ['\u0192', '\u00C9'], // ƒ → É  (0x83)  1×  "FORTƒ" → "FORTÉ"
  ['\u201A', '\u00C7'], // ‚ → Ç  (0x82)  1×  "KILI‚SAT" → "KILIÇSAT"
  ['\u008F', '\u00E8'], // U+008F → è (0x8F, undefined in Windows-1252, passed through as C1) 1× "Li\x8Fge" → "Liège"
  ['\u00D4', '\u2018'], // Ô → ‘  (0xD4)  1×  "ÔCode in Space.Õ"
]);

/** One character class of the damaged characters (checked for linear matching in test/ingest/regex-safety). */
export const UCS_MOJIBAKE_PATTERN = new RegExp(`[${[...UCS_MOJIBAKE_REPAIRS.keys()].join('')}]`, 'gu');

/** Replace each damaged character with what the Mac Roman byte meant. */
export function repairUcsMojibake(text: string): string {
  return text.replace(UCS_MOJIBAKE_PATTERN, (c) => UCS_MOJIBAKE_REPAIRS.get(c) ?? c);
}
