import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { getFreshnessContext } from "@/lib/missions/queries";
import { loadHostSummaries, type HostSummary } from "./host-summaries";
import { CountryCodeSchema } from "./schema";

export interface HostCountrySummary extends HostSummary {
  inCrisis: boolean;
}

/** Host countries that have missions, with per-status counts (confirmed apart). */
export async function getHostCountrySummaries(now: Date): Promise<HostCountrySummary[]> {
  const context = await getFreshnessContext(now);
  const hosts = await loadHostSummaries(getDb(), context);
  return hosts.map((host) => ({ ...host, inCrisis: context.policyFor(host.code).inCrisis }));
}

/** Per-city mission counts of a few host countries (the home page's cards), largest first. */
export async function getHostCities(hostCodes: readonly string[]): Promise<Map<string, Array<{ city: string; total: number }>>> {
  const cities = new Map<string, Array<{ city: string; total: number }>>();
  if (!hostCodes.length) return cities;
  const groups = await getDb().mission.groupBy({ by: ["hostCode", "city"], where: { archivedAt: null, hostCode: { in: [...hostCodes] } }, _count: { _all: true } });
  for (const group of groups) {
    const list = cities.get(group.hostCode) ?? [];
    list.push({ city: group.city, total: group._count._all });
    cities.set(group.hostCode, list);
  }
  for (const list of cities.values()) list.sort((a, b) => b.total - a.total || a.city.localeCompare(b.city));
  return cities;
}

/** The country with exactly this code; a malformed code is not looked up. Read once per render (a page and its metadata both ask). */
export const getCountry = cache(async (code: string) => {
  if (CountryCodeSchema.safeParse(code).data !== code) return null;
  return getDb().country.findUnique({ where: { code }, select: { code: true, name: true, isIso: true } });
});
