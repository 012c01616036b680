import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { loadFreshnessContext } from "@/lib/status/freshness-policies";
import { loadHostSummaries, type HostSummary } from "./host-summaries";
import { CountryCodeSchema } from "./schema";

export interface HostCountrySummary extends HostSummary {
  cities: Array<{ city: string; total: number }>;
  inCrisis: boolean;
}

/** Host countries that have missions, with per-status (confirmed apart) and per-city counts. */
export async function getHostCountrySummaries(now: Date): Promise<HostCountrySummary[]> {
  const db = getDb();
  const context = await loadFreshnessContext(db, now);
  const [hosts, cityGroups] = await Promise.all([
    loadHostSummaries(db, context),
    db.mission.groupBy({ by: ["hostCode", "city"], where: { archivedAt: null }, _count: { _all: true } }),
  ]);
  const cities = new Map<string, HostCountrySummary["cities"]>();
  for (const group of cityGroups) {
    const list = cities.get(group.hostCode) ?? [];
    list.push({ city: group.city, total: group._count._all });
    cities.set(group.hostCode, list);
  }
  return hosts.map((host) => ({
    ...host,
    inCrisis: context.policyFor(host.code).inCrisis,
    cities: (cities.get(host.code) ?? []).sort((a, b) => b.total - a.total || a.city.localeCompare(b.city)),
  }));
}

/** The country with exactly this code; a malformed code is not looked up. Read once per render (a page and its metadata both ask). */
export const getCountry = cache(async (code: string) => {
  if (CountryCodeSchema.safeParse(code).data !== code) return null;
  return getDb().country.findUnique({ where: { code }, select: { code: true, name: true, isIso: true } });
});
