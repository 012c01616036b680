// A report that says until when it holds ends by itself: one "expiry" entry effective at the
// until moment, authored by the schedule, pointing to the report it ends; what follows is
// expected, not confirmed, until a source confirms it.
import { describe, expect, it } from "vitest";
import * as events from "@/app/api/admin/events/route";
import * as status from "@/app/api/admin/missions/[id]/status/route";
import * as verify from "@/app/api/admin/missions/[id]/verify/route";
import { getDb } from "@/lib/db/client";
import { onDataChange, type DataChange } from "@/lib/events/data-changed";
import { JOB_HANDLERS } from "@/lib/jobs/registry";
import { runDueJobs } from "@/lib/jobs/run";
import { applyStatusExpiry } from "@/lib/missions/expiry";
import { expiryJobKey, recordStatusChange } from "@/lib/missions/status-commands";
import { wallTimeToInstant } from "@/lib/zoned-time";
import { HOUR, ManualClock, MINUTE } from "../clock";
import { createMission, EDITOR } from "../factories";
import { call, createUserWithSession, snapshotDatabase } from "../http";

const report = { reason: "Air-raid alert", sourceUrl: "https://example.org/alert", sourceTitle: "Alert" };
const inMinutes = (minutes: number) => new Date(Date.now() + minutes * MINUTE);

async function closedUntil(missionId: number, until: Date, extra: Record<string, unknown> = {}) {
  const db = getDb();
  const { token } = await createUserWithSession(db);
  const mission = await db.mission.findUniqueOrThrow({ where: { id: missionId } });
  const response = await call(status.POST, {
    token,
    params: { id: String(missionId) },
    body: { status: "closed", ...report, until: until.toISOString(), expectedVersion: mission.version, ...extra },
  });
  expect(response.status, JSON.stringify(response.json)).toBe(200);
  return { token, response };
}

async function openMission(sendingCode = "US") {
  const db = getDb();
  const mission = await createMission(db, { sendingCode });
  await db.$transaction((tx) =>
    recordStatusChange(tx, { missionId: mission.id, status: "open", ...report, reason: "Normal hours", effectiveAt: new Date(Date.now() - 24 * HOUR), author: EDITOR }),
  );
  return mission;
}

