import "server-only";
import { getDb } from "@/lib/db/client";
import { loadReasonVersions } from "./reason-texts";
import type { Moment } from "@/lib/history/moment";
import type { ReasonVersions } from "./reason-text";
import { reasonTextsAsOf } from "./reason-moment";

/** For a page: the languages of its rows' reasons (keyed by `reasonKey`); for a view as known then, the texts of then. */
export function getReasonVersions(rows: ReadonlyArray<{ id: number; statusReason: string | null }>, moment: Moment | null = null): Promise<Map<string, ReasonVersions>> {
  return loadReasonVersions(getDb(), rows.map((row) => ({ missionId: row.id, reason: row.statusReason })), reasonTextsAsOf(moment));
}
