// Every row of the as-of table that filters ask for, in the list's order, read from the
// database a page at a time (missions.csv?at=…, decision 047), as eachMissionRow reads
// today's: never the whole world replayed in full at once. Filters that the pages cannot find
// from statuses alone (text search, "confirmed", changed_since, the orders by since and
// verification time) still replay the scope in memory (lib/history/as-of-page.ts).
import type { Db } from "@/lib/db/create";
import { filterMissions } from "@/lib/missions/filter-missions";
import type { MissionFilters } from "@/lib/missions/filters";
import { sortPositionOf, type SortPosition } from "@/lib/missions/order";
import type { FreshnessContext } from "@/lib/status/freshness-policies";
import { loadMissionsAsOf, type AsOfRow } from "./as-of";
import { loadRowsPageAsOf, pagesByStatusAlone } from "./as-of-page";
import type { Moment } from "./moment";

/** Rows per statement: a thousand rows in full are a few hundred kilobytes of JSON. */
export const AS_OF_ROWS_PAGE_SIZE = 1000;

export async function* eachMissionRowAsOf(
  db: Db,
  moment: Moment,
  filters: MissionFilters,
  freshness: FreshnessContext,
  options: { changedSince?: Date; pageSize?: number } = {},
): AsyncGenerator<AsOfRow> {
  const { changedSince, pageSize = AS_OF_ROWS_PAGE_SIZE } = options;
  if (!pagesByStatusAlone(filters, changedSince)) {
    const rows = (await loadMissionsAsOf(db, { hostCode: filters.host }, moment, freshness)).filter((row) => !changedSince || row.updatedAt >= changedSince);
    yield* filterMissions(rows, filters).rows;
    return;
  }
  let after: SortPosition | null = null;
  for (;;) {
    const { rows, hasMore } = await loadRowsPageAsOf(db, moment, { filters, limit: pageSize, after }, freshness);
    yield* rows;
    const last = rows.at(-1);
    if (!hasMore || !last) return;
    after = sortPositionOf(last);
  }
}
