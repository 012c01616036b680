// Database reads for the public API, the embed and the feeds. Takes the client as an
// argument (no `server-only`, no Next APIs) so the custom server can call it too.
import type { Db } from "@/lib/db/create";
import { missionContactSelect, missionRowSelect, toMissionRow, type MissionRow } from "@/lib/missions/row-select";
import { upcomingSelect } from "@/lib/missions/scheduled-changes";
import { HISTORY_PAGE_SIZE, historyPageArgs, toHistoryPage, type HistoryCursor } from "@/lib/missions/history-page";
import type { FreshnessContext } from "@/lib/status/freshness-policies";

/** Every active mission of one host country (or all), held in memory, read by Prisma: the embed
 * of the whole world reads this way (one host's embed reads lib/missions/scope-rows.ts, whose
 * raw statement tests/integration/mission-pages.test.ts holds to this); the lists page in the
 * database (lib/missions/list-query.ts). */
export async function loadMissionRows(db: Db, freshness: FreshnessContext, scope: { hostCode?: string } = {}): Promise<MissionRow[]> {
  const missions = await db.mission.findMany({ where: { archivedAt: null, ...(scope.hostCode ? { hostCode: scope.hostCode } : {}) }, select: missionRowSelect });
  return missions.map((row) => toMissionRow(row, freshness));
}

export const changeSelect = {
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

/** What a mission's page shows besides its table row: address, contacts, who set the status. */
const missionDetailSelect = {
  ...missionRowSelect,
  archivedAt: true,
  ...missionContactSelect,
  statusSetBy: true,
} as const;

/** One active mission with a page of its history (`limit` 0: none), newest first, after `before`. */
export async function loadMissionDetail(db: Db, slug: string, page: { before?: HistoryCursor | null; limit: number }) {
  const mission = await db.mission.findUnique({
    where: { slug },
    select: {
      ...missionDetailSelect,
      scheduledChanges: { where: { state: "pending" }, orderBy: [{ effectiveAt: "asc" }, { id: "asc" }], select: upcomingSelect },
    },
  });
  if (!mission || mission.archivedAt) return null;
  const history = await loadHistoryPage(db, mission.id, page);
  return { ...mission, ...history };
}

/**
 * One page of a mission's history, in a query of its own rather than nested in the mission's
 * `findUnique`: Prisma batches the `findUnique`s of one tick (a page's metadata and its body)
 * into one `findMany`, and then applies a nested `take` in memory after reading every entry
 * (46,518 for the busiest mission at world scale, ~1 s). Here the LIMIT reaches the database.
 */
async function loadHistoryPage(db: Db, missionId: number, page: { before?: HistoryCursor | null; limit: number }) {
  const args = historyPageArgs(page.before, page.limit);
  const fetched = await db.statusChange.findMany({ ...args, where: { ...args.where, missionId }, select: { ...changeSelect, authorName: true, event: { select: { slug: true, name: true } } } });
  const { entries, nextCursor } = toHistoryPage(fetched, page.limit);
  return { history: entries, nextCursor };
}

/** The same as the API shows it: the table row, the history page and what is scheduled. */
export async function loadMissionWithHistory(db: Db, freshness: FreshnessContext, slug: string, page: { before?: HistoryCursor | null; limit: number } = { limit: HISTORY_PAGE_SIZE }) {
  const detail = await loadMissionDetail(db, slug, page);
  if (!detail) return null;
  const { history, nextCursor, scheduledChanges, ...row } = detail;
  return { mission: toMissionRow(row, freshness), history, nextCursor, upcoming: scheduledChanges };
}

export type LoadedHistory = NonNullable<Awaited<ReturnType<typeof loadMissionWithHistory>>>["history"];
/** A status report as every public answer serializes it (the history, events and changes). */
export type LoadedChangeRow = Omit<LoadedHistory[number], "event" | "authorName">;

const missionRefSelect = { slug: true, sendingCode: true, hostCode: true, city: true, type: true, sending: { select: { name: true } } } as const;

/** What a feed entry says about the mission's status today. */
const currentStatusSelect = {
  status: true,
  statusSince: true,
  statusUntil: true,
  statusFollows: true,
  expectedAfter: true,
  verifiedAt: true,
} as const;

/** Status reports per page of an event (newest first; older ones through the cursor). */
export const EVENT_CHANGES_PAGE_SIZE = HISTORY_PAGE_SIZE;

const eventChangesArgs = (before: HistoryCursor | null | undefined, limit: number) => {
  const page = historyPageArgs(before, limit);
  return { ...page, where: { ...page.where, mission: { archivedAt: null } } };
};

const eventSelect = (before: HistoryCursor | null | undefined, limit: number) =>
  ({
    id: true,
    slug: true,
    name: true,
    description: true,
    occurredAt: true,
    changes: { ...eventChangesArgs(before, limit), select: { ...changeSelect, missionId: true, mission: { select: { ...missionRefSelect, ...currentStatusSelect, timeZone: true } } } },
  }) as const;

/** The latest events, each with the newest page of its reports and the cursor of the next. */
export async function loadEvents(db: Db, slug?: string, page: { before?: HistoryCursor | null; limit: number } = { limit: EVENT_CHANGES_PAGE_SIZE }) {
  const events = await db.event.findMany({ where: slug ? { slug } : {}, orderBy: [{ occurredAt: "desc" }, { id: "desc" }], take: 100, select: eventSelect(page.before, page.limit) });
  return events.map(({ changes, ...event }) => {
    const { entries, nextCursor } = toHistoryPage(changes, page.limit);
    return { ...event, changes: entries, nextCursor };
  });
}

/** One event with a page of its reports (newest first) and how many it has in all. */
export async function loadEvent(db: Db, slug: string, page: { before?: HistoryCursor | null; limit: number } = { limit: EVENT_CHANGES_PAGE_SIZE }) {
  const [event] = await loadEvents(db, slug, page);
  if (!event) return null;
  const total = await db.statusChange.count({ where: { eventId: event.id, mission: { archivedAt: null } } });
  return { ...event, total };
}

export type LoadedEvent = Awaited<ReturnType<typeof loadEvents>>[number];

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
      // The id finds the reason's translations (lang=, lib/i18n/api-reasons.ts).
      mission: { select: { id: true, ...missionRefSelect, ...currentStatusSelect, host: { select: { name: true } }, timeZone: true } },
    },
  });
}

export type LoadedChange = Awaited<ReturnType<typeof loadRecentChanges>>[number];
