// Editors' writes of scheduled changes: create, edit and cancel while pending. Each runs in one
// transaction with its job and audit entry, and announces the change after commit.
import "server-only";
import { appendAudit } from "@/lib/audit/audit";
import type { SessionUser } from "@/lib/auth/sessions";
import type { Db, Tx } from "@/lib/db/create";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { systemClock } from "@/lib/jobs/clock";
import { cancelJobs, enqueueJob, rescheduleJob } from "@/lib/jobs/queue";
import { wakeJobWorker } from "@/lib/jobs/wake";
import { actorOf, announceMissions, loadEditable, type CommandOptions } from "./commands";
import { SCHEDULED_CHANGE_QUEUE, scheduledChangeJobKey, upcomingSelect } from "./scheduled-changes";
import type { ScheduledChangeInput, ScheduledChangeUpdateInput } from "./schema";

const MAX_PENDING_PER_MISSION = 20;

function requireFuture(effectiveAt: Date, now: Date) {
  if (effectiveAt <= now) throw new ValidationError([{ field: "effectiveAt", message: "must be in the future (for a change that already happened, change the status)" }]);
}

const fieldsOf = (input: ScheduledChangeInput) => ({
  status: input.status,
  reason: input.reason,
  sourceUrl: input.sourceUrl,
  sourceTitle: input.sourceTitle,
  effectiveAt: input.effectiveAt,
  until: input.until,
  follows: input.until ? input.follows : null,
});

export async function scheduleStatusChange(db: Db, user: SessionUser, missionId: number, input: ScheduledChangeInput, { clock = systemClock }: CommandOptions = {}) {
  requireFuture(input.effectiveAt, clock.now());
  const result = await db.$transaction(async (tx) => {
    const mission = await loadEditable(tx, user, missionId);
    if ((await tx.scheduledChange.count({ where: { missionId, state: "pending" } })) >= MAX_PENDING_PER_MISSION) {
      throw new ValidationError([{ field: "effectiveAt", message: `a mission can have at most ${MAX_PENDING_PER_MISSION} pending scheduled changes` }]);
    }
    const scheduled = await tx.scheduledChange.create({
      data: { missionId, ...fieldsOf(input), createdById: user.id, createdBy: user.name },
      select: upcomingSelect,
    });
    await enqueueJob(tx, { queue: SCHEDULED_CHANGE_QUEUE, key: scheduledChangeJobKey(scheduled.id), runAt: scheduled.effectiveAt, payload: { scheduledChangeId: scheduled.id } });
    await appendAudit(tx, actorOf(user), { action: "scheduled.create", entityType: "mission", entityId: missionId, after: scheduled });
    return { mission, scheduled };
  });
  await announceMissions([result.mission]);
  wakeJobWorker(result.scheduled.effectiveAt);
  return result.scheduled;
}

/** The pending scheduled change the editor saw, or the 404/409 that says why not. */
async function loadPending(tx: Tx, missionId: number, scheduledId: number, expectedVersion: number, now: Date) {
  const scheduled = await tx.scheduledChange.findFirst({ where: { id: scheduledId, missionId }, select: { ...upcomingSelect, state: true } });
  if (!scheduled) {
    throw new NotFoundError(`Scheduled change ${scheduledId} of mission ${missionId} does not exist`, { fields: [{ field: "scheduledId", message: `no scheduled change ${scheduledId} of mission ${missionId}` }] });
  }
  const conflict = (message: string, field: string, fieldMessage: string) =>
    new ConflictError(message, { fields: [{ field, message: fieldMessage }], details: { scheduledId, current: scheduled } });
  if (scheduled.state !== "pending") throw conflict(`This scheduled change was already ${scheduled.state}`, "scheduledId", `is ${scheduled.state}, no longer pending`);
  if (scheduled.effectiveAt <= now) throw conflict("This scheduled change is being applied now", "scheduledId", "is due and being applied");
  if (scheduled.version !== expectedVersion) throw conflict(staleMessage, "expectedVersion", `is ${expectedVersion}, but the scheduled change is now at version ${scheduled.version}`);
  return scheduled;
}

const staleMessage = "Someone else changed this scheduled change since you loaded it";

async function guardedUpdate(tx: Tx, scheduledId: number, version: number, data: Record<string, unknown>) {
  const updated = await tx.scheduledChange.updateMany({ where: { id: scheduledId, state: "pending", version }, data: { ...data, version: version + 1 } });
  if (updated.count !== 1) throw new ConflictError(staleMessage, { fields: [{ field: "expectedVersion", message: `is ${version}, but the scheduled change changed meanwhile` }], details: { scheduledId } });
  return tx.scheduledChange.findUniqueOrThrow({ where: { id: scheduledId }, select: { ...upcomingSelect, state: true } });
}

export async function updateScheduledChange(db: Db, user: SessionUser, missionId: number, scheduledId: number, input: ScheduledChangeUpdateInput, { clock = systemClock }: CommandOptions = {}) {
  const now = clock.now();
  requireFuture(input.effectiveAt, now);
  const result = await db.$transaction(async (tx) => {
    const mission = await loadEditable(tx, user, missionId);
    const before = await loadPending(tx, missionId, scheduledId, input.expectedVersion, now);
    const after = await guardedUpdate(tx, scheduledId, before.version, fieldsOf(input));
    await rescheduleJob(tx, scheduledChangeJobKey(scheduledId), after.effectiveAt);
    await appendAudit(tx, actorOf(user), { action: "scheduled.update", entityType: "mission", entityId: missionId, before, after });
    return { mission, scheduled: after };
  });
  await announceMissions([result.mission]);
  wakeJobWorker(result.scheduled.effectiveAt);
  return result.scheduled;
}

export async function cancelScheduledChange(db: Db, user: SessionUser, missionId: number, scheduledId: number, expectedVersion: number, { clock = systemClock }: CommandOptions = {}) {
  const now = clock.now();
  const result = await db.$transaction(async (tx) => {
    const mission = await loadEditable(tx, user, missionId);
    const before = await loadPending(tx, missionId, scheduledId, expectedVersion, now);
    const after = await guardedUpdate(tx, scheduledId, before.version, { state: "cancelled" });
    await cancelJobs(tx, [scheduledChangeJobKey(scheduledId)]);
    await appendAudit(tx, actorOf(user), { action: "scheduled.cancel", entityType: "mission", entityId: missionId, before, after });
    return { mission, scheduled: after };
  });
  await announceMissions([result.mission]);
  return result.scheduled;
}
