import "server-only";
import { getDb } from "@/lib/db/client";
import { loadFreshnessContext } from "@/lib/status/freshness-policies";
import type { MissionRow } from "./filter-missions";
import { missionRowSelect, toMissionRow } from "./row-select";

export interface AdminMissionRow extends MissionRow {
  archived: boolean;
}

/** Every mission (or only the archived ones) with what the editor list shows. */
export async function getAdminMissionRows({ archived = false, now = new Date() } = {}): Promise<AdminMissionRow[]> {
  const [missions, freshness] = await Promise.all([
    getDb().mission.findMany({ where: { archivedAt: archived ? { not: null } : null }, select: { ...missionRowSelect, archivedAt: true } }),
    loadFreshnessContext(getDb(), now),
  ]);
  return missions.map(({ archivedAt, ...mission }) => ({ ...toMissionRow(mission, freshness), archived: archivedAt !== null }));
}

export async function getAdminMission(id: number) {
  return getDb().mission.findUnique({
    where: { id },
    include: {
      sending: { select: { name: true } },
      host: { select: { name: true } },
      history: { orderBy: [{ recordedAt: "desc" }, { id: "desc" }], take: 20, include: { event: { select: { slug: true, name: true } } } },
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
