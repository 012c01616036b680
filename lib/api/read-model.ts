// Database reads for the public API, the embed and the feeds. Takes the client as an
// argument (no `server-only`, no Next APIs) so the custom server can call it too.
import type { Db } from "@/lib/db/create";
import { missionRowSelect, toMissionRow, type MissionRow } from "@/lib/missions/row-select";
import { upcomingSelect } from "@/lib/missions/scheduled-changes";
import { HISTORY_PAGE_SIZE, historyPageArgs, toHistoryPage, type HistoryCursor } from "@/lib/missions/history-page";
import type { FreshnessContext } from "@/lib/status/freshness-policies";

/** Every active mission of one host country (or all), held in memory: only the embed reads this
 * way (one host's table); the lists page in the database (lib/missions/list-query.ts). */
export async function loadMissionRows(db: Db, freshness: FreshnessContext, scope: { hostCode?: string } = {}): Promise<MissionRow[]> {
  const missions = await db.mission.findMany({ where: { archivedAt: null, ...(scope.hostCode ? { hostCode: scope.hostCode } : {}) }, select: missionRowSelect });
  return missions.map((row) => toMissionRow(row, freshness));
}

const changeSelect = {
  id: true,
  kind: true,
  previousStatus: true,
  newStatus: true,
  reason: true,
  sourceUrl: true,
  sourceTitle: true,
  effectiveAt: true,
  recordedAt: true,
  until: true,
  follows: true,
  endsChangeId: true,
} as const;

/** One mission with a page of its history (`limit` 0: none), newest first, after `before`. */
export async function loadMissionWithHistory(db: Db, freshness: FreshnessContext, slug: string, page: { before?: HistoryCursor | null; limit: number } = { limit: HISTORY_PAGE_SIZE }) {
  const mission = await db.mission.findUnique({
    where: { slug },
    select: {
      ...missionRowSelect,
      archivedAt: true,
      history: {
        ...historyPageArgs(page.before, page.limit),
        select: { ...changeSelect, event: { select: { slug: true, name: true } } },
      },
      scheduledChanges: { where: { state: "pending" }, orderBy: [{ effectiveAt: "asc" }, { id: "asc" }], select: upcomingSelect },
    },
  });
  if (!mission || mission.archivedAt) return null;
  const { history, scheduledChanges, ...row } = mission;
  const { entries, nextCursor } = toHistoryPage(history, page.limit);
  return { mission: toMissionRow(row, freshness), history: entries, nextCursor, upcoming: scheduledChanges };
}

export type LoadedHistory = NonNullable<Awaited<ReturnType<typeof loadMissionWithHistory>>>["history"];

const missionRefSelect = { slug: true, sendingCode: true, hostCode: true, city: true, type: true, sending: { select: { name: true } } } as const;

export async function loadEvents(db: Db, slug?: string) {
  return db.event.findMany({
    where: slug ? { slug } : {},
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: 100,
    select: {
      slug: true,
      name: true,
      description: true,
      occurredAt: true,
      changes: {
        where: { mission: { archivedAt: null } },
        orderBy: [{ effectiveAt: "asc" }, { id: "asc" }],
        select: { ...changeSelect, mission: { select: missionRefSelect } },
      },
    },
  });
}

export type LoadedEvent = Awaited<ReturnType<typeof loadEvents>>[number];

/** What a feed entry says about the mission's status today. */
const currentStatusSelect = {
  status: true,
  statusSince: true,
  statusUntil: true,
  statusFollows: true,
  expectedAfter: true,
  verifiedAt: true,
} as const;

/** The latest status reports (newest recorded first), for the feeds. */
export async function loadRecentChanges(db: Db, filter: { hostCodes: string[]; sendingCodes: string[] }, limit = 50) {
  return db.statusChange.findMany({
    where: {
      mission: {
        archivedAt: null,
        ...(filter.hostCodes.length ? { hostCode: { in: filter.hostCodes } } : {}),
        ...(filter.sendingCodes.length ? { sendingCode: { in: filter.sendingCodes } } : {}),
      },
    },
    orderBy: [{ recordedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      ...changeSelect,
      mission: { select: { ...missionRefSelect, ...currentStatusSelect, host: { select: { name: true } }, timeZone: true } },
    },
  });
}

export type LoadedChange = Awaited<ReturnType<typeof loadRecentChanges>>[number];
