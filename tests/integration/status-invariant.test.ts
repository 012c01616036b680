// Property: whatever editors and the schedule do (reports, re-verifications, back-dated
// reports, bulk events, reports with an end, scheduled changes, their edits and cancellations,
// time passing), a mission's current status is a replay of its history, and the status at any
// moment T is a naive replay of the entries effective at or before T, and every entry's stored
// run start and recordedUpTo are a replay of the history before it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/create";
import { AppError } from "@/lib/errors";
import { JOB_HANDLERS } from "@/lib/jobs/registry";
import { runDueJobs } from "@/lib/jobs/run";
import { applyBulkEvent, changeMissionStatus, verifyMissionStatus } from "@/lib/missions/commands";
import { cancelScheduledChange, scheduleStatusChange, updateScheduledChange } from "@/lib/missions/scheduled-commands";
import { statusAsOf } from "@/lib/missions/status-commands";
import type { Follows, Status } from "@/lib/status/schema";
import { HOUR, ManualClock, MINUTE } from "../clock";
import { createMission } from "../factories";
import { storedAndReplayedRuns } from "../run-columns-model";

const START = "2031-03-01T06:00:00Z";
const source = { sourceUrl: "https://example.org/report", sourceTitle: "Report" };

const status = fc.constantFrom<Status>("open", "limited", "closed");
const follows = fc.constantFrom<Follows>("previous", "open", "limited", "closed", "unreported");
const end = fc.option(fc.record({ afterMinutes: fc.integer({ min: 1, max: 600 }), follows }), { nil: null });
const backdate = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 600 }));
const mission = fc.integer({ min: 0, max: 1 });

