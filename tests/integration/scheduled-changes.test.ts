// Scheduled changes from notices published ahead: created, edited and cancelled through the
// admin routes, shown as upcoming in the API, applied by the scheduler at their time, and what
// happens when an editor changes the status in between (docs/decisions/011-scheduled-changes.md).
import { describe, expect, it } from "vitest";
import * as scheduledRoute from "@/app/api/admin/missions/[id]/scheduled/route";
import * as scheduledItem from "@/app/api/admin/missions/[id]/scheduled/[scheduledId]/route";
import * as scheduledCancel from "@/app/api/admin/missions/[id]/scheduled/[scheduledId]/cancel/route";
import * as status from "@/app/api/admin/missions/[id]/status/route";
import { produceApiResponse } from "@/lib/api/handlers";
import { getDb } from "@/lib/db/client";
import { onDataChange, type DataChange } from "@/lib/events/data-changed";
import { JOB_HANDLERS } from "@/lib/jobs/registry";
import { runDueJobs } from "@/lib/jobs/run";
import { updateScheduledChange } from "@/lib/missions/scheduled-commands";
import { scheduledChangeJobKey } from "@/lib/missions/scheduled-changes";
import { recordStatusChange } from "@/lib/missions/status-commands";
import { wallTimeToInstant } from "@/lib/zoned-time";
import { HOUR, ManualClock } from "../clock";
import { createMission, EDITOR } from "../factories";
import { call, createUserWithSession, snapshotDatabase } from "../http";

const notice = { reason: "Closed for the holidays", sourceUrl: "https://example.org/holiday-notice", sourceTitle: "Embassy notice" };
// "Closed 24-26 December": next year's, so the test never depends on today's date.
const year = new Date().getUTCFullYear() + 1;
const kyiv = (wallTime: string) => wallTimeToInstant(wallTime, "Europe/Kyiv")!;
const closesAt = kyiv(`${year}-12-24T00:00`);
const reopensAt = kyiv(`${year}-12-27T00:00`);

async function openMission() {
  const db = getDb();
  const mission = await createMission(db, { sendingCode: "US" });
  await db.$transaction((tx) =>
    recordStatusChange(tx, { missionId: mission.id, status: "open", ...notice, reason: "Normal hours", effectiveAt: new Date(Date.now() - 24 * HOUR), author: EDITOR }),
  );
  return mission;
}

async function scheduleHolidayClosure(missionId: number, token: string) {
  const response = await call(scheduledRoute.POST, {
    token,
    params: { id: String(missionId) },
    body: { status: "closed", ...notice, effectiveAt: closesAt.toISOString(), until: reopensAt.toISOString() },
  });
  expect(response.status, JSON.stringify(response.json)).toBe(201);
  return response.json.scheduled as { id: number; version: number };
}

async function apiMission(slug: string) {
  const { response } = await produceApiResponse({ db: getDb(), origin: "http://chancery.test" }, new URL(`http://chancery.test/api/v1/missions/${slug}`));
  return JSON.parse(response.body) as { status: string | null; expectedAfter: string | null; upcoming: Array<Record<string, unknown>> };
}

