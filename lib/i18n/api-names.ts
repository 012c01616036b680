// The API stays English-keyed (decision 032); `lang=` adds each country's name in a language.
import type { ApiMission } from "@/lib/api/schema";
import { countryNameIn } from "./country-names";
import type { Locale } from "./locales";

/** One country reference with its name in `lang` (unchanged without it). */
export function withLocalName<T extends { code: string; name: string }>(country: T, lang: Locale | undefined): T & { localName?: string } {
  return lang ? { ...country, localName: countryNameIn(country.code, lang, country.name) } : country;
}

export function withLocalNames(mission: ApiMission, lang: Locale | undefined): ApiMission {
  if (!lang) return mission;
  return { ...mission, sendingCountry: withLocalName(mission.sendingCountry, lang), hostCountry: withLocalName(mission.hostCountry, lang) };
}
