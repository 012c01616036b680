// What a mission is also called in other languages, so "Київ", "Kiew" and "Kyiv" find the same
// missions. The one composer of a mission's searchable text (lib/missions/search-text.ts) adds
// these to it, for the database's searchText column and for tables held in memory alike.
import { allCityNames } from "./city-names";
import { allCountryNames } from "./country-names";

export function searchAliasesFor({ sendingCode, hostCode, city }: { sendingCode: string; hostCode: string; city: string }): string[] {
  return [...new Set([...allCountryNames(sendingCode), ...allCountryNames(hostCode), ...allCityNames(city)])];
}
