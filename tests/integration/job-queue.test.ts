// The durable scheduler on a real database: leases, retries, recurring jobs, several workers
// on one PostgreSQL, and a worker killed with SIGKILL between claim and apply.
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { runJobsChild } from "./support/jobs-child";
import { createDb, isPostgresClient, type Db } from "@/lib/db/create";
import { claimDueJobs } from "@/lib/jobs/claim";
import { defineJobHandler, enqueueJob, ensureRecurringJob, rescheduleJob, type JobHandler } from "@/lib/jobs/queue";
import { JOB_HANDLERS } from "@/lib/jobs/registry";
import { runDueJobs, type JobLog } from "@/lib/jobs/run";
import { wakeJobWorker } from "@/lib/jobs/wake";
import { startJobWorker } from "@/lib/jobs/worker";
import { recordStatusChange } from "@/lib/missions/status-commands";
import { HOUR, ManualClock, MINUTE } from "../clock";
import { createMission, EDITOR } from "../factories";

const T0 = "2030-06-01T12:00:00Z";
const provider = process.env.TEST_DB_PROVIDER;

/** A test queue whose handler writes one audit row per run, so a rollback is visible. */
function recordingHandler(overrides: Partial<JobHandler> = {}): JobHandler {
  return defineJobHandler({
    queue: "test-recording",
    payload: z.object({ note: z.string() }),
    async run({ note }, { tx, job }) {
      await tx.auditEntry.create({ data: { actorName: "test", action: `ran ${note}`, entityType: "job", entityId: String(job.id) } });
    },
    ...overrides,
  } as JobHandler);
}

function quietLog() {
  const lines: string[] = [];
  const log: JobLog = { warn: (message) => lines.push(`warn ${message}`), error: (message) => lines.push(`error ${message}`) };
  return { lines, log };
}

const runs = (db: Db) => db.auditEntry.count({ where: { entityType: "job" } });

