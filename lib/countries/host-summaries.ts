// Per-status mission counts per host country, confirmed and unconfirmed apart, in one statement. Takes the client
// as an argument (no `server-only`) so the API on the custom server and the dashboard share it.
import type { Db } from "@/lib/db/create";
import { storedStatus } from "@/lib/db/stored-values";
import { Prisma } from "@/lib/generated/sqlite/client";
import { queryJsonRows } from "@/lib/history/json-rows";
import { confirmedSql } from "@/lib/status/confirmed-sql";
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

type RawGroup = [hostCode: string, hostName: string, status: string | null, missions: number, confirmed: number];

/**
 * One statement: the missions per host and status with how many of them are confirmed, and
 * the host's name; two Prisma groupBys and a names query cost twice as long at world scale.
 */
export async function loadHostSummaries(db: Db, context: FreshnessContext): Promise<HostSummary[]> {
  const statement = Prisma.sql`
    SELECT m."hostCode" AS "hostCode", hc."name" AS "hostName", m."status" AS "status", COUNT(*) AS "missions",
      SUM(CASE WHEN ${confirmedSql(context)} THEN 1 ELSE 0 END) AS "confirmed"
    FROM "Mission" m JOIN "Country" hc ON hc."code" = m."hostCode"
    WHERE m."archivedAt" IS NULL
    GROUP BY m."hostCode", hc."name", m."status"`;
  const groups = await queryJsonRows<RawGroup>(db, statement, [{ name: "hostCode" }, { name: "hostName" }, { name: "status" }, { name: "missions" }, { name: "confirmed" }]);
  const summaries = new Map<string, HostSummary>();
  for (const [hostCode, hostName, stored, missions, confirmedText] of groups) {
    let summary = summaries.get(hostCode);
    if (!summary) {
      summary = { code: hostCode, name: hostName, missions: 0, counts: emptyStatusCounts(), confirmed: emptyStatusCounts(), unconfirmed: emptyStatusCounts() };
      summaries.set(hostCode, summary);
    }
    const status = statusFilterOf(storedStatus(stored, "Mission.status"));
    // PostgreSQL's COUNT and SUM are bigint and numeric: JSON numbers either way, small ones.
    const count = Number(missions);
    const confirmed = Number(confirmedText);
    summary.counts[status] += count;
    summary.missions += count;
    if (status === "unreported") continue;
    summary.confirmed[status] += confirmed;
    summary.unconfirmed[status] += count - confirmed;
  }
  return [...summaries.values()].sort((a, b) => a.name.localeCompare(b.name, "en") || a.code.localeCompare(b.code));
}
