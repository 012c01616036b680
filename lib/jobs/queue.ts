// Durable background work in the Job table. Writers enqueue inside their own transaction, so a
// job exists if and only if the write that needs it committed.
import type { z } from "zod";
import type { Db, Tx } from "@/lib/db/create";
import type { Clock } from "./clock";

export type JobState = "pending" | "running" | "done" | "failed" | "cancelled";

export interface ClaimedJob {
  id: number;
  queue: string;
  key: string;
  runAt: Date;
  payload: string;
  attempts: number;
  leaseOwner: string;
}

export interface JobContext {
  /** The transaction the handler's writes and the job's completion commit in together. */
  tx: Tx;
  clock: Clock;
  job: ClaimedJob;
  /** Runs once the transaction has committed (e.g. announcing what changed to caches). */
  afterCommit(effect: () => Promise<void> | void): void;
  /** What the handler's prepare step returned (undefined without one). */
  prepared?: unknown;
}

export interface PrepareContext {
  db: Db;
  clock: Clock;
  job: ClaimedJob;
}

/** What a handler asks for besides "done". */
export type JobOutcome = void | { runAgainAt: Date };

export interface JobHandler<P = unknown> {
  queue: string;
  payload: z.ZodType<P>;
  /**
   * Runs in one transaction with the job's completion: either both commit or neither does, so
   * a job whose lease was lost (another worker took it over) cannot apply its work twice.
   * Returning { runAgainAt } keeps the job pending until then (e.g. the work was rescheduled).
   */
  run(payload: P, context: JobContext): Promise<JobOutcome>;
  /**
   * Optional slow work outside any transaction (a network fetch, a mail, a webhook call), under
   * the job's lease, so it never holds SQLite's write lock or other writers; its result reaches
   * run as context.prepared. It may run again if the worker dies before run commits.
   */
  prepare?(payload: P, context: PrepareContext): Promise<unknown>;
  /** Attempts before the job is marked failed (default 8). */
  maxAttempts?: number;
  /** Delay before retry number `attempt` (1-based); default exponential from 1 s, capped at 10 min. */
  backoffMs?(attempt: number): number;
  /** Recurring: after each run the job stays pending for the next period instead of done. */
  everyMs?: number;
}

/** Typed by its payload schema; the runner parses the payload before calling run. */
export function defineJobHandler<P>(handler: JobHandler<P>): JobHandler {
  return handler as unknown as JobHandler;
}

export interface NewJob {
  queue: string;
  key: string;
  runAt: Date;
  payload?: unknown;
}

/** Adds a job unless one with the same key exists (in any state): enqueuing is idempotent. */
export async function enqueueJob(client: Db | Tx, job: NewJob): Promise<void> {
  await client.job.upsert({
    where: { key: job.key },
    create: { queue: job.queue, key: job.key, runAt: job.runAt, payload: JSON.stringify(job.payload ?? {}) },
    update: {},
  });
}

/** Moves a pending job to a new time (and payload). A job already running picks it up itself. */
export async function rescheduleJob(client: Db | Tx, key: string, runAt: Date, payload?: unknown): Promise<boolean> {
  const updated = await client.job.updateMany({
    where: { key, state: "pending" },
    data: { runAt, ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }) },
  });
  return updated.count === 1;
}

/** Cancels the pending jobs with these keys; jobs already running finish and see why. */
export async function cancelJobs(client: Db | Tx, keys: string[]): Promise<number> {
  if (!keys.length) return 0;
  const updated = await client.job.updateMany({ where: { key: { in: keys }, state: "pending" }, data: { state: "cancelled", finishedAt: new Date() } });
  return updated.count;
}

/** A recurring job: created once with its first run; the handler's everyMs re-arms it. */
export async function ensureRecurringJob(client: Db | Tx, handler: JobHandler, firstRunAt: Date): Promise<void> {
  if (!handler.everyMs) throw new Error(`Queue ${handler.queue} is not recurring`);
  await enqueueJob(client, { queue: handler.queue, key: `${handler.queue}:recurring`, runAt: firstRunAt });
}

/** When the earliest pending job of these queues is due (null: none). */
export async function nextDueAt(db: Db, queues: string[]): Promise<Date | null> {
  const next = await db.job.findFirst({
    where: { state: "pending", queue: { in: queues } },
    orderBy: { runAt: "asc" },
    select: { runAt: true },
  });
  return next?.runAt ?? null;
}
