import "server-only";
import { getDb } from "@/lib/db/client";
import type { MissionRow } from "./filter-missions";
import { missionRowSelect, toMissionRow } from "./row-select";
import { SlugSchema } from "./slug";

export type MissionScope = { hostCode: string } | { sendingCode: string } | { all: true };

/** The active (not archived) missions of a host or a sending country, or all of them. */
export async function getMissionRows(scope: MissionScope): Promise<MissionRow[]> {
  const where = "hostCode" in scope ? { hostCode: scope.hostCode } : "sendingCode" in scope ? { sendingCode: scope.sendingCode } : {};
  const missions = await getDb().mission.findMany({
    where: { ...where, archivedAt: null },
    select: missionRowSelect,
  });
  return missions.map(toMissionRow);
}

/** The mission with its history; null when there is none (a malformed slug is not looked up). */
export async function getMissionBySlug(slug: string) {
  if (!SlugSchema.safeParse(slug).success) return null;
  const mission = await getDb().mission.findUnique({
    where: { slug },
    include: {
      sending: { select: { name: true } },
      host: { select: { name: true } },
      history: {
        orderBy: [{ effectiveAt: "desc" }, { recordedAt: "desc" }, { id: "desc" }],
        include: { event: { select: { slug: true, name: true } } },
      },
    },
  });
  if (!mission || mission.archivedAt) return null;
  return mission;
}

export type MissionDetail = NonNullable<Awaited<ReturnType<typeof getMissionBySlug>>>;

/** The most recently recorded status reports, newest first. */
export async function getLatestChanges(limit: number, where: { hostCode?: string } = {}) {
  return getDb().statusChange.findMany({
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
      mission: {
        select: { slug: true, city: true, type: true, timeZone: true, sendingCode: true, sending: { select: { name: true } } },
      },
    },
  });
}

export type LatestChange = Awaited<ReturnType<typeof getLatestChanges>>[number];

export async function getEventBySlug(slug: string) {
  if (!SlugSchema.safeParse(slug).success) return null;
  return getDb().event.findUnique({
    where: { slug },
    include: {
      changes: {
        orderBy: [{ effectiveAt: "asc" }, { id: "asc" }],
        include: {
          mission: {
            select: { slug: true, city: true, type: true, timeZone: true, sendingCode: true, sending: { select: { name: true } } },
          },
        },
      },
    },
  });
}