describe("a status with an end", () => {
  it("ends at its until moment: an expiry entry effective then, by the schedule, expected and not confirmed", async () => {
    const db = getDb();
    const mission = await openMission();
    const until = inMinutes(30);
    const { response } = await closedUntil(mission.id, until);
    expect(response.json.mission).toMatchObject({ status: "closed", statusUntil: until.toISOString(), statusFollows: "open", expectedAfter: null });
    const closure = await db.statusChange.findFirstOrThrow({ where: { missionId: mission.id, newStatus: "closed" } });
    expect(closure).toMatchObject({ until, follows: "open" });
    expect(await db.job.findUniqueOrThrow({ where: { key: expiryJobKey(closure.id) } })).toMatchObject({ state: "pending", runAt: until });

    const clock = new ManualClock(new Date(until.getTime() - 1));
    expect(await runDueJobs(db, JOB_HANDLERS, { clock })).toMatchObject({ done: 0 });
    expect((await db.mission.findUniqueOrThrow({ where: { id: mission.id } })).status).toBe("closed");

    // The server was down at the until moment and comes back two hours later.
    clock.advance(2 * HOUR);
    const seen: DataChange[] = [];
    const stop = onDataChange((change) => seen.push(change));
    expect(await runDueJobs(db, JOB_HANDLERS, { clock })).toMatchObject({ done: 1 });
    stop();
    const expiry = await db.statusChange.findFirstOrThrow({ where: { missionId: mission.id, kind: "expiry" } });
    expect(expiry).toMatchObject({
      previousStatus: "closed",
      newStatus: "open",
      effectiveAt: until,
      recordedAt: clock.now(),
      authorId: null,
      authorName: "Schedule",
      endsChangeId: closure.id,
      sourceUrl: null,
    });
    expect(await db.mission.findUniqueOrThrow({ where: { id: mission.id } })).toMatchObject({
      status: "open",
      statusSince: until,
      verifiedAt: null,
      expectedAfter: "closed",
      statusUntil: null,
      statusSetBy: "Schedule",
    });
    expect(seen).toEqual([{ missionIds: [mission.id], hostCodes: ["UA"], sendingCodes: ["US"] }]);
    expect(await db.auditEntry.count({ where: { action: "status.expiry", entityId: String(mission.id) } })).toBe(1);

    // Running again, or the apply itself again, changes nothing.
    expect(await runDueJobs(db, JOB_HANDLERS, { clock: new ManualClock(clock.advance(HOUR)) })).toMatchObject({ done: 0 });
    expect(await db.$transaction((tx) => applyStatusExpiry(tx, closure.id, clock.now()))).toEqual({ applied: false, why: "already-applied" });
    expect(await db.statusChange.count({ where: { missionId: mission.id } })).toBe(3);
  });

  it("is void when a newer report comes first: its job is cancelled, and applying it anyway does nothing", async () => {
    const db = getDb();
    const mission = await openMission();
    const until = inMinutes(30);
    const { token } = await closedUntil(mission.id, until);
    const closure = await db.statusChange.findFirstOrThrow({ where: { missionId: mission.id, newStatus: "closed" } });
    const limited = await call(status.POST, { token, params: { id: String(mission.id) }, body: { status: "limited", ...report, expectedVersion: 2 } });
    expect(limited.status).toBe(200);
    expect(await db.job.findUniqueOrThrow({ where: { key: expiryJobKey(closure.id) } })).toMatchObject({ state: "cancelled" });
    expect(await db.$transaction((tx) => applyStatusExpiry(tx, closure.id, new Date(until.getTime() + MINUTE)))).toEqual({ applied: false, why: "superseded" });
    expect(await runDueJobs(db, JOB_HANDLERS, { clock: new ManualClock(new Date(until.getTime() + HOUR)) })).toMatchObject({ done: 0 });
    expect(await db.mission.findUniqueOrThrow({ where: { id: mission.id } })).toMatchObject({ status: "limited", expectedAfter: null, statusUntil: null });
  });

  it("is cleared by a re-verification with a source: the expected status becomes confirmed", async () => {
    const db = getDb();
    const mission = await openMission();
    const until = inMinutes(-60);
    const { token } = await closedUntil(mission.id, until, { effectiveAt: inMinutes(-120).toISOString() });
    await runDueJobs(db, JOB_HANDLERS);
    const expected = await db.mission.findUniqueOrThrow({ where: { id: mission.id } });
    expect(expected).toMatchObject({ status: "open", expectedAfter: "closed", verifiedAt: null });
    const confirmed = await call(verify.POST, { token, params: { id: String(mission.id) }, body: { sourceUrl: "https://example.org/reopened", expectedVersion: expected.version } });
    expect(confirmed.status).toBe(200);
    const after = await db.mission.findUniqueOrThrow({ where: { id: mission.id } });
    expect(after).toMatchObject({ status: "open", expectedAfter: null, sourceUrl: "https://example.org/reopened", statusSince: until });
    expect(after.verifiedAt).not.toBeNull();
  });

  it("keeps its end when re-verified before it, and ends into 'not reported' when asked", async () => {
    const db = getDb();
    const mission = await createMission(db);
    const until = inMinutes(60);
    const { token } = await closedUntil(mission.id, until, { follows: "unreported" });
    const confirmed = await call(verify.POST, { token, params: { id: String(mission.id) }, body: { sourceUrl: "https://example.org/still-closed", expectedVersion: 1 } });
    expect(confirmed.json.mission).toMatchObject({ status: "closed", statusUntil: until.toISOString(), statusFollows: "unreported" });
    await runDueJobs(db, JOB_HANDLERS, { clock: new ManualClock(until) });
    const expiries = await db.statusChange.findMany({ where: { missionId: mission.id, kind: "expiry" } });
    expect(expiries).toHaveLength(1);
    const verification = await db.statusChange.findFirstOrThrow({ where: { missionId: mission.id, kind: "verify" } });
    expect(expiries[0]).toMatchObject({ newStatus: null, endsChangeId: verification.id });
    expect(await db.$queryRawUnsafe(`SELECT "newStatus" FROM "StatusChange" WHERE id = ${expiries[0]!.id}`)).toEqual([{ newStatus: "unreported" }]);
    expect(await db.mission.findUniqueOrThrow({ where: { id: mission.id } })).toMatchObject({ status: null, expectedAfter: "closed", verifiedAt: null });
  });

  it("'previous' is the status before the reported one began, also for a re-report of the same status", async () => {
    const mission = await openMission();
    const { token } = await closedUntil(mission.id, inMinutes(30));
    const again = await call(status.POST, { token, params: { id: String(mission.id) }, body: { status: "closed", ...report, until: inMinutes(90).toISOString(), expectedVersion: 2 } });
    expect(again.json.mission).toMatchObject({ status: "closed", statusFollows: "open" });
  });

  it("takes until from the editor's wall clock in the host city's zone", async () => {
    const db = getDb();
    const mission = await openMission();
    const tomorrow = new Date(Date.now() + 24 * HOUR).toISOString().slice(0, 10);
    const until = wallTimeToInstant(`${tomorrow}T18:00`, "Europe/Kyiv")!;
    await closedUntil(mission.id, until);
    const stored = await db.mission.findUniqueOrThrow({ where: { id: mission.id } });
    expect(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Kyiv", hour: "2-digit", minute: "2-digit" }).format(stored.statusUntil!)).toBe("18:00");
  });

  it("applies to every mission of a bulk event, each followed by its own previous status", async () => {
    const db = getDb();
    const open = await openMission("US");
    const unreported = await createMission(db, { sendingCode: "IT" });
    const { token } = await createUserWithSession(db);
    const until = inMinutes(10);
    const response = await call(events.POST, {
      token,
      body: { name: "Alert", status: "closed", ...report, until: until.toISOString(), missions: [{ id: open.id, expectedVersion: 1 }, { id: unreported.id, expectedVersion: 0 }] },
    });
    expect(response.status, JSON.stringify(response.json)).toBe(201);
    expect(await runDueJobs(db, JOB_HANDLERS, { clock: new ManualClock(until) })).toMatchObject({ done: 2 });
    expect(await db.mission.findUniqueOrThrow({ where: { id: open.id } })).toMatchObject({ status: "open", expectedAfter: "closed" });
    expect(await db.mission.findUniqueOrThrow({ where: { id: unreported.id } })).toMatchObject({ status: null, expectedAfter: "closed" });
  });

  it("a back-dated report whose end has passed ends at once, at its own until", async () => {
    const db = getDb();
    const mission = await openMission();
    const effectiveAt = new Date(Date.now() - 3 * HOUR);
    const until = new Date(Date.now() - 2 * HOUR);
    await closedUntil(mission.id, until, { effectiveAt: effectiveAt.toISOString() });
    expect(await runDueJobs(db, JOB_HANDLERS)).toMatchObject({ done: 1 });
    expect(await db.mission.findUniqueOrThrow({ where: { id: mission.id } })).toMatchObject({ status: "open", statusSince: until, expectedAfter: "closed" });
  });

  it("refuses an end that is not an ISO time, not after the effective time, too far, or followed by the same status, naming the field", async () => {
    const db = getDb();
    const mission = await openMission();
    const { token } = await createUserWithSession(db);
    const before = await snapshotDatabase(db);
    const attempt = async (body: Record<string, unknown>) => {
      const response = await call(status.POST, { token, params: { id: String(mission.id) }, body: { status: "closed", ...report, expectedVersion: 1, ...body } });
      expect(response.status, JSON.stringify(response.json)).toBe(422);
      return ((response.json.error as { fields: Array<{ field: string; message: string }> }).fields as Array<{ field: string; message: string }>).map((error) => `${error.field}: ${error.message}`);
    };
    for (const until of [0, true, "tomorrow", "2024-11-20", "2024-11-20T18:00"]) expect((await attempt({ until }))[0]).toMatch(/^until: must be an ISO 8601/);
    expect(await attempt({ until: new Date(Date.now() - MINUTE).toISOString() })).toEqual(["until: must be after the effective time"]);
    expect(await attempt({ until: new Date(Date.now() + 400 * 24 * HOUR).toISOString() })).toEqual(["until: must be within a year of the effective time"]);
    expect(await attempt({ until: inMinutes(5).toISOString(), follows: "closed" })).toEqual(["follows: must differ from the status"]);
    expect(await attempt({ follows: "open" })).toEqual(["follows: needs an until time"]);
    expect((await attempt({ until: inMinutes(5).toISOString(), follows: "later" }))[0]).toMatch(/^follows: must be one of previous, open/);
    expect(await snapshotDatabase(db)).toEqual(before);
  });
});