describe("the job queue", () => {
  it("runs a due job once, leaves a later one, and enqueuing the same key twice keeps one job", async () => {
    const db = getDb();
    expect(isPostgresClient(db)).toBe(provider === "postgres");
    const clock = new ManualClock(T0);
    const handler = recordingHandler();
    await enqueueJob(db, { queue: handler.queue, key: "now", runAt: clock.now(), payload: { note: "now" } });
    await enqueueJob(db, { queue: handler.queue, key: "now", runAt: clock.now(), payload: { note: "again" } });
    await enqueueJob(db, { queue: handler.queue, key: "later", runAt: new Date(clock.now().getTime() + HOUR), payload: { note: "later" } });
    expect(await runDueJobs(db, [handler], { clock })).toEqual({ done: 1, retried: 0, failed: 0, lost: 0 });
    expect(await runDueJobs(db, [handler], { clock })).toMatchObject({ done: 0 });
    expect(await db.job.findUniqueOrThrow({ where: { key: "now" } })).toMatchObject({ state: "done", attempts: 1, finishedAt: clock.now() });
    expect(await db.auditEntry.findMany({ where: { entityType: "job" }, select: { action: true } })).toEqual([{ action: "ran now" }]);

    await rescheduleJob(db, "later", new Date(clock.now().getTime() + 2 * HOUR));
    clock.advance(HOUR);
    expect(await runDueJobs(db, [handler], { clock })).toMatchObject({ done: 0 });
    clock.advance(HOUR);
    expect(await runDueJobs(db, [handler], { clock })).toMatchObject({ done: 1 });
  });

  it("rolls back a failed run, retries it with backoff, and marks it failed after its last attempt", async () => {
    const db = getDb();
    const clock = new ManualClock(T0);
    const handler = recordingHandler({
      maxAttempts: 3,
      async run(payload: unknown, context) {
        await recordingHandler().run(payload, context);
        throw new Error("upstream unavailable");
      },
    });
    await enqueueJob(db, { queue: handler.queue, key: "flaky", runAt: clock.now(), payload: { note: "flaky" } });
    const { lines, log } = quietLog();
    expect(await runDueJobs(db, [handler], { clock, log })).toMatchObject({ retried: 1 });
    expect(await db.job.findUniqueOrThrow({ where: { key: "flaky" } })).toMatchObject({ state: "pending", attempts: 1, runAt: new Date(clock.now().getTime() + 1000), lastError: "upstream unavailable" });
    expect(await runDueJobs(db, [handler], { clock, log })).toMatchObject({ retried: 0 });
    clock.advance(1000);
    expect(await runDueJobs(db, [handler], { clock, log })).toMatchObject({ retried: 1 });
    clock.advance(2000);
    expect(await runDueJobs(db, [handler], { clock, log })).toMatchObject({ failed: 1 });
    expect(await db.job.findUniqueOrThrow({ where: { key: "flaky" } })).toMatchObject({ state: "failed", attempts: 3 });
    expect(await runs(db)).toBe(0);
    expect(lines.at(-1)).toMatch(/^error Job flaky failed for good after 3 attempt/);
  });

  it("fails a job with an unreadable payload at once, without running it", async () => {
    const db = getDb();
    const handler = recordingHandler();
    await enqueueJob(db, { queue: handler.queue, key: "bad", runAt: new Date(T0), payload: { note: 42 } });
    const { log } = quietLog();
    expect(await runDueJobs(db, [handler], { clock: new ManualClock(T0), log })).toMatchObject({ failed: 1 });
    expect((await db.job.findUniqueOrThrow({ where: { key: "bad" } })).lastError).toMatch(/invalid payload: note/);
    expect(await runs(db)).toBe(0);
  });

  it("re-arms a recurring job for its next period, skipping the periods it missed", async () => {
    const db = getDb();
    const clock = new ManualClock(T0);
    const handler = recordingHandler({ everyMs: HOUR, payload: z.object({}), async run(_payload, { tx, job }) { await tx.auditEntry.create({ data: { actorName: "test", action: "tick", entityType: "job", entityId: String(job.id) } }); } });
    await ensureRecurringJob(db, handler, clock.now());
    await ensureRecurringJob(db, handler, clock.now());
    expect(await runDueJobs(db, [handler], { clock })).toMatchObject({ done: 1 });
    const key = `${handler.queue}:recurring`;
    expect(await db.job.findUniqueOrThrow({ where: { key } })).toMatchObject({ state: "pending", runAt: new Date(clock.now().getTime() + HOUR) });
    clock.advance(3.5 * HOUR);
    expect(await runDueJobs(db, [handler], { clock })).toMatchObject({ done: 1 });
    expect(await db.job.findUniqueOrThrow({ where: { key } })).toMatchObject({ state: "pending", runAt: new Date(new Date(T0).getTime() + 4 * HOUR) });
    expect(await runs(db)).toBe(2);
  });

  it("lets another worker take over a job whose lease ran out; the first worker's late finish rolls back", async () => {
    const db = getDb();
    const clock = new ManualClock(T0);
    const handler = recordingHandler();
    await enqueueJob(db, { queue: handler.queue, key: "slow", runAt: clock.now(), payload: { note: "once" } });
    const { lines, log } = quietLog();
    let second: Awaited<ReturnType<typeof runDueJobs>> | undefined;
    const first = await runDueJobs(db, [handler], {
      clock,
      owner: "first",
      leaseMs: MINUTE,
      log,
      // The first worker stalls after its claim for longer than its lease.
      afterClaim: async () => {
        second = await runDueJobs(db, [handler], { clock: new ManualClock(new Date(clock.now().getTime() + MINUTE + 1)), owner: "second", log });
      },
    });
    expect(second).toMatchObject({ done: 1 });
    expect(first).toMatchObject({ done: 0, lost: 1 });
    expect(await db.job.findUniqueOrThrow({ where: { key: "slow" } })).toMatchObject({ state: "done", leaseOwner: "second", attempts: 2 });
    expect(await runs(db)).toBe(1);
    expect(lines).toEqual(["warn Job " + (await db.job.findUniqueOrThrow({ where: { key: "slow" } })).id + " (slow) was taken over by another worker"]);
  });

  it("wakes the in-process worker when work is enqueued, without waiting for the next poll", async () => {
    const db = getDb();
    const ran: string[] = [];
    const waiters = new Map<string, () => void>();
    const runOf = (key: string) => new Promise<void>((resolve) => waiters.set(key, resolve));
    const handler = defineJobHandler({
      queue: "test-wake",
      payload: z.object({}),
      async run(_payload, { job, afterCommit }) {
        ran.push(job.key);
        afterCommit(() => waiters.get(job.key)?.());
      },
    });
    await enqueueJob(db, { queue: handler.queue, key: "first", runAt: new Date(), payload: {} });
    const first = runOf("first");
    const worker = startJobWorker(db, [handler], { pollMs: 10 * MINUTE });
    try {
      // After its first run the worker sleeps for the 10-minute poll: only a wake-up runs the next job.
      await first;
      const second = runOf("second");
      await enqueueJob(db, { queue: handler.queue, key: "second", runAt: new Date(), payload: {} });
      wakeJobWorker(new Date());
      await second;
      expect(ran).toEqual(["first", "second"]);
    } finally {
      await worker.stop();
    }
  });
});

