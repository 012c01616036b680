import "server-only";
import { getDb } from "@/lib/db/client";
import { loadReasonVersions } from "./reason-texts";
import type { ReasonVersions } from "./reason-text";

/** For a page: the languages of its rows' reasons (keyed by `reasonKey`). */
export function getReasonVersions(rows: ReadonlyArray<{ id: number; statusReason: string | null }>): Promise<Map<string, ReasonVersions>> {
  return loadReasonVersions(getDb(), rows.map((row) => ({ missionId: row.id, reason: row.statusReason })));
}
