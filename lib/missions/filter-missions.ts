// Pure filtering and sorting of mission rows. A host country has at most a few hundred
// missions, so filtering in memory keeps text search Unicode-aware and identical on SQLite
// and PostgreSQL.
import { isConfirmed, type Freshness } from "@/lib/status/freshness";
import { emptyStatusCounts, statusFilterOf, type Status, type StatusCounts, type StatusFilter } from "@/lib/status/schema";
import type { MissionFilters, MissionSort } from "./filters";
import { foldText, matchesCity } from "@/lib/text/fold";
import { missionTypeLabel, type MissionType } from "./types";
import { searchAliasesFor } from "@/lib/i18n/search-aliases";

export interface MissionRow {
  id: number;
  slug: string;
  sendingCode: string;
  sendingName: string;
  hostCode: string;
  hostName: string;
  city: string;
  type: MissionType;
  status: Status | null;
  statusReason: string | null;
  sourceUrl: string | null;
  sourceTitle: string | null;
  statusSince: Date | null;
  verifiedAt: Date | null;
  /** When the current status ends by itself, and what follows (see lib/missions/expiry.ts). */
  statusUntil: Date | null;
  statusFollows: string | null;
  /** Non-null: the schedule applied the current status after this one ended; not confirmed. */
  expectedAfter: string | null;
  timeZone: string;
  version: number;
  /** Judged when the row was loaded (lib/status/freshness.ts). */
  freshness: Freshness | null;
}

// The names in other languages of a row's countries and city, folded: a few hundred places at
// most, so kept for the life of the process.
const foldedAliases = new Map<string, string>();
function aliasesOf(row: MissionRow): string {
  const key = `${row.sendingCode} ${row.hostCode} ${row.city}`;
  let folded = foldedAliases.get(key);
  if (folded === undefined) {
    folded = foldText(searchAliasesFor({ sendingCode: row.sendingCode, hostCode: row.hostCode, city: row.city }).join(" "));
    if (foldedAliases.size >= 50_000) foldedAliases.clear();
    foldedAliases.set(key, folded);
  }
  return folded;
}

function matchesText(row: MissionRow, query: string): boolean {
  const haystack =
    foldText(
      [row.sendingName, row.sendingCode, row.hostName, row.city, missionTypeLabel(row.type), row.statusReason ?? ""].join(
        " ",
      ),
    ) +
    " " +
    aliasesOf(row);
  return foldText(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/** Every filter except status: the set whose per-status totals the views show. */
export function filterExceptStatus(rows: readonly MissionRow[], filters: MissionFilters): MissionRow[] {
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

export function countByStatus(rows: readonly MissionRow[]): StatusCounts {
  const counts = emptyStatusCounts();
  for (const row of rows) counts[statusFilterOf(row.status)]++;
  return counts;
}

const STATUS_ORDER: Record<StatusFilter, number> = { closed: 0, limited: 1, open: 2, unreported: 3 };

function compareBy(sort: MissionSort, direction: 1 | -1): (a: MissionRow, b: MissionRow) => number {
  const text = (pick: (row: MissionRow) => string) => (a: MissionRow, b: MissionRow) =>
    direction * pick(a).localeCompare(pick(b), "en");
  // Missions without a time sort last in either direction.
  const time = (pick: (row: MissionRow) => Date | null) => (a: MissionRow, b: MissionRow) => {
    const left = pick(a)?.getTime();
    const right = pick(b)?.getTime();
    if (left === undefined || right === undefined) return (left === undefined ? 1 : 0) - (right === undefined ? 1 : 0);
    return direction * (left - right);
  };
  switch (sort) {
    case "sending":
      return text((row) => row.sendingName);
    case "host":
      return text((row) => row.hostName);
    case "city":
      return text((row) => row.city);
    case "type":
      return text((row) => missionTypeLabel(row.type));
    case "status":
      return (a, b) => direction * (STATUS_ORDER[statusFilterOf(a.status)] - STATUS_ORDER[statusFilterOf(b.status)]);
    case "since":
      return time((row) => row.statusSince);
    case "verified":
      return time((row) => row.verifiedAt);
  }
}

export interface FilteredMissions {
  rows: MissionRow[];
  totals: StatusCounts;
}

/** The total order of a sorted table: the chosen key, then sending country, city and id. */
export function missionComparator(filters: Pick<MissionFilters, "sort" | "dir">): (a: MissionRow, b: MissionRow) => number {
  const primary = compareBy(filters.sort, filters.dir === "desc" ? -1 : 1);
  return (a, b) =>
    primary(a, b) || a.sendingName.localeCompare(b.sendingName, "en") || a.city.localeCompare(b.city, "en") || a.id - b.id;
}

export function filterMissions(rows: readonly MissionRow[], filters: MissionFilters): FilteredMissions {
  const scoped = filterExceptStatus(rows, filters);
  const totals = countByStatus(scoped);
  const compare = missionComparator(filters);
  const selected = filters.status.length
    ? scoped.filter((row) => filters.status.includes(statusFilterOf(row.status)))
    : scoped;
  return {
    rows: selected.sort(compare),
    totals,
  };
}