describe("a scheduled change", () => {
  it("is shown as upcoming, applies at its time as a 'scheduled' entry, and ends at its until", async () => {
    const db = getDb();
    const mission = await openMission();
    const { token, user } = await createUserWithSession(db);
    const seen: DataChange[] = [];
    const stop = onDataChange((change) => seen.push(change));
    const scheduled = await scheduleHolidayClosure(mission.id, token);
    expect(seen).toEqual([{ missionIds: [mission.id], hostCodes: ["UA"], sendingCodes: ["US"] }]);
    expect((await apiMission(mission.slug)).upcoming).toEqual([
      { status: "closed", effectiveAt: closesAt.toISOString(), until: reopensAt.toISOString(), follows: "previous", ...notice },
    ]);

    const clock = new ManualClock(new Date(closesAt.getTime() - 1));
    expect(await runDueJobs(db, JOB_HANDLERS, { clock })).toMatchObject({ done: 0 });
    clock.set(closesAt);
    expect(await runDueJobs(db, JOB_HANDLERS, { clock })).toMatchObject({ done: 1 });
    stop();
    expect(seen).toHaveLength(2);
    const applied = await db.statusChange.findFirstOrThrow({ where: { missionId: mission.id, kind: "scheduled" } });
    expect(applied).toMatchObject({ previousStatus: "open", newStatus: "closed", effectiveAt: closesAt, authorId: user.id, scheduledChangeId: scheduled.id, until: reopensAt, follows: "open", ...notice });
    expect(await db.scheduledChange.findUniqueOrThrow({ where: { id: scheduled.id } })).toMatchObject({ state: "applied", appliedChangeId: applied.id });
    expect(await db.mission.findUniqueOrThrow({ where: { id: mission.id } })).toMatchObject({ status: "closed", statusSince: closesAt, verifiedAt: closesAt, statusUntil: reopensAt, expectedAfter: null });
    expect((await apiMission(mission.slug)).upcoming).toEqual([]);

    clock.set(reopensAt);
    expect(await runDueJobs(db, JOB_HANDLERS, { clock })).toMatchObject({ done: 1 });
    expect(await db.mission.findUniqueOrThrow({ where: { id: mission.id } })).toMatchObject({ status: "open", statusSince: reopensAt, expectedAfter: "closed", verifiedAt: null });
    expect(await apiMission(mission.slug)).toMatchObject({ status: "open", expectedAfter: "closed" });
  });

  it("still applies when an editor changes the status in between; 'previous' is what held just before it", async () => {
    const db = getDb();
    const mission = await openMission();
    const { token } = await createUserWithSession(db);
    await scheduleHolidayClosure(mission.id, token);
    const limited = await call(status.POST, { token, params: { id: String(mission.id) }, body: { status: "limited", reason: "Consular section closed", sourceUrl: notice.sourceUrl, expectedVersion: 1 } });
    expect(limited.status).toBe(200);
    expect(await db.job.findUniqueOrThrow({ where: { key: scheduledChangeJobKey((await db.scheduledChange.findFirstOrThrow()).id) } })).toMatchObject({ state: "pending" });

    await runDueJobs(db, JOB_HANDLERS, { clock: new ManualClock(closesAt) });
    expect(await db.mission.findUniqueOrThrow({ where: { id: mission.id } })).toMatchObject({ status: "closed", statusFollows: "limited" });
    await runDueJobs(db, JOB_HANDLERS, { clock: new ManualClock(reopensAt) });
    expect(await db.mission.findUniqueOrThrow({ where: { id: mission.id } })).toMatchObject({ status: "limited", expectedAfter: "closed" });
  });

  it("ends early when a report comes during its window: the window's end is void", async () => {
    const db = getDb();
    const mission = await openMission();
    const { token } = await createUserWithSession(db);
    await scheduleHolidayClosure(mission.id, token);
    const clock = new ManualClock(closesAt);
    await runDueJobs(db, JOB_HANDLERS, { clock });
    const applied = await db.statusChange.findFirstOrThrow({ where: { missionId: mission.id, kind: "scheduled" } });
    // On the 25th the embassy reopens early, and someone reports it (recorded through the same write).
    const reopenedEarly = kyiv(`${year}-12-25T09:00`);
    await db.$transaction((tx) =>
      recordStatusChange(tx, { missionId: mission.id, status: "open", ...notice, reason: "Reopened early", effectiveAt: reopenedEarly, recordedAt: reopenedEarly, expectedVersion: 2, author: EDITOR }),
    );
    expect(await db.job.findUniqueOrThrow({ where: { key: `status-expiry:${applied.id}` } })).toMatchObject({ state: "cancelled" });
    expect(await runDueJobs(db, JOB_HANDLERS, { clock: new ManualClock(reopensAt) })).toMatchObject({ done: 0 });
    expect(await db.mission.findUniqueOrThrow({ where: { id: mission.id } })).toMatchObject({ status: "open", expectedAfter: null, statusReason: "Reopened early" });
  });

  it("can be edited and cancelled while pending, and then never applies", async () => {
    const db = getDb();
    const mission = await openMission();
    const { token } = await createUserWithSession(db);
    const scheduled = await scheduleHolidayClosure(mission.id, token);
    const params = { id: String(mission.id), scheduledId: String(scheduled.id) };
    const later = kyiv(`${year}-12-25T00:00`);
    const edited = await call(scheduledItem.PATCH, {
      method: "PATCH",
      token,
      params,
      body: { status: "limited", ...notice, effectiveAt: later.toISOString(), until: reopensAt.toISOString(), follows: "open", expectedVersion: 0 },
    });
    expect(edited.status, JSON.stringify(edited.json)).toBe(200);
    expect(edited.json.scheduled).toMatchObject({ status: "limited", effectiveAt: later.toISOString(), follows: "open", version: 1 });
    expect(await db.job.findUniqueOrThrow({ where: { key: scheduledChangeJobKey(scheduled.id) } })).toMatchObject({ state: "pending", runAt: later });
    expect(await runDueJobs(db, JOB_HANDLERS, { clock: new ManualClock(closesAt) })).toMatchObject({ done: 0 });

    const stale = await call(scheduledCancel.POST, { token, params, body: { expectedVersion: 0 } });
    expect(stale.status).toBe(409);
    const cancelled = await call(scheduledCancel.POST, { token, params, body: { expectedVersion: 1 } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json.scheduled).toMatchObject({ state: "cancelled" });
    expect(await db.job.findUniqueOrThrow({ where: { key: scheduledChangeJobKey(scheduled.id) } })).toMatchObject({ state: "cancelled" });
    expect(await runDueJobs(db, JOB_HANDLERS, { clock: new ManualClock(reopensAt) })).toMatchObject({ done: 0 });
    expect(await db.statusChange.count({ where: { missionId: mission.id } })).toBe(1);
    expect((await apiMission(mission.slug)).upcoming).toEqual([]);
    const again = await call(scheduledCancel.POST, { token, params, body: { expectedVersion: 2 } });
    expect(again.status).toBe(409);
    expect(again.json.error).toMatchObject({ code: "conflict", message: expect.stringMatching(/already cancelled/), fields: [{ field: "scheduledId", message: "is cancelled, no longer pending" }] });
    expect(await db.auditEntry.findMany({ where: { entityId: String(mission.id) }, select: { action: true }, orderBy: { id: "asc" } })).toEqual([
      { action: "scheduled.create" },
      { action: "scheduled.update" },
      { action: "scheduled.cancel" },
    ]);
  });

  it("picks up an edit that lands while its job is being applied", async () => {
    const db = getDb();
    const mission = await openMission();
    const { token, user } = await createUserWithSession(db);
    const scheduled = await scheduleHolidayClosure(mission.id, token);
    const later = kyiv(`${year}-12-25T00:00`);
    const clock = new ManualClock(closesAt);
    await runDueJobs(db, JOB_HANDLERS, {
      clock,
      afterClaim: async () => {
        await updateScheduledChange(db, { ...user, role: "editor", hostScope: null }, mission.id, scheduled.id, { status: "closed", ...notice, effectiveAt: later, until: reopensAt, follows: "previous", expectedVersion: 0 });
      },
    });
    expect(await db.statusChange.count({ where: { missionId: mission.id, kind: "scheduled" } })).toBe(0);
    expect(await db.job.findUniqueOrThrow({ where: { key: scheduledChangeJobKey(scheduled.id) } })).toMatchObject({ state: "pending", runAt: later });
    await runDueJobs(db, JOB_HANDLERS, { clock: new ManualClock(later) });
    expect(await db.statusChange.findFirstOrThrow({ where: { missionId: mission.id, kind: "scheduled" } })).toMatchObject({ effectiveAt: later });
  });

  it("refuses a past time, a bad end, a stale or applied change and another mission's change, writing nothing", async () => {
    const db = getDb();
    const mission = await openMission();
    const other = await openMission();
    const { token } = await createUserWithSession(db);
    const scheduled = await scheduleHolidayClosure(mission.id, token);
    const scoped = await createUserWithSession(db, { hostScope: "PL" });
    const before = await snapshotDatabase(db);
    const create = (body: Record<string, unknown>) => call(scheduledRoute.POST, { token, params: { id: String(mission.id) }, body: { status: "closed", ...notice, ...body } });
    const fieldsOf = (response: Awaited<ReturnType<typeof call>>) => (response.json.error as { fields: Array<{ field: string }> }).fields.map((error) => error.field);

    const past = await create({ effectiveAt: new Date(Date.now() - HOUR).toISOString() });
    expect(past.status).toBe(422);
    expect(past.json.error).toMatchObject({ code: "invalid", fields: [{ field: "effectiveAt", message: expect.stringMatching(/must be in the future/) }] });
    expect(fieldsOf(await create({ effectiveAt: "next Tuesday" }))).toEqual(["effectiveAt"]);
    expect(fieldsOf(await create({ effectiveAt: reopensAt.toISOString(), until: closesAt.toISOString() }))).toEqual(["until"]);
    expect(fieldsOf(await create({ effectiveAt: closesAt.toISOString(), until: reopensAt.toISOString(), follows: "closed" }))).toEqual(["follows"]);
    const wrongMission = await call(scheduledCancel.POST, { token, params: { id: String(other.id), scheduledId: String(scheduled.id) }, body: { expectedVersion: 0 } });
    expect(wrongMission.status).toBe(404);
    const badId = await call(scheduledCancel.POST, { token, params: { id: String(mission.id), scheduledId: "x" }, body: { expectedVersion: 0 } });
    expect(badId.status).toBe(422);
    expect((await call(scheduledCancel.POST, { token: scoped.token, params: { id: String(mission.id), scheduledId: String(scheduled.id) }, body: { expectedVersion: 0 } })).status).toBe(403);
    expect(await snapshotDatabase(db)).toEqual(before);

    await runDueJobs(db, JOB_HANDLERS, { clock: new ManualClock(closesAt) });
    const afterApplied = await call(scheduledItem.PATCH, {
      method: "PATCH",
      token,
      params: { id: String(mission.id), scheduledId: String(scheduled.id) },
      body: { status: "limited", ...notice, effectiveAt: reopensAt.toISOString(), expectedVersion: 0 },
    });
    expect(afterApplied.status).toBe(409);
    expect(afterApplied.json.error).toMatchObject({ code: "conflict", message: expect.stringMatching(/already applied/) });
  });
});
