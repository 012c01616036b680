// The API stays English-keyed (decision 032); `lang=` adds each country's name in a language.
import type { ApiMission } from "@/lib/api/schema";
import { countryNameIn } from "./country-names";
import type { Locale } from "./locales";

export function withLocalNames(mission: ApiMission, lang: Locale | undefined): ApiMission {
  if (!lang) return mission;
  const local = (country: ApiMission["sendingCountry"]) => ({ ...country, localName: countryNameIn(country.code, lang, country.name) });
  return { ...mission, sendingCountry: local(mission.sendingCountry), hostCountry: local(mission.hostCountry) };
}