async function missionsClosedUntil(db: Db, count: number, until: Date) {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const mission = await createMission(db);
    await db.$transaction(async (tx) => {
      await recordStatusChange(tx, { missionId: mission.id, status: "open", reason: null, sourceUrl: null, sourceTitle: null, effectiveAt: new Date("2024-11-19T07:00:00Z"), author: EDITOR });
      await recordStatusChange(tx, { missionId: mission.id, status: "closed", reason: "Alert", sourceUrl: null, sourceTitle: null, effectiveAt: new Date("2024-11-20T07:00:00Z"), until, author: EDITOR });
    });
    ids.push(mission.id);
  }
  return ids;
}

async function expiriesPerMission(db: Db, ids: number[]) {
  const rows = await db.statusChange.groupBy({ by: ["missionId"], where: { missionId: { in: ids }, kind: "expiry" }, _count: true });
  return Object.fromEntries(ids.map((id) => [id, rows.find((row) => row.missionId === id)?._count ?? 0]));
}

describe.runIf(provider === "postgres")("several workers on one PostgreSQL", () => {
  it("apply every expiry exactly once", async () => {
    const db = getDb();
    const until = new Date("2024-11-20T22:00:00Z");
    const ids = await missionsClosedUntil(db, 40, until);
    const other = createDb(process.env.DATABASE_URL!);
    // Both claim with FOR UPDATE SKIP LOCKED.
    expect([isPostgresClient(db), isPostgresClient(other)]).toEqual([true, true]);
    try {
      const clock = new ManualClock("2024-11-21T08:00:00Z");
      const summaries = await Promise.all(
        [db, other, db, other].map((client, n) => runDueJobs(client, JOB_HANDLERS, { clock, owner: `worker-${n}`, batchSize: 1 })),
      );
      expect(summaries.reduce((sum, summary) => sum + summary.done, 0)).toBe(40);
      expect(summaries.every((summary) => summary.lost === 0 && summary.failed === 0)).toBe(true);
      expect(new Set(Object.values(await expiriesPerMission(db, ids)))).toEqual(new Set([1]));
      expect(await db.job.count({ where: { state: { not: "done" } } })).toBe(0);
      // More than one worker did some of the work.
      const owners = await db.job.groupBy({ by: ["leaseOwner"], _count: true });
      expect(owners.length).toBeGreaterThan(1);
    } finally {
      await other.$disconnect();
    }
  });
});

const runChild = (now: string, owner: string, hangAfterClaim: boolean) => runJobsChild(now, owner, hangAfterClaim);

describe("a worker killed between claim and apply", () => {
  it("loses nothing: after a restart the expiry is applied exactly once", async () => {
    const db = getDb();
    const until = new Date("2024-11-20T22:00:00Z");
    const [missionId] = await missionsClosedUntil(db, 1, until);
    const now = "2024-11-20T23:00:00.000Z";

    const crashing = runChild(now, "crashing-worker", true);
    const key = await crashing.claimed;
    crashing.child.kill("SIGKILL");
    expect(await crashing.exited).toEqual({ code: null, signal: "SIGKILL" });
    expect(await db.job.findUniqueOrThrow({ where: { key } })).toMatchObject({ state: "running", leaseOwner: "crashing-worker" });
    expect(await expiriesPerMission(db, [missionId!])).toEqual({ [missionId!]: 0 });

    // Within the lease nobody else takes it; after it, a restarted worker does, once.
    expect(await claimDueJobs(db, { queues: ["status-expiry"], owner: "peek", now: new Date(now), leaseMs: 1, limit: 10 })).toEqual([]);
    const restarted = runChild(new Date(new Date(now).getTime() + 31_000).toISOString(), "restarted-worker", false);
    expect(await restarted.exited, restarted.errors()).toEqual({ code: 0, signal: null });
    expect(JSON.parse(restarted.output())).toMatchObject({ done: 1, lost: 0 });
    expect(await runDueJobs(db, JOB_HANDLERS, { clock: new ManualClock("2024-11-21T08:00:00Z") })).toMatchObject({ done: 0 });
    expect(await expiriesPerMission(db, [missionId!])).toEqual({ [missionId!]: 1 });
    expect(await db.job.findUniqueOrThrow({ where: { key } })).toMatchObject({ state: "done", leaseOwner: "restarted-worker", attempts: 2 });
    expect(await db.mission.findUniqueOrThrow({ where: { id: missionId! } })).toMatchObject({ status: "open", expectedAfter: "closed", statusSince: until });
  }, 60_000);
});
