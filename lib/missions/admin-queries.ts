import "server-only";
import { getDb } from "@/lib/db/client";
import type { MissionRow } from "./filter-missions";
import { missionRowSelect, toMissionRow } from "./row-select";
import { upcomingSelect } from "./scheduled-changes";

export interface AdminMissionRow extends MissionRow {
  archived: boolean;
}

/** Every mission (or only the archived ones) with what the editor list shows. */
export async function getAdminMissionRows({ archived = false } = {}): Promise<AdminMissionRow[]> {
  const missions = await getDb().mission.findMany({
    where: { archivedAt: archived ? { not: null } : null },
    select: { ...missionRowSelect, archivedAt: true },
  });
  return missions.map(({ archivedAt, ...mission }) => ({ ...toMissionRow(mission), archived: archivedAt !== null }));
}

export async function getAdminMission(id: number) {
  return getDb().mission.findUnique({
    where: { id },
    include: {
      sending: { select: { name: true } },
      host: { select: { name: true } },
      history: { orderBy: [{ recordedAt: "desc" }, { id: "desc" }], take: 20, include: { event: { select: { slug: true, name: true } } } },
      scheduledChanges: { where: { state: "pending" }, orderBy: [{ effectiveAt: "asc" }, { id: "asc" }], select: upcomingSelect },
    },
  });
}

export async function getAuditEntries({ before, limit = 100 }: { before?: number; limit?: number }) {
  return getDb().auditEntry.findMany({
    where: before ? { id: { lt: before } } : {},
    orderBy: { id: "desc" },
    take: limit,
  });
}
