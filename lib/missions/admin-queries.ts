import "server-only";
import type { SessionUser } from "@/lib/auth/sessions";
import { getDb, type Db } from "@/lib/db/client";
import { loadFreshnessContext } from "@/lib/status/freshness-policies";
import type { MissionRow } from "./filter-missions";
import { missionRowSelect, toMissionRow } from "./row-select";
import { upcomingSelect } from "./scheduled-changes";

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
      scheduledChanges: { where: { state: "pending" }, orderBy: [{ effectiveAt: "asc" }, { id: "asc" }], select: upcomingSelect },
    },
  });
}

/**
 * The audit trail as this user may read it: admins everything; editors only the entries of
 * missions they may edit, never user records (user management is for admins only).
 */
export async function getAuditEntries(db: Db, viewer: SessionUser, { before, limit = 100 }: { before?: number; limit?: number }) {
  return db.auditEntry.findMany({
    where: { ...(before ? { id: { lt: before } } : {}), ...(viewer.role === "admin" ? {} : await editorAuditScope(db, viewer)) },
    orderBy: { id: "desc" },
    take: limit,
  });
}

async function editorAuditScope(db: Db, editor: SessionUser) {
  if (editor.hostScope === null) return { entityType: "mission" };
  const missions = await db.mission.findMany({ where: { hostCode: { in: editor.hostScope } }, select: { id: true } });
  return { entityType: "mission", entityId: { in: missions.map((mission) => String(mission.id)) } };
}
