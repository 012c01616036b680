// Per-status mission counts per host country, confirmed and unconfirmed apart. Takes the client
// as an argument (no `server-only`) so the API on the custom server and the dashboard share it.
import type { Db } from "@/lib/db/create";
import { confirmedWhere } from "@/lib/missions/list-query";
import type { FreshnessContext } from "@/lib/status/freshness-policies";
import { emptyStatusCounts, statusFilterOf, type StatusCounts } from "@/lib/status/schema";

export interface HostSummary {
  code: string;
  name: string;
  missions: number;
  counts: StatusCounts;
  /** Statuses a source confirmed within the window (fresh or due); `unreported` stays 0. */
  confirmed: StatusCounts;
  /** counts − confirmed for each reported status: stale or unconfirmed. */
  unconfirmed: StatusCounts;
}

export async function loadHostSummaries(db: Db, context: FreshnessContext): Promise<HostSummary[]> {
  const [groups, confirmedGroups, countries] = await Promise.all([
    db.mission.groupBy({ by: ["hostCode", "status"], where: { archivedAt: null }, _count: { _all: true } }),
    db.mission.groupBy({ by: ["hostCode", "status"], where: { AND: [{ archivedAt: null }, confirmedWhere(context)] }, _count: { _all: true } }),
    db.country.findMany({ select: { code: true, name: true } }),
  ]);
  const names = new Map(countries.map((country) => [country.code, country.name]));
  const summaries = new Map<string, HostSummary>();
  for (const group of groups) {
    let summary = summaries.get(group.hostCode);
    if (!summary) {
      summary = {
        code: group.hostCode,
        name: names.get(group.hostCode) ?? group.hostCode,
        missions: 0,
        counts: emptyStatusCounts(),
        confirmed: emptyStatusCounts(),
        unconfirmed: emptyStatusCounts(),
      };
      summaries.set(group.hostCode, summary);
    }
    const status = statusFilterOf(group.status);
    summary.counts[status] += group._count._all;
    if (status !== "unreported") summary.unconfirmed[status] += group._count._all;
    summary.missions += group._count._all;
  }
  for (const group of confirmedGroups) {
    const summary = summaries.get(group.hostCode);
    const status = statusFilterOf(group.status);
    if (!summary || status === "unreported") continue;
    summary.confirmed[status] += group._count._all;
    summary.unconfirmed[status] -= group._count._all;
  }
  return [...summaries.values()].sort((a, b) => a.name.localeCompare(b.name, "en") || a.code.localeCompare(b.code));
}