const operation = fc.oneof(
  fc.record({ type: fc.constant("report" as const), mission, status, backdate, end }),
  fc.record({ type: fc.constant("verify" as const), mission }),
  fc.record({ type: fc.constant("bulk" as const), status, backdate, end }),
  fc.record({ type: fc.constant("schedule" as const), mission, status, inMinutes: fc.integer({ min: 1, max: 900 }), end }),
  fc.record({ type: fc.constant("edit-scheduled" as const), pick: fc.nat(), inMinutes: fc.integer({ min: 1, max: 900 }) }),
  fc.record({ type: fc.constant("cancel-scheduled" as const), pick: fc.nat() }),
  fc.record({ type: fc.constant("advance" as const), minutes: fc.integer({ min: 1, max: 720 }) }),
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

// ---- The naive model: sort the history, read the last entry ----

type StatusChange = Awaited<ReturnType<Db["statusChange"]["findMany"]>>[number];

const order = (a: StatusChange, b: StatusChange) =>
  a.effectiveAt.getTime() - b.effectiveAt.getTime() || a.recordedAt.getTime() - b.recordedAt.getTime() || a.id - b.id;

const asStatus = (value: string | null) => (value === null || value === "unreported" ? null : value);

function naiveAsOf(history: StatusChange[], at: Date): string | null {
  const effective = history.filter((entry) => entry.effectiveAt <= at).sort(order);
  return asStatus(effective.at(-1)?.newStatus ?? null);
}

function naiveCurrent(history: StatusChange[]) {
  const sorted = [...history].sort(order);
  const latest = sorted.at(-1);
  if (!latest) return { status: null, statusSince: null, verifiedAt: null, expectedAfter: null, statusUntil: null, statusFollows: null };
  let first = sorted.length - 1;
  while (first > 0 && sorted[first - 1]!.newStatus === latest.newStatus) first--;
  const confirmed = latest.recordedAt > latest.effectiveAt ? latest.recordedAt : latest.effectiveAt;
  return {
    status: asStatus(latest.newStatus),
    statusSince: sorted[first]!.effectiveAt,
    verifiedAt: latest.kind === "expiry" ? null : latest.kind === "scheduled" ? latest.effectiveAt : confirmed,
    expectedAfter: latest.kind === "expiry" ? latest.previousStatus : null,
    statusUntil: latest.until,
    statusFollows: latest.follows,
    statusReason: latest.reason,
    sourceUrl: latest.sourceUrl,
    statusSetBy: latest.authorName,
  };
}

async function expectMissionIsItsHistory(db: Db, missionId: number) {
  const mission = await db.mission.findUniqueOrThrow({ where: { id: missionId } });
  const history = await db.statusChange.findMany({ where: { missionId } });
  expect(mission).toMatchObject(naiveCurrent(history));
  expect(mission.version).toBe(history.length);
  // Every write keeps each entry's run columns a replay of the history (decision 039).
  const runs = storedAndReplayedRuns(history);
  expect(runs.map((run) => run.stored), `run columns of mission ${missionId}`).toEqual(runs.map((run) => run.replayed));
  const moments = history.flatMap((entry) => [entry.effectiveAt, new Date(entry.effectiveAt.getTime() - 1), new Date(entry.effectiveAt.getTime() + 1)]);
  for (const at of [new Date("2000-01-01T00:00:00Z"), ...moments]) {
    expect(await statusAsOf(db, missionId, at), `status of mission ${missionId} at ${at.toISOString()}`).toBe(naiveAsOf(history, at));
  }
}

/** Every end that was due has been applied exactly once, unless a later entry took over first. */
async function expectEveryDueEndApplied(db: Db, missionId: number, now: Date) {
  const history = (await db.statusChange.findMany({ where: { missionId } })).sort(order);
  for (const entry of history.filter((candidate) => candidate.until && candidate.until <= now)) {
    const expiries = history.filter((candidate) => candidate.endsChangeId === entry.id);
    expect(expiries.length, `expiries of entry ${entry.id}`).toBeLessThanOrEqual(1);
    const [expiry] = expiries;
    const takenOverBy = (existedBefore: number) =>
      history.find((other) => other.id !== entry.id && other.id < existedBefore && order(other, entry) > 0 && other.effectiveAt <= entry.until! && other.endsChangeId !== entry.id);
    if (expiry) {
      expect(expiry).toMatchObject({ kind: "expiry", effectiveAt: entry.until, previousStatus: entry.newStatus, newStatus: asStatus(entry.follows), authorName: "Schedule" });
      expect(takenOverBy(expiry.id), `entry ${entry.id} was superseded before its end was applied`).toBeUndefined();
    } else {
      expect(takenOverBy(Infinity), `the end of entry ${entry.id} (until ${entry.until!.toISOString()}) was never applied`).toBeDefined();
    }
  }
}

// ---- Running operations through the real commands ----

async function run(db: Db, clock: ManualClock, user: SessionUser, missionIds: number[], op: Operation) {
  const now = clock.now();
  const version = async (id: number) => (await db.mission.findUniqueOrThrow({ where: { id } })).version;
  const ending = (from: Date, chosen: Status, value: { afterMinutes: number; follows: Follows } | null) =>
    value
      ? { until: new Date(from.getTime() + value.afterMinutes * MINUTE), follows: value.follows === chosen ? ("previous" as const) : value.follows }
      : { until: null, follows: "previous" as const };
  const report = { reason: "Report", ...source };
  const refusedAsExpected = (error: unknown) => {
    if (!(error instanceof AppError) || (error.code !== "conflict" && error.code !== "invalid")) throw error;
  };
  switch (op.type) {
    case "report": {
      const effectiveAt = new Date(now.getTime() - op.backdate * MINUTE);
      const id = missionIds[op.mission]!;
      await changeMissionStatus(db, user, id, { ...report, status: op.status, effectiveAt, ...ending(effectiveAt, op.status, op.end), expectedVersion: await version(id) }, { clock });
      return;
    }
    case "verify": {
      const id = missionIds[op.mission]!;
      await verifyMissionStatus(db, user, id, { ...source, expectedVersion: await version(id) }, { clock }).catch(refusedAsExpected);
      return;
    }
    case "bulk": {
      const effectiveAt = new Date(now.getTime() - op.backdate * MINUTE);
      const missions = await Promise.all(missionIds.map(async (id) => ({ id, expectedVersion: await version(id) })));
      await applyBulkEvent(db, user, { name: "Bulk event", description: null, ...report, status: op.status, effectiveAt, ...ending(effectiveAt, op.status, op.end), missions }, { clock });
      return;
    }
    case "schedule": {
      const effectiveAt = new Date(now.getTime() + op.inMinutes * MINUTE);
      await scheduleStatusChange(db, user, missionIds[op.mission]!, { ...report, status: op.status, effectiveAt, ...ending(effectiveAt, op.status, op.end) }, { clock });
      return;
    }
    case "edit-scheduled":
    case "cancel-scheduled": {
      const pending = await db.scheduledChange.findMany({ where: { missionId: { in: missionIds }, state: "pending" }, orderBy: { id: "asc" } });
      const chosen = pending[op.pick % Math.max(1, pending.length)];
      if (!chosen) return;
      if (op.type === "cancel-scheduled") {
        await cancelScheduledChange(db, user, chosen.missionId, chosen.id, chosen.version, { clock }).catch(refusedAsExpected);
        return;
      }
      const effectiveAt = new Date(now.getTime() + op.inMinutes * MINUTE);
      const status = chosen.status as Status;
      const until = chosen.until ? new Date(effectiveAt.getTime() + (chosen.until.getTime() - chosen.effectiveAt.getTime())) : null;
      await updateScheduledChange(
        db,
        user,
        chosen.missionId,
        chosen.id,
        { ...report, status, effectiveAt, until, follows: (chosen.follows as Follows | null) ?? "previous", expectedVersion: chosen.version },
        { clock },
      ).catch(refusedAsExpected);
      return;
    }
    case "advance":
      clock.advance(op.minutes * MINUTE);
      await runDueJobs(db, JOB_HANDLERS, { clock });
  }
}

describe("the current status is always the history's latest effective entry", () => {
  it("holds for random sequences of reports, re-verifications, back-dated reports, bulk events, ends and scheduled changes", async () => {
    const db = getDb();
    const account = await db.user.create({ data: { email: "property@example.org", name: "Property editor", role: "editor", passwordHash: "x" } });
    const user: SessionUser = { id: account.id, email: account.email, name: account.name, role: "editor", hostScope: null };
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 14 }), async (operations) => {
        const clock = new ManualClock(START);
        const missionIds = [(await createMission(db)).id, (await createMission(db)).id];
        for (const op of operations) {
          await run(db, clock, user, missionIds, op);
          for (const id of missionIds) await expectMissionIsItsHistory(db, id);
        }
        // Long after everything: every due job ran, once.
        clock.advance(400 * 24 * HOUR);
        await runDueJobs(db, JOB_HANDLERS, { clock });
        for (const id of missionIds) {
          await expectMissionIsItsHistory(db, id);
          await expectEveryDueEndApplied(db, id, clock.now());
        }
        expect(await db.job.count({ where: { state: { in: ["running", "failed"] } } })).toBe(0);
        expect(await db.job.count({ where: { state: "pending", runAt: { lte: clock.now() }, queue: { not: "job-housekeeping" } } })).toBe(0);
        const scheduled = await db.scheduledChange.findMany({ where: { missionId: { in: missionIds } } });
        for (const change of scheduled) {
          const applied = await db.statusChange.count({ where: { scheduledChangeId: change.id } });
          expect({ id: change.id, state: change.state, applied }).toEqual({ id: change.id, state: change.state === "cancelled" ? "cancelled" : "applied", applied: change.state === "cancelled" ? 0 : 1 });
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 30), endOnFailure: true },
    );
  }, 240_000);
});
