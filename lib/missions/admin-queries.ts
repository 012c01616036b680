import "server-only";
import { getDb } from "@/lib/db/client";
import type { MissionRow } from "./filter-missions";

export interface AdminMissionRow extends MissionRow {
  archived: boolean;
}

/** Every mission (or only the archived ones) with what the editor list shows. */
export async function getAdminMissionRows({ archived = false } = {}): Promise<AdminMissionRow[]> {
  const missions = await getDb().mission.findMany({
    where: { archivedAt: archived ? { not: null } : null },
    select: {
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
      timeZone: true,
      version: true,
      archivedAt: true,
      sending: { select: { name: true } },
      host: { select: { name: true } },
    },
  });
  return missions.map(({ sending, host, archivedAt, ...mission }) => ({
    ...mission,
    sendingName: sending.name,
    hostName: host.name,
    archived: archivedAt !== null,
  }));
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
