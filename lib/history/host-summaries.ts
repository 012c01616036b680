// The per-host counts of the table as of a moment (the same fields as
// lib/countries/host-summaries.ts gives for today): counted in the database for the API
// (loadHostSummariesAsOf, decision 047), or from rows already replayed (summariseHostsAsOf).
import type { HostSummary } from "@/lib/countries/host-summaries";
import type { Db } from "@/lib/db/create";
import { storedHistoryStatus } from "@/lib/db/stored-values";
import { Prisma } from "@/lib/generated/sqlite/client";
import { DEFAULT_POLICY, isConfirmed, staleCutoff } from "@/lib/status/freshness";
import type { FreshnessContext } from "@/lib/status/freshness-policies";
import { emptyStatusCounts, STATUSES, statusFilterOf } from "@/lib/status/schema";
import { asOfStatement, type AsOfRow } from "./as-of";
import { queryJsonRows } from "./json-rows";
import type { Moment } from "./moment";

export function summariseHostsAsOf(rows: readonly AsOfRow[]): Array<HostSummary & { cities: { city: string; total: number }[] }> {
  const byHost = new Map<string, HostSummary & { cityTotals: Map<string, number> }>();
  for (const row of rows) {
    let summary = byHost.get(row.hostCode);
    if (!summary) {
      summary = { code: row.hostCode, name: row.hostName, missions: 0, counts: emptyStatusCounts(), confirmed: emptyStatusCounts(), unconfirmed: emptyStatusCounts(), cityTotals: new Map() };
      byHost.set(row.hostCode, summary);
    }
    const status = statusFilterOf(row.status);
    summary.missions++;
    summary.counts[status]++;
    if (status !== "unreported") (isConfirmed(row.freshness) ? summary.confirmed : summary.unconfirmed)[status]++;
    summary.cityTotals.set(row.city, (summary.cityTotals.get(row.city) ?? 0) + 1);
  }
  return [...byHost.values()]
    .map(({ cityTotals, ...summary }) => ({
      ...summary,
      cities: [...cityTotals.entries()].map(([city, total]) => ({ city, total })).sort((a, b) => b.total - a.total || a.city.localeCompare(b.city)),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "en") || a.code.localeCompare(b.code));
}

/**
 * Whether the standing entry t (the columns of asOfStatement) confirms its status at T: the
 * confirmation as toAsOfRow gives it (none for an expiry, the effective time for a scheduled
 * change, never later than T) after the host's stale cutoff for that status, as freshnessOf
 * judges fresh or due (lib/status/freshness.ts; the boundary of lib/status/confirmed-sql.ts).
 */
function confirmedAt(moment: Moment, freshness: FreshnessContext): Prisma.Sql {
  const at = moment.at;
  // c3 hostCode, c9 kind, c10 newStatus, c15 effectiveAt, c16 recordedAt (as-of.ts FIELDS).
  const capped = (column: string) => Prisma.sql`CASE WHEN t."${Prisma.raw(column)}" > ${at} THEN ${at} ELSE t."${Prisma.raw(column)}" END`;
  const verified = Prisma.sql`CASE WHEN t."c9" = 'scheduled' THEN t."c15" WHEN t."c16" > t."c15" THEN ${capped("c16")} ELSE ${capped("c15")} END`;
  // One branch per status and host with a policy of its own, and one for every other host (no
  // CASE over parameters alone, whose type PostgreSQL would not know).
  const policyHosts = [...freshness.hostsWithPolicy];
  const others = policyHosts.length ? Prisma.sql`t."c3" NOT IN (${Prisma.join(policyHosts)})` : Prisma.sql`1 = 1`;
  const byStatus = STATUSES.flatMap((status) => [
    Prisma.sql`(t."c10" = ${status} AND ${others} AND ${verified} > ${staleCutoff(status, DEFAULT_POLICY, at)})`,
    ...policyHosts.map((host) => Prisma.sql`(t."c10" = ${status} AND t."c3" = ${host} AND ${verified} > ${staleCutoff(status, freshness.policyFor(host), at)})`),
  ]);
  return Prisma.sql`CASE WHEN t."c9" IS NOT NULL AND t."c9" <> 'expiry' AND (${Prisma.join(byStatus, " OR ")}) THEN 1 ELSE 0 END`;
}

/**
 * GET /countries?at=…: each host's missions, per-status counts and confirmed counts at T,
 * counted in the database over the as-of statement (one lookup per mission on the history's
 * index), never the world's rows in memory. Ordered by name then code, as loadHostSummaries is.
 */
export async function loadHostSummariesAsOf(db: Db, moment: Moment, freshness: FreshnessContext): Promise<HostSummary[]> {
  const statement = Prisma.sql`SELECT t."c3" AS "hostCode", t."c10" AS "status", ${confirmedAt(moment, freshness)} AS "confirmed", COUNT(*) AS "missions"
    FROM (${asOfStatement({}, moment)}) t GROUP BY 1, 2, 3`;
  const [groups, countries] = await Promise.all([
    queryJsonRows<[hostCode: string, status: string | null, confirmed: number | string, missions: number | string]>(db, statement, [
      { name: "hostCode" },
      { name: "status" },
      { name: "confirmed" },
      { name: "missions" },
    ]),
    db.country.findMany({ select: { code: true, name: true } }),
  ]);
  const names = new Map(countries.map((country) => [country.code, country.name]));
  const byHost = new Map<string, HostSummary>();
  for (const [code, stored, confirmed, counted] of groups) {
    let summary = byHost.get(code);
    if (!summary) byHost.set(code, (summary = { code, name: names.get(code) ?? code, missions: 0, counts: emptyStatusCounts(), confirmed: emptyStatusCounts(), unconfirmed: emptyStatusCounts() }));
    // PostgreSQL's COUNT is a bigint, which its JSON gives as a number: Number() for both.
    const missions = Number(counted);
    const status = statusFilterOf(storedHistoryStatus(stored, "the host summaries as of a moment"));
    summary.missions += missions;
    summary.counts[status] += missions;
    if (status !== "unreported") (Number(confirmed) === 1 ? summary.confirmed : summary.unconfirmed)[status] += missions;
  }
  return [...byHost.values()].sort((a, b) => a.name.localeCompare(b.name, "en") || a.code.localeCompare(b.code));
}
