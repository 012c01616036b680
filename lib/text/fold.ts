// The one rule for matching text people type against stored names, used by the dashboard's
// filters and search, the API and the embed: accents, case and Unicode forms are ignored
// ("krakow" finds Kraków, "KYIV" finds Kyiv, a decomposed "é" finds the composed one).

// Latin letters with a stroke or ligature have no decomposition, so NFKD leaves them: without
// this "lodz" would not find Łódź, and Ł would sort after z (decision 027).
const UNDECOMPOSED: Record<string, string> = { ł: "l", ø: "o", đ: "d", ħ: "h", ı: "i", ŧ: "t", ß: "ss", æ: "ae", œ: "oe", þ: "th", ð: "d" };

/** Accent- and case-folded text: NFKD, combining marks dropped, lower-cased, stroked letters plain. */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLocaleLowerCase("en")
    .replace(/[łøđħıŧßæœþð]/g, (letter) => UNDECOMPOSED[letter] ?? letter);
}

/** Whether a stored city is the one asked for. */
export function matchesCity(city: string, wanted: string): boolean {
  return foldText(city) === foldText(wanted);
}
