// The one rule for matching text people type against stored names, used by the dashboard's
// filters and search, the API and the embed: accents, case and Unicode forms are ignored
// ("krakow" finds Kraków, "KYIV" finds Kyiv, a decomposed "é" finds the composed one).

/** Accent- and case-folded text: NFKD, combining marks dropped, lower-cased. */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLocaleLowerCase("en");
}

/** Whether a stored city is the one asked for. */
export function matchesCity(city: string, wanted: string): boolean {
  return foldText(city) === foldText(wanted);
}
