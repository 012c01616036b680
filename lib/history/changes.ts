// What changed between two moments A < B: every mission whose status at B differs from its
// status at A, with both standing entries and the history entries in between (effective in
// (A, B], and for known=then recorded by B). Built on the as-of table, so both agree.
import type { Db } from "@/lib/db/create";
import { storedHistoryStatus } from "@/lib/db/stored-values";
import type { FreshnessContext } from "@/lib/status/freshness-policies";
import { matchesCity } from "@/lib/text/fold";
import { loadMissionsAsOf, type AsOfRow, type AsOfScope } from "./as-of";
import { historyEntrySelect } from "./entry-select";
import type { Known } from "./moment";

export interface ChangesQuery {
  scope: Pick<AsOfScope, "hostCode">;
  city?: string;
  from: Date;
  to: Date;
  known: Known;
}

export interface MissionChange {
  before: AsOfRow | null;
  after: AsOfRow;
  /** Newest last, in the history's order. */
  between: Awaited<ReturnType<typeof loadEntriesBetween>>;
}

// Keeps each IN list well under SQLite's bound on bound parameters.
const CHUNK = 500;

async function loadEntriesBetween(db: Db, missionIds: number[], query: ChangesQuery) {
  const chunks: number[][] = [];
  for (let index = 0; index < missionIds.length; index += CHUNK) chunks.push(missionIds.slice(index, index + CHUNK));
  const loaded = await Promise.all(
    chunks.map((ids) =>
      db.statusChange.findMany({
        where: {
          missionId: { in: ids },
          effectiveAt: { gt: query.from, lte: query.to },
          ...(query.known === "then" ? { recordedAt: { lte: query.to } } : {}),
        },
        orderBy: [{ effectiveAt: "asc" }, { recordedAt: "asc" }, { id: "asc" }],
        select: historyEntrySelect,
      }),
    ),
  );
  return loaded.flat().map((entry) => ({ ...entry, previousStatus: storedHistoryStatus(entry.previousStatus, "a history entry") }));
}

/** Missions whose status differs between `from` and `to`, ordered by sending country then city. */
export async function loadChangesBetween(db: Db, query: ChangesQuery, freshness: FreshnessContext): Promise<MissionChange[]> {
  const [before, after] = await Promise.all([
    loadMissionsAsOf(db, query.scope, { at: query.from, known: query.known }, freshness),
    loadMissionsAsOf(db, query.scope, { at: query.to, known: query.known }, freshness),
  ]);
  const beforeById = new Map(before.map((row) => [row.id, row]));
  const inCity = (row: AsOfRow) => !query.city || matchesCity(row.city, query.city);
  const differing = after.filter((row) => inCity(row) && (beforeById.get(row.id)?.status ?? null) !== row.status);
  const entries = await loadEntriesBetween(db, differing.map((row) => row.id), query);
  const byMission = new Map<number, typeof entries>();
  for (const entry of entries) byMission.set(entry.missionId, [...(byMission.get(entry.missionId) ?? []), entry]);
  return differing
    .map((row) => ({ before: beforeById.get(row.id) ?? null, after: row, between: byMission.get(row.id) ?? [] }))
    .sort((a, b) => a.after.sendingName.localeCompare(b.after.sendingName, "en") || a.after.city.localeCompare(b.after.city, "en") || a.after.id - b.after.id);
}
