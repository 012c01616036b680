// The editor's verification queue: every mission in the editor's host scope whose status is
// due, stale or unconfirmed, in the order that matters (lib/verification/queue-order.ts).
import "server-only";
import type { Db } from "@/lib/db/create";
import type { MissionRow } from "@/lib/missions/filter-missions";
import { missionRowSelect, toMissionRow } from "@/lib/missions/row-select";
import { needsCheck, type Freshness } from "@/lib/status/freshness";
import { loadFreshnessContext } from "@/lib/status/freshness-policies";
import { describeStatus } from "@/lib/status/wording";
import { compareQueueItems } from "./queue-order";
import type { QueueItem, VerificationQueue } from "./types";

const iso = (date: Date | null) => date?.toISOString() ?? null;

const startOfUtcDay = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

function toQueueItem(row: MissionRow & { freshness: Freshness }, inCrisis: boolean, now: Date): QueueItem {
  return {
    id: row.id,
    slug: row.slug,
    version: row.version,
    sendingCode: row.sendingCode,
    sendingName: row.sendingName,
    hostCode: row.hostCode,
    hostName: row.hostName,
    city: row.city,
    type: row.type,
    status: row.status,
    statusReason: row.statusReason,
    sourceUrl: row.sourceUrl,
    sourceTitle: row.sourceTitle,
    statusSince: iso(row.statusSince),
    verifiedAt: iso(row.verifiedAt),
    expectedAfter: row.expectedAfter,
    timeZone: row.timeZone,
    freshness: row.freshness,
    inCrisis,
    statusText: describeStatus(row, now).text,
  };
}

/** `hostScope` null: every host country (admins, unscoped editors). */
export async function loadVerificationQueue(db: Db, hostScope: readonly string[] | null, now: Date): Promise<VerificationQueue> {
  const [missions, context] = await Promise.all([
    db.mission.findMany({
      where: {
        archivedAt: null,
        ...(hostScope ? { hostCode: { in: [...hostScope] } } : {}),
        // Missions never reported have nothing to re-verify; one whose status ended does.
        OR: [{ status: { not: null } }, { expectedAfter: { not: null } }],
      },
      select: missionRowSelect,
    }),
    loadFreshnessContext(db, now),
  ]);
  const rows: MissionRow[] = missions.map((mission) => toMissionRow(mission, context));
  const queued = rows
    .filter((row): row is MissionRow & { freshness: Freshness } => needsCheck(row.freshness))
    .map((row) => ({ row, inCrisis: context.policyFor(row.hostCode).inCrisis }))
    .sort((a, b) =>
      compareQueueItems(
        { ...a.row, inCrisis: a.inCrisis, confirmedAtMs: a.row.verifiedAt?.getTime() ?? null },
        { ...b.row, inCrisis: b.inCrisis, confirmedAtMs: b.row.verifiedAt?.getTime() ?? null },
      ),
    );
  const today = startOfUtcDay(now);
  const checkedToday = rows.filter((row) => row.verifiedAt && row.verifiedAt >= today && !needsCheck(row.freshness)).length;
  return {
    items: queued.map(({ row, inCrisis }) => toQueueItem(row, inCrisis, now)),
    progress: { checkedToday, total: checkedToday + queued.length },
    asOf: now.toISOString(),
  };
}
