// The one total order of a mission table, written twice from the same primaryKey and nullsLast:
// as a comparator (tables held in memory) and as raw SQL ORDER BY + keyset WHERE (./order-sql.ts:
// the database pages through it). Both compare the folded keys by code point (decision 027), so
// SQLite, PostgreSQL and memory agree; tests/integration/mission-pages.test.ts checks them.
import type { MissionFilters } from "./filters";
import type { MissionRow } from "./row-select";
import { compareCodePoints, missionSortKeys, type SortKeys } from "./search-text";

export type Order = Pick<MissionFilters, "sort" | "dir">;

/** The values a row is ordered by; a cursor carries them for the last row of a page. */
export type SortPosition = SortKeys & Pick<MissionRow, "id" | "type" | "status" | "statusSince" | "verifiedAt">;

export function sortPositionOf(row: Pick<MissionRow, "id" | "type" | "status" | "statusSince" | "verifiedAt" | "sendingName" | "hostName" | "city">): SortPosition {
  return { ...missionSortKeys(row), id: row.id, type: row.type, status: row.status, statusSince: row.statusSince, verifiedAt: row.verifiedAt };
}

export type TextKey = "sendingKey" | "hostKey" | "cityKey" | "type";
export type NullableKey = "status" | "statusSince" | "verifiedAt";
const TEXT_KEYS: Partial<Record<MissionFilters["sort"], TextKey>> = { sending: "sendingKey", host: "hostKey", city: "cityKey", type: "type" };
const NULLABLE_KEYS: Partial<Record<MissionFilters["sort"], NullableKey>> = { status: "status", since: "statusSince", verified: "verifiedAt" };

/**
 * Where rows without a value go. Statuses order closed < limited < open (alphabetical) <
 * unreported (null), reversed by "desc"; missions without a time sort last either way.
 */
export const nullsLast = (order: Order) => order.sort !== "status" || order.dir === "asc";

export function primaryKey(order: Order): { text: TextKey } | { nullable: NullableKey } {
  const text = TEXT_KEYS[order.sort];
  return text ? { text } : { nullable: NULLABLE_KEYS[order.sort] ?? "status" };
}

function compareNullable(a: string | Date | null, b: string | Date | null, direction: 1 | -1, last: boolean): number {
  if (a === null || b === null) return a === b ? 0 : (a === null) === last ? 1 : -1;
  const difference = a instanceof Date && b instanceof Date ? a.getTime() - b.getTime() : compareCodePoints(String(a), String(b));
  return direction * Math.sign(difference);
}

/** The same order in memory, on positions. */
export function comparePositions(order: Order): (a: SortPosition, b: SortPosition) => number {
  const key = primaryKey(order);
  const direction = order.dir === "desc" ? -1 : 1;
  const primary =
    "text" in key
      ? (a: SortPosition, b: SortPosition) => direction * compareCodePoints(a[key.text], b[key.text])
      : (a: SortPosition, b: SortPosition) => compareNullable(a[key.nullable], b[key.nullable], direction, nullsLast(order));
  return (a, b) => primary(a, b) || compareCodePoints(a.sendingKey, b.sendingKey) || compareCodePoints(a.cityKey, b.cityKey) || a.id - b.id;
}

/** The same order in memory, on rows (the as-of tables). */
export function missionComparator(order: Order): (a: MissionRow, b: MissionRow) => number {
  const compare = comparePositions(order);
  return (a, b) => compare(sortPositionOf(a), sortPositionOf(b));
}
