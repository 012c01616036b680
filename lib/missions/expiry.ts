// The end of a reported status ("closed until 18:00"): at the until moment one history entry
// of kind "expiry", effective at that moment (not when the job ran), authored by the schedule
// and pointing to the entry it ends. Void when another entry took over before the moment.
import { z } from "zod";
import { appendAudit } from "@/lib/audit/audit";
import type { Tx } from "@/lib/db/create";
import { announceDataChange } from "@/lib/events/data-changed";
import { defineJobHandler } from "@/lib/jobs/queue";
import { expiryReason } from "@/lib/status/ends";
import { StatusFilterSchema } from "@/lib/status/schema";
import { appendHistoryEntry, entryAsOf, STATUS_EXPIRY_QUEUE } from "./status-commands";

export const SCHEDULE_AUTHOR = { id: null, name: "Schedule" } as const;

export type ExpiryResult =
  | { applied: true; changeId: number; mission: { id: number; hostCode: string; sendingCode: string } }
  | { applied: false; why: "missing" | "already-applied" | "superseded" };

/** Applies the end of one entry; idempotent (a second call finds it applied). */
export async function applyStatusExpiry(tx: Tx, endedChangeId: number, now: Date): Promise<ExpiryResult> {
  const ended = await tx.statusChange.findUnique({
    where: { id: endedChangeId },
    select: { id: true, missionId: true, newStatus: true, until: true, follows: true, mission: { select: { id: true, hostCode: true, sendingCode: true } } },
  });
  const follows = StatusFilterSchema.safeParse(ended?.follows);
  if (!ended?.until || !follows.success) return { applied: false, why: "missing" };
  if (await tx.statusChange.findFirst({ where: { endsChangeId: ended.id }, select: { id: true } })) return { applied: false, why: "already-applied" };
  // Still in force at its until moment, or did a later entry (effective by then) take over?
  const standing = await entryAsOf(tx, ended.missionId, ended.until);
  if (standing?.id !== ended.id) return { applied: false, why: "superseded" };
  const change = await appendHistoryEntry(tx, {
    missionId: ended.missionId,
    kind: "expiry",
    status: follows.data,
    reason: expiryReason(ended.newStatus ?? "unreported", follows.data),
    sourceUrl: null,
    sourceTitle: null,
    effectiveAt: ended.until,
    recordedAt: now,
    author: SCHEDULE_AUTHOR,
    endsChangeId: ended.id,
  });
  await appendAudit(tx, SCHEDULE_AUTHOR, {
    action: "status.expiry",
    entityType: "mission",
    entityId: ended.missionId,
    after: { endsChangeId: ended.id, changeId: change.id, status: change.newStatus, effectiveAt: change.effectiveAt },
  });
  return { applied: true, changeId: change.id, mission: ended.mission };
}

export const statusExpiryJob = defineJobHandler({
  queue: STATUS_EXPIRY_QUEUE,
  payload: z.object({ changeId: z.number().int().positive() }),
  async run({ changeId }, { tx, clock, afterCommit }) {
    const result = await applyStatusExpiry(tx, changeId, clock.now());
    if (result.applied) {
      const { mission } = result;
      afterCommit(() => announceDataChange({ missionIds: [mission.id], hostCodes: [mission.hostCode], sendingCodes: [mission.sendingCode] }));
    }
  },
});
