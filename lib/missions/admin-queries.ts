import "server-only";
import type { SessionUser } from "@/lib/auth/sessions";
import { getDb, type Db } from "@/lib/db/client";
import { loadFreshnessContext } from "@/lib/status/freshness-policies";
import type { MissionFilters } from "./filters";
import { loadMissionPage, type MissionPage } from "./list-query";
import type { SortPosition } from "./order";
import { upcomingSelect } from "./scheduled-changes";

/** The editor's list: the missions they may edit (their host countries), a page at a time. */
export async function getAdminMissionPage(db: Db, user: Pick<SessionUser, "hostScope">, request: { filters: MissionFilters; limit: number; after: SortPosition | null; archived: boolean; now?: Date }): Promise<MissionPage> {
  const freshness = await loadFreshnessContext(db, request.now ?? new Date());
  return loadMissionPage(db, freshness, { filters: request.filters, limit: request.limit, after: request.after, scope: { hostScope: user.hostScope, archived: request.archived } });
}

/** The choices of the editor's filter form: host countries, and the cities and senders of the chosen host. */
export async function getAdminFilterChoices(db: Db, user: Pick<SessionUser, "hostScope">, host: string | undefined) {
  const scope = { archivedAt: null, ...(user.hostScope ? { hostCode: { in: [...user.hostScope] } } : {}) };
  const inHost = host ? { ...scope, AND: [{ hostCode: host }] } : scope;
  const [hosts, cities, senders, countries] = await Promise.all([
    db.mission.groupBy({ by: ["hostCode"], where: scope }),
    db.mission.groupBy({ by: ["city"], where: inHost }),
    db.mission.groupBy({ by: ["sendingCode"], where: inHost }),
    db.country.findMany({ select: { code: true, name: true } }),
  ]);
  const names = new Map(countries.map((country) => [country.code, country.name]));
  const named = (code: string) => ({ code, name: names.get(code) ?? code });
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "en");
  return {
    hosts: hosts.map((group) => named(group.hostCode)).sort(byName),
    // Cities once there is one host to choose them in: every city of the world would be a
    // <select> of ~1,000 options, sent twice (HTML and the page's payload) on every load (decision 036).
    cities: host || user.hostScope?.length === 1 ? cities.map((group) => group.city).sort((a, b) => a.localeCompare(b, "en")) : undefined,
    sending: senders.map((group) => named(group.sendingCode)).sort(byName),
  };
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
