// "Confirmed" as SQL: the one database form of isConfirmed(freshnessOf(…)) (./freshness.ts),
// for the filters of today's tables (lib/missions/list-query.ts) and the home page's counts
// (lib/countries/host-summaries.ts).
import { Prisma } from "@/lib/generated/sqlite/client";
import { DEFAULT_POLICY, staleCutoff, type FreshnessPolicy } from "./freshness";
import type { FreshnessContext } from "./freshness-policies";
import { STATUSES } from "./schema";

/**
 * One condition on Mission m: verified after the stale cutoff of its status in its host. Hosts
 * with their own policy get their own cutoffs; the rest share the defaults.
 * tests/integration/freshness.test.ts checks it against freshnessOf.
 */
export function confirmedSql(context: FreshnessContext): Prisma.Sql {
  const byStatus = (policy: FreshnessPolicy) =>
    Prisma.join(
      STATUSES.map((status) => Prisma.sql`(m."status" = ${status} AND m."verifiedAt" > ${staleCutoff(status, policy, context.now)})`),
      " OR ",
    );
  if (!context.hostsWithPolicy.length) return Prisma.sql`(${byStatus(DEFAULT_POLICY)})`;
  const perHost = context.hostsWithPolicy.map((host) => Prisma.sql`WHEN m."hostCode" = ${host} THEN (${byStatus(context.policyFor(host))})`);
  return Prisma.sql`(CASE ${Prisma.join(perHost, " ")} ELSE (${byStatus(DEFAULT_POLICY)}) END)`;
}
