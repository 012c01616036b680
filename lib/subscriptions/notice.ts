// The outbox write of a status change: called by lib/missions/status-commands.ts inside the
// transaction that records the change, so the notification exists if and only if the change
// committed. The fan-out job (fanout.ts) turns it into one delivery per recipient.
import type { Tx } from "@/lib/db/create";
import { enqueueJob } from "@/lib/jobs/queue";
import { NOTIFY_QUEUE, noticeJobKey } from "./queues";

export async function recordChangeNotice(tx: Tx, change: { id: number; eventId: number | null; recordedAt: Date }): Promise<void> {
  await enqueueJob(tx, {
    queue: NOTIFY_QUEUE,
    key: noticeJobKey(change),
    runAt: change.recordedAt,
    payload: change.eventId ? { eventId: change.eventId } : { changeId: change.id },
  });
}
