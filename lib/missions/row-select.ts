// What a mission table row needs from the database, shared by the dashboard, the API, the
// embed and the editor. No `server-only`: the custom server reads through it too.
import { freshnessOf } from "@/lib/status/freshness";
import type { FreshnessContext } from "@/lib/status/freshness-policies";
import type { MissionRow } from "./filter-missions";

export const missionRowSelect = {
  id: true,
  slug: true,
  sendingCode: true,
  hostCode: true,
  city: true,
  type: true,
  status: true,
  statusReason: true,
  sourceUrl: true,
  sourceTitle: true,
  statusSince: true,
  verifiedAt: true,
  statusUntil: true,
  statusFollows: true,
  expectedAfter: true,
  timeZone: true,
  version: true,
  sending: { select: { name: true } },
  host: { select: { name: true } },
} as const;

type Stored = Omit<MissionRow, "sendingName" | "hostName" | "freshness">;
type SelectedRow<Extra> = Stored & Extra & { sending: { name: string }; host: { name: string } };

/** Flattens the joined country names into the row and judges its freshness. */
export function toMissionRow<Extra extends object>({ sending, host, ...mission }: SelectedRow<Extra>, context: FreshnessContext): MissionRow & Extra {
  const stored = mission as Stored & Extra;
  return { ...stored, sendingName: sending.name, hostName: host.name, freshness: freshnessOf(stored, context.policyFor(stored.hostCode), context.now) };
}
