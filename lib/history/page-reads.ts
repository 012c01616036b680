import "server-only";
import { getDb } from "@/lib/db/client";
import { loadFreshnessContext } from "@/lib/status/freshness-policies";
import { decodeHistoryCursor, HISTORY_PAGE_SIZE } from "@/lib/missions/history-page";
import { loadHistoryAsOf } from "./api-at";
import { loadMissionsAsOf, type AsOfRow, type AsOfScope } from "./as-of";
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
