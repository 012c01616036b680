import "server-only";
import { getDb } from "@/lib/db/client";
import { emptyStatusCounts, statusFilterOf, type StatusCounts } from "@/lib/status/schema";

export interface HostCountrySummary {
  code: string;
  name: string;
  total: number;
  counts: StatusCounts;
  cities: Array<{ city: string; total: number }>;
}

/** Host countries that have missions, with per-status and per-city counts. */
export async function getHostCountrySummaries(): Promise<HostCountrySummary[]> {
  const db = getDb();
  const [groups, cityGroups, countries] = await Promise.all([
    db.mission.groupBy({ by: ["hostCode", "status"], where: { archivedAt: null }, _count: { _all: true } }),
    db.mission.groupBy({ by: ["hostCode", "city"], where: { archivedAt: null }, _count: { _all: true } }),
    db.country.findMany({ select: { code: true, name: true } }),
  ]);
  const names = new Map(countries.map((country) => [country.code, country.name]));
  const summaries = new Map<string, HostCountrySummary>();
  const summaryFor = (code: string) => {
    let summary = summaries.get(code);
    if (!summary) {
      summary = { code, name: names.get(code) ?? code, total: 0, counts: emptyStatusCounts(), cities: [] };
      summaries.set(code, summary);
    }
    return summary;
  };
  for (const group of groups) {
    const summary = summaryFor(group.hostCode);
    summary.counts[statusFilterOf(group.status)] += group._count._all;
    summary.total += group._count._all;
  }
  for (const group of cityGroups) summaryFor(group.hostCode).cities.push({ city: group.city, total: group._count._all });
  for (const summary of summaries.values()) summary.cities.sort((a, b) => b.total - a.total || a.city.localeCompare(b.city));
  return [...summaries.values()].sort((a, b) => a.name.localeCompare(b.name, "en"));
}

export async function getCountry(code: string) {
  if (!/^[A-Z]{2}$/.test(code)) return null;
  return getDb().country.findUnique({ where: { code }, select: { code: true, name: true, isIso: true } });
}
