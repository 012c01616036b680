// Every active mission of one host or one sending country, today, in one raw statement: a
// scope holds at most a few hundred missions, so its page, totals, map, cities and senders
// are all taken from these rows in memory (lib/missions/filter-missions.ts, the same order
// and cursors as the database's) instead of four statements per render (decision 052).
// The rows are read raw (./row-sql.ts).
import type { Db } from "@/lib/db/create";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { FreshnessContext } from "@/lib/status/freshness-policies";
import { loadMissionRowsWhere } from "./row-sql";
import type { MissionRow } from "./row-select";

export type ScopeOfRows = { hostCode: string } | { sendingCode: string };

/** Every active mission of the scope as the tables show it, fresh as of the context's now; ordered by id. */
export async function loadScopeRows(db: Db, scope: ScopeOfRows, context: FreshnessContext): Promise<MissionRow[]> {
  const inScope = "hostCode" in scope ? Prisma.sql`m."hostCode" = ${scope.hostCode}` : Prisma.sql`m."sendingCode" = ${scope.sendingCode}`;
  const rows = await loadMissionRowsWhere(db, [Prisma.sql`m."archivedAt" IS NULL`, inScope], context);
  return rows.sort((a, b) => a.id - b.id);
}

/** Distinct items by key, in the key's English order (the filter choices). */
export function uniqueSorted<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()].sort((a, b) => key(a).localeCompare(key(b), "en"));
}

/** The newest status change and confirmation among the rows ("Data last updated"). */
export function lastUpdatedOf(rows: readonly Pick<MissionRow, "statusSince" | "verifiedAt">[]) {
  const newest = (pick: (row: Pick<MissionRow, "statusSince" | "verifiedAt">) => Date | null) =>
    rows.reduce<Date | null>((latest, row) => {
      const at = pick(row);
      return at && (!latest || at > latest) ? at : latest;
    }, null);
  return { statusSince: newest((row) => row.statusSince), verifiedAt: newest((row) => row.verifiedAt) };
}

/** What a host's or sender's page says about its whole scope: when its data last changed, its cities and its senders. */
export function scopeFactsOf(rows: readonly MissionRow[]) {
  return {
    lastUpdated: lastUpdatedOf(rows),
    cities: uniqueSorted(rows.map((row) => row.city), (city) => city),
    sending: uniqueSorted(rows.map((row) => ({ code: row.sendingCode, name: row.sendingName })), (country) => country.name),
  };
}
