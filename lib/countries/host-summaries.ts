// Per-status mission counts per host country. Takes the client as an argument (no
// `server-only`) so the API on the custom server and the dashboard share it.
import type { Db } from "@/lib/db/create";
import { emptyStatusCounts, statusFilterOf, type StatusCounts } from "@/lib/status/schema";

export interface HostSummary {
  code: string;
  name: string;
  missions: number;
  counts: StatusCounts;
}

export async function loadHostSummaries(db: Db): Promise<HostSummary[]> {
  const [groups, countries] = await Promise.all([
    db.mission.groupBy({ by: ["hostCode", "status"], where: { archivedAt: null }, _count: { _all: true } }),
    db.country.findMany({ select: { code: true, name: true } }),
  ]);
  const names = new Map(countries.map((country) => [country.code, country.name]));
  const summaries = new Map<string, HostSummary>();
  for (const group of groups) {
    let summary = summaries.get(group.hostCode);
    if (!summary) {
      summary = { code: group.hostCode, name: names.get(group.hostCode) ?? group.hostCode, missions: 0, counts: emptyStatusCounts() };
      summaries.set(group.hostCode, summary);
    }
    summary.counts[statusFilterOf(group.status)] += group._count._all;
    summary.missions += group._count._all;
  }
  return [...summaries.values()].sort((a, b) => a.name.localeCompare(b.name, "en") || a.code.localeCompare(b.code));
}
