// Country names come from i18n-iso-countries (ISO 3166-1 alpha-2, plus Kosovo as XK).
// Entities that send missions but have no ISO code get user-assigned X* codes below.
import countries from "i18n-iso-countries";
import english from "i18n-iso-countries/langs/en.json";

countries.registerLocale(english);

export interface CountryEntry {
  code: string;
  name: string;
  isIso: boolean;
}

/** Sending entities without an ISO 3166-1 code. Codes from the user-assigned X* range. */
export const NON_ISO_ENTITIES: readonly CountryEntry[] = [
  { code: "EU", name: "European Union", isIso: false },
  { code: "XM", name: "Sovereign Military Order of Malta", isIso: false },
  { code: "XT", name: "Central Tibetan Administration", isIso: false },
  { code: "XA", name: "Abkhazia", isIso: false },
  { code: "XO", name: "South Ossetia", isIso: false },
  { code: "XS", name: "Somaliland", isIso: false },
  { code: "XN", name: "Turkish Republic of Northern Cyprus", isIso: false },
  { code: "XQ", name: "Quebec", isIso: false },
];

/** English names used by Wikidata that i18n-iso-countries does not resolve. */
const NAME_ALIASES: Record<string, string> = {
  "brunei": "BN",
  "east timor": "TL",
  "federated states of micronesia": "FM",
  "vatican": "VA",
  "holy see": "VA",
  "laos": "LA",
  "macau": "MO",
  "moldova": "MD",
  "republic of ireland": "IE",
  "syria": "SY",
  "são tomé and príncipe": "ST",
  "the bahamas": "BS",
  "kingdom of denmark": "DK",
  "government of sweden": "SE",
  "sahrawi arab democratic republic": "EH",
  "european parliament": "EU",
  "ministry of foreign affairs of the people's republic of china": "CN",
  "ministry of foreign affairs of the russian federation": "RU",
  "ministry of foreign affairs and cooperation of the republic of rwanda": "RW",
};

function isoEntries(): CountryEntry[] {
  const names = countries.getNames("en", { select: "official" });
  return Object.entries(names).map(([code, name]) => ({ code, name, isIso: code !== "XK" }));
}

export const ALL_COUNTRIES: readonly CountryEntry[] = [...isoEntries(), ...NON_ISO_ENTITIES].sort((a, b) =>
  a.name.localeCompare(b.name, "en"),
);

const byCode = new Map(ALL_COUNTRIES.map((entry) => [entry.code, entry]));
const nonIsoByName = new Map(NON_ISO_ENTITIES.map((entry) => [entry.name.toLowerCase(), entry.code]));

export function isKnownCountryCode(code: string): boolean {
  return byCode.has(code);
}

/** Resolves an English country or entity name (as Wikidata spells it) to our code. */
export function countryCodeForName(name: string): string | undefined {
  const key = name.trim().toLowerCase();
  if (!key) return undefined;
  return NAME_ALIASES[key] ?? nonIsoByName.get(key) ?? countries.getAlpha2Code(name.trim(), "en") ?? undefined;
}

const NEEDS_ARTICLE = /^(United|Republic|Kingdom|Holy See|Netherlands|Philippines|Bahamas|Gambia|Sovereign|European|Czech|Dominican|Central African|Maldives|Marshall|Solomon|Comoros|Seychelles|Democratic|Russian Federation|Turkish Republic)/;

/** "United States of America" → "the United States of America", for running text. */
export function countryNameInText(name: string): string {
  return NEEDS_ARTICLE.test(name) ? `the ${name}` : name;
}
