// Filtering and ordering of mission rows held in memory: the as-of tables (lib/history/as-of.ts
// replays them) and the embed of one host. Today's tables are filtered, ordered and paged in
// the database (lib/missions/list-query.ts) by the same rules (decision 026).
import { isConfirmed } from "@/lib/status/freshness";
import { emptyStatusCounts, statusFilterOf, type StatusCounts } from "@/lib/status/schema";
import type { MissionFilters } from "./filters";
import { encodeCursor } from "./cursor";
import { comparePositions, sortPositionOf, type SortPosition } from "./order";
import type { MissionRow } from "./row-select";
import { missionSearchText, searchWords } from "./search-text";
import { matchesCity } from "@/lib/text/fold";

export type { MissionRow } from "./row-select";
export { missionComparator } from "./order";

function matchesText(row: MissionRow, query: string): boolean {
  const haystack = missionSearchText({ ...row, reason: row.statusReason });
  return searchWords(query).every((word) => haystack.includes(word));
}

/** Every filter except status: the set whose per-status totals the views show. */
export function filterExceptStatus<Row extends MissionRow>(rows: readonly Row[], filters: MissionFilters): Row[] {
  const { city } = filters;
  return rows.filter(
    (row) =>
      (!filters.host || row.hostCode === filters.host) &&
      (!city || matchesCity(row.city, city)) &&
      (!filters.sending.length || filters.sending.includes(row.sendingCode)) &&
      (!filters.type.length || filters.type.includes(row.type)) &&
      (!filters.confirmed || isConfirmed(row.freshness)) &&
      (!filters.q || matchesText(row, filters.q)),
  );
}

export function countByStatus(rows: readonly Pick<MissionRow, "status">[]): StatusCounts {
  const counts = emptyStatusCounts();
  for (const row of rows) counts[statusFilterOf(row.status)]++;
  return counts;
}

export interface FilteredMissions<Row extends MissionRow = MissionRow> {
  rows: Row[];
  totals: StatusCounts;
}

/** Sorts by the table order, folding each row's keys once. */
export function sortMissions<Row extends MissionRow>(rows: readonly Row[], order: Pick<MissionFilters, "sort" | "dir">): Row[] {
  const compare = comparePositions(order);
  return rows
    .map((row) => ({ row, position: sortPositionOf(row) }))
    .sort((a, b) => compare(a.position, b.position))
    .map(({ row }) => row);
}

/** The rows the filters select, in no particular order (a map needs no order), and the totals. */
export function selectMissions<Row extends MissionRow>(rows: readonly Row[], filters: MissionFilters): FilteredMissions<Row> {
  const scoped = filterExceptStatus(rows, filters);
  const totals = countByStatus(scoped);
  return { rows: filters.status.length ? scoped.filter((row) => filters.status.includes(statusFilterOf(row.status))) : scoped, totals };
}

export function filterMissions<Row extends MissionRow>(rows: readonly Row[], filters: MissionFilters): FilteredMissions<Row> {
  const { rows: selected, totals } = selectMissions(rows, filters);
  return { rows: sortMissions(selected, filters), totals };
}

/** A page of rows held in memory, by the same order and cursors as the database's pages. */
export function pageMissions<Row extends MissionRow>(rows: readonly Row[], filters: MissionFilters, page: { limit: number; after?: SortPosition | null }) {
  const { rows: selected, totals } = filterMissions(rows, filters);
  const compare = comparePositions(filters);
  const after = page.after;
  const start = after ? selected.findIndex((row) => compare(sortPositionOf(row), after) > 0) : 0;
  const pageRows = start < 0 ? [] : selected.slice(start, start + page.limit);
  const last = pageRows.at(-1);
  const hasMore = start >= 0 && start + page.limit < selected.length;
  return { rows: pageRows, totals, matching: selected.length, nextCursor: hasMore && last ? encodeCursor(last, filters) : null };
}
