// Country names in a language, from i18n-iso-countries' locale files (kept upstream with CLDR
// names). The entities without an ISO code (lib/countries/catalog.ts) keep their English name.
import countries from "i18n-iso-countries";
import ar from "i18n-iso-countries/langs/ar.json";
import de from "i18n-iso-countries/langs/de.json";
import en from "i18n-iso-countries/langs/en.json";
import es from "i18n-iso-countries/langs/es.json";
import fr from "i18n-iso-countries/langs/fr.json";
import pl from "i18n-iso-countries/langs/pl.json";
import ru from "i18n-iso-countries/langs/ru.json";
import uk from "i18n-iso-countries/langs/uk.json";
import type { Locale } from "./locales";

for (const locale of [ar, de, en, es, fr, pl, ru, uk]) countries.registerLocale(locale);

/** Languages whose names search finds, beyond the interface's: travellers type their own. */
export const NAME_LANGUAGES = ["en", "uk", "de", "ar", "es", "fr", "pl", "ru"] as const;

/** The name in the language; English stays the data's own name (Wikidata's, as imported). */
export function countryNameIn(code: string, locale: Locale | (typeof NAME_LANGUAGES)[number], englishName: string): string {
  if (locale === "en") return englishName;
  return countries.getName(code, locale, { select: "official" }) ?? englishName;
}

/** Every name of the country in every language above, and its aliases ("USA", "Vereinigte Staaten"). */
export function allCountryNames(code: string): string[] {
  return NAME_LANGUAGES.flatMap((language) => countries.getName(code, language, { select: "all" }) ?? []);
}
