import "server-only";
import type { SessionUser } from "@/lib/auth/sessions";
import { getDb, type Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/sqlite/client";
import { queryJsonRows } from "@/lib/history/json-rows";
import { loadFreshnessContext } from "@/lib/status/freshness-policies";
import type { MissionFilters } from "./filters";
import { anyOf, loadMissionPage, type MissionPage } from "./list-query";
import type { SortPosition } from "./order";
import { upcomingSelect } from "./scheduled-changes";

/** The editor's list: the missions they may edit (their host countries), a page at a time. */
export async function getAdminMissionPage(db: Db, user: Pick<SessionUser, "hostScope">, request: { filters: MissionFilters; limit: number; after: SortPosition | null; archived: boolean; now?: Date }): Promise<MissionPage> {
  const freshness = await loadFreshnessContext(db, request.now ?? new Date());
  return loadMissionPage(db, freshness, { filters: request.filters, limit: request.limit, after: request.after, scope: { hostScope: user.hostScope, archived: request.archived } });
}

type ChoiceRow = [kind: "host" | "sending" | "city", value: string, name: string | null];
const CHOICE_COLUMNS = [{ name: "kind" }, { name: "value" }, { name: "name" }] as const;

/**
 * The choices of the editor's filter form: host countries, and the cities and senders of the
 * chosen host. One raw statement (decision 053's reasons): three Prisma group-bys and the
 * country names cost ~19 ms a load of /admin at world scale.
 */
export async function getAdminFilterChoices(db: Db, user: Pick<SessionUser, "hostScope">, host: string | undefined) {
  const scope = [Prisma.sql`m."archivedAt" IS NULL`, ...(user.hostScope ? [anyOf(Prisma.sql`m."hostCode"`, user.hostScope)] : [])];
  const inHost = Prisma.join([...scope, ...(host ? [Prisma.sql`m."hostCode" = ${host}`] : [])], " AND ");
  // Cities once there is one host to choose them in: every city of the world would be a
  // <select> of ~1,000 options, sent twice (HTML and the page's payload) on every load (decision 036).
  const offersCities = Boolean(host) || user.hostScope?.length === 1;
  const rows = await queryJsonRows<ChoiceRow>(
    db,
    Prisma.sql`
      SELECT 'host' AS "kind", g."code" AS "value", c."name" AS "name"
      FROM (SELECT DISTINCT m."hostCode" AS "code" FROM "Mission" m WHERE ${Prisma.join(scope, " AND ")}) g JOIN "Country" c ON c."code" = g."code"
      UNION ALL
      SELECT 'sending', g."code", c."name"
      FROM (SELECT DISTINCT m."sendingCode" AS "code" FROM "Mission" m WHERE ${inHost}) g JOIN "Country" c ON c."code" = g."code"
      ${offersCities ? Prisma.sql`UNION ALL SELECT DISTINCT 'city', m."city", NULL FROM "Mission" m WHERE ${inHost}` : Prisma.empty}`,
    CHOICE_COLUMNS,
  );
  const named = (kind: ChoiceRow[0]) => rows.filter((row) => row[0] === kind).map(([, code, name]) => ({ code, name: name ?? code }));
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "en");
  return {
    hosts: named("host").sort(byName),
    cities: offersCities ? rows.filter((row) => row[0] === "city").map(([, city]) => city).sort((a, b) => a.localeCompare(b, "en")) : undefined,
    sending: named("sending").sort(byName),
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
