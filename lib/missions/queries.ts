import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { freshnessOf } from "@/lib/status/freshness";
import { loadFreshnessContext, type FreshnessContext } from "@/lib/status/freshness-policies";
import { describeStatus } from "@/lib/status/wording";
import type { MissionRow } from "./filter-missions";
import { missionRowSelect, toMissionRow } from "./row-select";
import { upcomingSelect } from "./scheduled-changes";
import { SlugSchema } from "./slug";
import { decodeHistoryCursor, HISTORY_PAGE_SIZE, historyPageArgs, toHistoryPage } from "./history-page";

export type MissionScope = { hostCode: string } | { sendingCode: string } | { all: true };

/** The active (not archived) missions of a host or a sending country, or all of them, fresh as of `now`. */
export async function getMissionRows(scope: MissionScope, now: Date): Promise<MissionRow[]> {
  const where = "hostCode" in scope ? { hostCode: scope.hostCode } : "sendingCode" in scope ? { sendingCode: scope.sendingCode } : {};
  const [missions, freshness] = await Promise.all([
    getDb().mission.findMany({ where: { ...where, archivedAt: null }, select: missionRowSelect }),
    loadFreshnessContext(getDb(), now),
  ]);
  return missions.map((mission) => toMissionRow(mission, freshness));
}

/** One active mission with its history, and its freshness as of `now`; a malformed slug is not looked up. */
export async function getMissionBySlug(slug: string, now: Date, page: { before?: string } = {}) {
  if (!SlugSchema.safeParse(slug).success) return null;
  // A cursor from an old link that no longer parses shows the newest entries.
  const before = page.before ? decodeHistoryCursor(page.before) : null;
  const [mission, context] = await Promise.all([
    getDb().mission.findUnique({
      where: { slug },
      include: {
        sending: { select: { name: true } },
        host: { select: { name: true } },
        history: {
          ...historyPageArgs(before, HISTORY_PAGE_SIZE),
          include: { event: { select: { slug: true, name: true } } },
        },
        scheduledChanges: { where: { state: "pending" }, orderBy: [{ effectiveAt: "asc" }, { id: "asc" }], select: upcomingSelect },
      },
    }),
    loadFreshnessContext(getDb(), now),
  ]);
  if (!mission || mission.archivedAt) return null;
  const policy = context.policyFor(mission.hostCode);
  const { entries, nextCursor } = toHistoryPage(mission.history, HISTORY_PAGE_SIZE);
  return { ...mission, history: entries, olderHistory: nextCursor, isLatestHistory: !before, freshness: freshnessOf(mission, policy, now), policy };
}

export type MissionDetail = NonNullable<Awaited<ReturnType<typeof getMissionBySlug>>>;

/** A change's mission, with what its status is today. */
const changeMissionSelect = {
  slug: true,
  city: true,
  type: true,
  timeZone: true,
  sendingCode: true,
  hostCode: true,
  sending: { select: { name: true } },
  status: true,
  statusSince: true,
  statusUntil: true,
  statusFollows: true,
  expectedAfter: true,
  verifiedAt: true,
} as const;

type ChangeMission = Prisma.MissionGetPayload<{ select: typeof changeMissionSelect }>;

/** Past reports are shown with the mission's status today, in words. */
function withStatusNow<C extends { mission: ChangeMission }>(changes: C[], { policyFor, now }: FreshnessContext) {
  return changes.map((change) => {
    const freshness = freshnessOf(change.mission, policyFor(change.mission.hostCode), now);
    return { ...change, statusNow: describeStatus({ ...change.mission, freshness }, now).text };
  });
}

/** The most recently recorded status reports, newest first. */
export async function getLatestChanges(limit: number, now: Date, where: { hostCode?: string } = {}) {
  const [changes, freshness] = await Promise.all([getDb().statusChange.findMany({
    where: { mission: { archivedAt: null, ...where } },
    orderBy: [{ recordedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      kind: true,
      previousStatus: true,
      newStatus: true,
      reason: true,
      effectiveAt: true,
      recordedAt: true,
      sourceUrl: true,
      sourceTitle: true,
      mission: { select: changeMissionSelect },
    },
  }), loadFreshnessContext(getDb(), now)]);
  return withStatusNow(changes, freshness);
}

export type LatestChange = Awaited<ReturnType<typeof getLatestChanges>>[number];

export async function getEventBySlug(slug: string, now: Date) {
  if (!SlugSchema.safeParse(slug).success) return null;
  const [event, freshness] = await Promise.all([
    getDb().event.findUnique({
      where: { slug },
      include: { changes: { orderBy: [{ effectiveAt: "asc" }, { id: "asc" }], include: { mission: { select: changeMissionSelect } } } },
    }),
    loadFreshnessContext(getDb(), now),
  ]);
  return event && { ...event, changes: withStatusNow(event.changes, freshness) };
}
