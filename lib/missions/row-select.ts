// What a mission table row needs from the database, shared by the dashboard, the API, the
// embed and the editor; the row's type is derived from this select. No `server-only`: the
// custom server reads through it too.
import type { Prisma } from "@/lib/generated/sqlite/client";
import { freshnessOf, type Freshness } from "@/lib/status/freshness";
import type { FreshnessContext } from "@/lib/status/freshness-policies";
import type { Status } from "@/lib/status/schema";
import type { MissionType } from "./types";

/** A mission's place and contacts: what its page shows, its editor edits and the export writes. */
export const missionContactSelect = {
  name: true,
  address: true,
  latitude: true,
  longitude: true,
  phone: true,
  email: true,
  website: true,
  wikidataId: true,
} as const;

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
  updatedAt: true,
  sending: { select: { name: true } },
  host: { select: { name: true } },
} satisfies Prisma.MissionSelect;

type SelectedRow = Prisma.MissionGetPayload<{ select: typeof missionRowSelect }>;

/** A row as the tables show it: country names flattened in, freshness judged when loaded. */
export type MissionRow = Omit<SelectedRow, "sending" | "host" | "type" | "status"> & {
  /** Written only through MissionTypeSchema / StatusSchema (lib/missions/schema.ts). */
  type: MissionType;
  status: Status | null;
  sendingName: string;
  hostName: string;
  /** Judged when the row was loaded (lib/status/freshness.ts). */
  freshness: Freshness | null;
};

/** Flattens the joined country names into the row and judges its freshness. */
export function toMissionRow<Selected extends SelectedRow>({ sending, host, ...mission }: Selected, context: FreshnessContext): Omit<Selected, "sending" | "host"> & MissionRow {
  const stored = mission as unknown as Omit<Selected, "sending" | "host"> & Pick<MissionRow, "type" | "status">;
  return { ...stored, sendingName: sending.name, hostName: host.name, freshness: freshnessOf(stored, context.policyFor(stored.hostCode), context.now) };
}
