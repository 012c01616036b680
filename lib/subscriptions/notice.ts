// The outbox write of a status change: called by lib/missions/status-commands.ts inside the
// transaction that records the change, so the notification exists if and only if the change
// committed. The fan-out job (fanout.ts) turns it into one delivery per recipient. Nobody
// listening (no active subscription for the mission, no active endpoint): no job at all, so
// an installation without subscribers writes nothing more per change.
import type { Tx } from "@/lib/db/create";
import { enqueueJob } from "@/lib/jobs/queue";
import { NOTIFY_QUEUE, noticeJobKey } from "./queues";
import { scopesOfMission } from "./scope";

async function anyoneListens(tx: Tx, missionId: number): Promise<boolean> {
  if (await tx.webhookEndpoint.findFirst({ where: { active: true }, select: { id: true } })) return true;
  const mission = await tx.mission.findUnique({ where: { id: missionId }, select: { id: true, hostCode: true, sendingCode: true, city: true } });
  if (!mission) return false;
  return Boolean(await tx.subscription.findFirst({ where: { state: "active", OR: scopesOfMission(mission) }, select: { id: true } }));
}

export async function recordChangeNotice(tx: Tx, change: { id: number; missionId: number; eventId: number | null; recordedAt: Date }): Promise<void> {
  if (!(await anyoneListens(tx, change.missionId))) return;
  await enqueueJob(tx, {
    queue: NOTIFY_QUEUE,
    key: noticeJobKey(change),
    runAt: change.recordedAt,
    payload: change.eventId ? { eventId: change.eventId } : { changeId: change.id },
  });
}
