// What a mission is also called in other languages, so "Київ", "Kiew" and "Kyiv" find the same
// missions. The one composer of a mission's searchable text (lib/missions/search-text.ts, on
// the reads branch) adds these to it; today's in-memory search uses them directly.
import { allCityNames } from "./city-names";
import { allCountryNames } from "./country-names";

export function searchAliasesFor({ sendingCode, hostCode, city }: { sendingCode: string; hostCode: string; city: string }): string[] {
  return [...new Set([...allCountryNames(sendingCode), ...allCountryNames(hostCode), ...allCityNames(city)])];
}
