// Per-status mission counts per host country, confirmed and unconfirmed apart. Takes the client
// as an argument (no `server-only`) so the API on the custom server and the dashboard share it.
import type { Db } from "@/lib/db/create";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { DEFAULT_POLICY, staleCutoff } from "@/lib/status/freshness";
import type { FreshnessContext } from "@/lib/status/freshness-policies";
import { emptyStatusCounts, STATUSES, statusFilterOf, type StatusCounts } from "@/lib/status/schema";

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

/**
 * The database form of isConfirmed(freshnessOf(…)): verified after the stale cutoff of its
 * status in its host. Hosts with their own policy get their own cutoffs; the rest share the
 * defaults. tests/integration/freshness-api.test.ts checks it against freshnessOf.
 */
function confirmedWhere(context: FreshnessContext): Prisma.MissionWhereInput {
  const policyHosts = [...context.hostsWithPolicy];
  const byStatus = (hostCode: Prisma.StringFilter | string, cutoffs: (status: (typeof STATUSES)[number]) => Date) =>
    STATUSES.map((status) => ({ hostCode, status, verifiedAt: { gt: cutoffs(status) } }));
  return {
    archivedAt: null,
    OR: [
      ...byStatus({ notIn: policyHosts }, (status) => staleCutoff(status, DEFAULT_POLICY, context.now)),
      ...policyHosts.flatMap((host) => byStatus(host, (status) => staleCutoff(status, context.policyFor(host), context.now))),
    ],
  };
}

export async function loadHostSummaries(db: Db, context: FreshnessContext): Promise<HostSummary[]> {
  const [groups, confirmedGroups, countries] = await Promise.all([
    db.mission.groupBy({ by: ["hostCode", "status"], where: { archivedAt: null }, _count: { _all: true } }),
    db.mission.groupBy({ by: ["hostCode", "status"], where: confirmedWhere(context), _count: { _all: true } }),
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
