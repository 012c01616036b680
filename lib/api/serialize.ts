// Database rows → the documented API shapes. Status and type arrive parsed
// (lib/db/stored-values.ts): an unknown one is already null or "other".
import type { UpcomingChange } from "@/lib/missions/scheduled-changes";
import type { MissionType } from "@/lib/missions/types";
import { FollowsSchema, StatusSchema } from "@/lib/status/schema";
import { describeStatus } from "@/lib/status/wording";
import type { ApiMission, ApiStatusChange, ApiUpcomingChange } from "./schema";
import type { LoadedChangeRow } from "./read-model";
import type { MissionRow } from "@/lib/missions/row-select";

const iso = (date: Date | null) => (date ? date.toISOString() : null);
// What follows a status's end is stored as a status or "unreported" (→ null).
const statusOrNull = (status: string | null) => StatusSchema.safeParse(status).data ?? null;

export function missionUrl(origin: string, slug: string): string {
  return `${origin}/missions/${encodeURIComponent(slug)}`;
}

/** `now` is the moment the row's freshness was judged at, so the words match it. */
export function toApiMission(row: MissionRow, origin: string, now: Date): ApiMission {
  return {
    slug: row.slug,
    url: missionUrl(origin, row.slug),
    sendingCountry: { code: row.sendingCode, name: row.sendingName },
    hostCountry: { code: row.hostCode, name: row.hostName },
    city: row.city,
    type: row.type,
    timeZone: row.timeZone,
    status: row.status,
    statusReason: row.statusReason,
    statusSince: iso(row.statusSince),
    verifiedAt: iso(row.verifiedAt),
    freshness: row.freshness,
    statusText: describeStatus(row, now).text,
    sourceUrl: row.sourceUrl,
    sourceTitle: row.sourceTitle,
    statusUntil: iso(row.statusUntil),
    statusFollows: statusOrNull(row.statusFollows),
    expectedAfter: statusOrNull(row.expectedAfter),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toApiUpcoming(change: UpcomingChange): ApiUpcomingChange | null {
  const status = statusOrNull(change.status);
  if (!status) return null;
  return {
    status,
    effectiveAt: change.effectiveAt.toISOString(),
    until: iso(change.until),
    follows: change.until ? (FollowsSchema.safeParse(change.follows).data ?? "previous") : null,
    reason: change.reason,
    sourceUrl: change.sourceUrl,
    sourceTitle: change.sourceTitle,
  };
}

const KINDS = ["change", "verify", "expiry", "scheduled"] as const;

export function toApiChange(change: LoadedChangeRow): Omit<ApiStatusChange, "event"> {
  return {
    id: change.id,
    kind: KINDS.find((kind) => kind === change.kind) ?? "change",
    previousStatus: change.previousStatus,
    newStatus: change.newStatus,
    reason: change.reason,
    sourceUrl: change.sourceUrl,
    sourceTitle: change.sourceTitle,
    effectiveAt: change.effectiveAt.toISOString(),
    recordedAt: change.recordedAt.toISOString(),
    until: iso(change.until),
    follows: statusOrNull(change.follows),
    endsChangeId: change.endsChangeId,
  };
}

export function toMissionRef(mission: { slug: string; sendingCode: string; hostCode: string; city: string; type: MissionType; sending: { name: string } }) {
  return {
    slug: mission.slug,
    sendingCountry: { code: mission.sendingCode, name: mission.sending.name },
    hostCode: mission.hostCode,
    city: mission.city,
    type: mission.type,
  };
}
