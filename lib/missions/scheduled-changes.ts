// Scheduled changes from notices published ahead ("closed 24-26 December"): applied by the
// scheduler at their effective time as one history entry of kind "scheduled" (see
// docs/decisions/011-scheduled-changes.md). No `server-only`: the worker in server.ts runs this.
import { z } from "zod";
import { appendAudit } from "@/lib/audit/audit";
import type { Db, Tx } from "@/lib/db/create";
import { announceDataChange } from "@/lib/events/data-changed";
import { defineJobHandler } from "@/lib/jobs/queue";
import { FollowsSchema, StatusSchema } from "@/lib/status/schema";
import { appendHistoryEntry } from "./status-commands";

export const SCHEDULED_CHANGE_QUEUE = "scheduled-change";
export const scheduledChangeJobKey = (id: number) => `${SCHEDULED_CHANGE_QUEUE}:${id}`;

/** Thrown when a scheduled change was edited while being applied: the job retries and sees the edit. */
class EditedWhileApplyingError extends Error {}

export type ScheduledResult =
  | { applied: true; changeId: number; mission: { id: number; hostCode: string; sendingCode: string } }
  | { applied: false; runAgainAt?: Date };

export async function applyScheduledChange(tx: Tx, scheduledChangeId: number, now: Date): Promise<ScheduledResult> {
  const scheduled = await tx.scheduledChange.findUnique({
    where: { id: scheduledChangeId },
    include: { mission: { select: { id: true, hostCode: true, sendingCode: true } } },
  });
  if (!scheduled || scheduled.state !== "pending") return { applied: false };
  // Moved later by an edit that landed while this job was already claimed.
  if (scheduled.effectiveAt > now) return { applied: false, runAgainAt: scheduled.effectiveAt };
  const change = await appendHistoryEntry(tx, {
    missionId: scheduled.missionId,
    kind: "scheduled",
    status: StatusSchema.parse(scheduled.status),
    reason: scheduled.reason,
    sourceUrl: scheduled.sourceUrl,
    sourceTitle: scheduled.sourceTitle,
    effectiveAt: scheduled.effectiveAt,
    recordedAt: now,
    author: { id: scheduled.createdById, name: scheduled.createdBy },
    until: scheduled.until,
    follows: FollowsSchema.parse(scheduled.follows ?? "previous"),
    scheduledChangeId: scheduled.id,
  });
  const marked = await tx.scheduledChange.updateMany({
    where: { id: scheduled.id, state: "pending", version: scheduled.version },
    data: { state: "applied", appliedChangeId: change.id },
  });
  if (marked.count !== 1) throw new EditedWhileApplyingError(`Scheduled change ${scheduled.id} was edited while being applied`);
  await appendAudit(tx, { id: null, name: "Schedule" }, {
    action: "scheduled.apply",
    entityType: "mission",
    entityId: scheduled.missionId,
    after: { scheduledChangeId: scheduled.id, changeId: change.id, status: change.newStatus, effectiveAt: change.effectiveAt },
  });
  return { applied: true, changeId: change.id, mission: scheduled.mission };
}

export const scheduledChangeJob = defineJobHandler({
  queue: SCHEDULED_CHANGE_QUEUE,
  payload: z.object({ scheduledChangeId: z.number().int().positive() }),
  async run({ scheduledChangeId }, { tx, clock, afterCommit }) {
    const result = await applyScheduledChange(tx, scheduledChangeId, clock.now());
    if (result.applied) {
      const { mission } = result;
      afterCommit(() => announceDataChange({ missionIds: [mission.id], hostCodes: [mission.hostCode], sendingCodes: [mission.sendingCode] }));
    }
    return result.applied || !result.runAgainAt ? undefined : { runAgainAt: result.runAgainAt };
  },
});

export const upcomingSelect = {
  id: true,
  status: true,
  reason: true,
  sourceUrl: true,
  sourceTitle: true,
  effectiveAt: true,
  until: true,
  follows: true,
  createdBy: true,
  version: true,
} as const;

/** A mission's pending scheduled changes, soonest first. */
export function loadUpcomingChanges(db: Db | Tx, missionId: number) {
  return db.scheduledChange.findMany({ where: { missionId, state: "pending" }, orderBy: [{ effectiveAt: "asc" }, { id: "asc" }], select: upcomingSelect });
}

export type UpcomingChange = Awaited<ReturnType<typeof loadUpcomingChanges>>[number];
