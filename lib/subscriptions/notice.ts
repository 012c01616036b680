// The outbox write of a status change: called by lib/missions/status-commands.ts inside the
// transaction that records the change, so the notification exists if and only if the change
// committed. The fan-out job (fanout.ts) turns it into one delivery per recipient. Nobody
// listening (no active subscription for the mission, no active endpoint): no job at all, so
// an installation without subscribers writes nothing more per change.
import type { Tx } from "@/lib/db/create";
import { enqueueJob } from "@/lib/jobs/queue";
import { NOTIFY_QUEUE, noticeJobKey } from "./queues";
import { scopesOfMission } from "./scope";

// Missions whose scopes one query checks: four scopes each, kept under SQLite's parameter limit.
const MISSIONS_PER_QUERY = 50;

async function anyoneListens(tx: Tx, missionIds: readonly number[]): Promise<boolean> {
  if (await tx.webhookEndpoint.findFirst({ where: { active: true }, select: { id: true } })) return true;
  for (let start = 0; start < missionIds.length; start += MISSIONS_PER_QUERY) {
    const missions = await tx.mission.findMany({ where: { id: { in: missionIds.slice(start, start + MISSIONS_PER_QUERY) } }, select: { id: true, hostCode: true, sendingCode: true, city: true } });
    if (!missions.length) continue;
    if (await tx.subscription.findFirst({ where: { state: "active", OR: missions.flatMap(scopesOfMission) }, select: { id: true } })) return true;
  }
  return false;
}

export async function recordChangeNotice(tx: Tx, change: { id: number; missionId: number; eventId: number | null; recordedAt: Date }): Promise<void> {
  if (!(await anyoneListens(tx, [change.missionId]))) return;
  await enqueueJob(tx, {
    queue: NOTIFY_QUEUE,
    key: noticeJobKey(change),
    runAt: change.recordedAt,
    payload: change.eventId ? { eventId: change.eventId } : { changeId: change.id },
  });
}

/** The outbox write of a bulk event's batched changes: one fan-out for the whole event. */
export async function recordEventNotice(tx: Tx, event: { eventId: number; recordedAt: Date; missionIds: readonly number[] }): Promise<void> {
  if (!event.missionIds.length || !(await anyoneListens(tx, event.missionIds))) return;
  await enqueueJob(tx, { queue: NOTIFY_QUEUE, key: noticeJobKey({ id: 0, eventId: event.eventId }), runAt: event.recordedAt, payload: { eventId: event.eventId } });
}
