// The host city's IANA time zone, from bundled data only (works offline): the coordinates
// when known, else the host country when it has a single zone.
import tzLookup from "@photostructure/tz-lookup";
import { getCountry } from "countries-and-timezones";

export function timeZoneFor(place: { latitude: number | null; longitude: number | null; hostCode: string }): string {
  if (place.latitude !== null && place.longitude !== null) {
    try {
      return tzLookup(place.latitude, place.longitude);
    } catch {
      // Out-of-range coordinates: fall back to the country.
    }
  }
  const zones = getCountry(place.hostCode)?.timezones ?? [];
  return zones.length === 1 ? zones[0]! : "UTC";
}
