import "server-only";
import { getDb } from "@/lib/db/client";
import { loadFreshnessContext } from "@/lib/status/freshness-policies";
import { decodeHistoryCursor, HISTORY_PAGE_SIZE } from "@/lib/missions/history-page";
import { loadHistoryAsOf } from "./api-at";
import { decodeCursor } from "@/lib/missions/cursor";
import type { MissionFilters } from "@/lib/missions/filters";
import { PUBLIC_PAGE_SIZE } from "@/lib/missions/queries";
import { loadLastUpdatedAsOf, loadMissionsAsOf, type AsOfRow, type AsOfScope } from "./as-of";
import { loadHostCountsAsOf, loadMissionPageAsOf } from "./as-of-page";
import { loadChangesPage, type ChangesQuery } from "./changes";
import type { ChangesPageRequest } from "./changes-api";
import type { Moment } from "./moment";

/** The pages' form of loadMissionsAsOf, on the app's database. */
export async function getMissionRowsAsOf(scope: AsOfScope, moment: Moment): Promise<AsOfRow[]> {
  const db = getDb();
  return loadMissionsAsOf(db, scope, moment, await loadFreshnessContext(db, moment.at));
}

/** One page of what changed between two moments. */
export async function getChangesPage(query: ChangesQuery, page: ChangesPageRequest) {
  const db = getDb();
  return loadChangesPage(db, query, page, await loadFreshnessContext(db, query.to));
}

/** One page of a mission's history as known at the moment (`before`: a cursor of the previous page). */
export async function getHistoryAsOf(missionId: number, moment: Moment, before?: string) {
  return loadHistoryAsOf(getDb(), missionId, moment, { before: before ? decodeHistoryCursor(before) : null, limit: HISTORY_PAGE_SIZE });
}

/** A page of the world's table at the moment, as getMissionPage gives today's (a cursor not ours starts at the first page). */
export async function getMissionPageAsOf(filters: MissionFilters, after: string | undefined, moment: Moment) {
  const db = getDb();
  const position = after ? decodeCursor(after, filters) : null;
  return loadMissionPageAsOf(db, moment, { filters, limit: PUBLIC_PAGE_SIZE, after: typeof position === "string" ? null : position }, await loadFreshnessContext(db, moment.at));
}

/** "Data last updated" of a scope at the moment, from the database. */
export function getLastUpdatedAsOf(scope: AsOfScope, moment: Moment) {
  return loadLastUpdatedAsOf(getDb(), scope, moment);
}

/** The home page's per-host counts at the moment. */
export function getHostCountsAsOf(moment: Moment) {
  return loadHostCountsAsOf(getDb(), moment);
}
