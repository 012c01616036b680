// Runs the due jobs once: claim with a lease, run the handler and mark the job finished in the
// same transaction, then the handler's after-commit effects. The worker calls this on every
// tick; scripts and tests call it directly with their own clock.
import crypto from "node:crypto";
import os from "node:os";
import type { Db } from "@/lib/db/create";
import { claimDueJobs } from "./claim";
import { systemClock, type Clock } from "./clock";
import type { ClaimedJob, JobHandler, JobOutcome } from "./queue";

export interface JobLog {
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface RunOptions {
  clock?: Clock;
  /** Who holds the lease; one id per worker. */
  owner?: string;
  /** How long a claim holds before another worker may take the job over (default 30 s). */
  leaseMs?: number;
  /** Jobs claimed per statement (default 10). */
  batchSize?: number;
  /** Upper bound of jobs run by one call, so one tick cannot run forever (default 500). */
  maxJobs?: number;
  /** Called between claim and run: a seam for crash tests and metrics. */
  afterClaim?(job: ClaimedJob): Promise<void> | void;
  log?: JobLog;
}

export interface RunSummary {
  done: number;
  retried: number;
  failed: number;
  /** Jobs whose lease another worker took over before this one finished (their work rolled back). */
  lost: number;
}

const DEFAULT_LEASE_MS = 30_000;
const DEFAULT_MAX_ATTEMPTS = 8;

export const defaultBackoffMs = (attempt: number) => Math.min(1000 * 2 ** (attempt - 1), 10 * 60_000);

export function workerId(): string {
  return `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString("hex")}`;
}

class LeaseLostError extends Error {
  constructor(readonly job: ClaimedJob) {
    super(`Job ${job.id} (${job.key}) was taken over by another worker`);
  }
}

class InvalidPayloadError extends Error {}

const consoleLog: JobLog = {
  warn: (message) => console.warn(message),
  error: (message, error) => console.error(message, error),
};

/** A recurring job's next run: the next period after now, skipping the ones missed. */
function nextPeriod(runAt: Date, everyMs: number, now: Date): Date {
  const missed = Math.floor((now.getTime() - runAt.getTime()) / everyMs) + 1;
  return new Date(runAt.getTime() + Math.max(1, missed) * everyMs);
}

function finishedState(handler: JobHandler, job: ClaimedJob, outcome: JobOutcome, now: Date) {
  const released = { leaseUntil: null, attempts: 0, lastError: null, updatedAt: now };
  if (outcome && outcome.runAgainAt) return { ...released, state: "pending", runAt: outcome.runAgainAt, leaseOwner: null };
  if (handler.everyMs) return { ...released, state: "pending", runAt: nextPeriod(job.runAt, handler.everyMs, now), leaseOwner: null };
  return { state: "done", leaseUntil: null, finishedAt: now, lastError: null, updatedAt: now };
}

function parsePayload<P>(handler: JobHandler<P>, job: ClaimedJob): P {
  let raw: unknown;
  try {
    raw = JSON.parse(job.payload);
  } catch {
    throw new InvalidPayloadError(`payload is not JSON`);
  }
  const parsed = handler.payload.safeParse(raw);
  if (!parsed.success) throw new InvalidPayloadError(`invalid payload: ${parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}`);
  return parsed.data;
}

async function runOne(db: Db, handler: JobHandler, job: ClaimedJob, clock: Clock, leaseMs: number, log: JobLog): Promise<keyof RunSummary> {
  const effects: Array<() => Promise<void> | void> = [];
  try {
    const payload = parsePayload(handler, job);
    const prepared = handler.prepare ? await handler.prepare(payload, { db, clock, job }) : undefined;
    await db.$transaction(
      async (tx) => {
        const outcome = await handler.run(payload, { tx, clock, job, prepared, afterCommit: (effect) => effects.push(effect) });
        const finished = await tx.job.updateMany({
          where: { id: job.id, state: "running", leaseOwner: job.leaseOwner },
          data: finishedState(handler, job, outcome, clock.now()),
        });
        if (finished.count !== 1) throw new LeaseLostError(job);
      },
      { timeout: leaseMs, maxWait: leaseMs },
    );
  } catch (error) {
    if (error instanceof LeaseLostError) {
      log.warn(error.message);
      return "lost";
    }
    return recordFailure(db, handler, job, error, clock.now(), log);
  }
  for (const effect of effects) {
    try {
      await effect();
    } catch (error) {
      log.error(`Job ${job.key}: an after-commit effect failed (the work itself is committed)`, error);
    }
  }
  return "done";
}

async function recordFailure(db: Db, handler: JobHandler, job: ClaimedJob, error: unknown, now: Date, log: JobLog): Promise<keyof RunSummary> {
  const message = error instanceof Error ? error.message : String(error);
  const final = error instanceof InvalidPayloadError || job.attempts >= (handler.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
  const retryAt = new Date(now.getTime() + (handler.backoffMs ?? defaultBackoffMs)(job.attempts));
  await db.job.updateMany({
    where: { id: job.id, state: "running", leaseOwner: job.leaseOwner },
    data: final
      ? { state: "failed", finishedAt: now, leaseUntil: null, lastError: message.slice(0, 2000), updatedAt: now }
      : { state: "pending", runAt: retryAt, leaseOwner: null, leaseUntil: null, lastError: message.slice(0, 2000), updatedAt: now },
  });
  if (final) {
    log.error(`Job ${job.key} failed for good after ${job.attempts} attempt(s): ${message}`);
    return "failed";
  }
  log.warn(`Job ${job.key} failed (attempt ${job.attempts}), retrying at ${retryAt.toISOString()}: ${message}`);
  return "retried";
}

export async function runDueJobs(db: Db, handlers: readonly JobHandler[], options: RunOptions = {}): Promise<RunSummary> {
  const clock = options.clock ?? systemClock;
  const owner = options.owner ?? workerId();
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const maxJobs = options.maxJobs ?? 500;
  const log = options.log ?? consoleLog;
  const byQueue = new Map(handlers.map((handler) => [handler.queue, handler]));
  const summary: RunSummary = { done: 0, retried: 0, failed: 0, lost: 0 };
  for (let total = 0; total < maxJobs; ) {
    const jobs = await claimDueJobs(db, { queues: [...byQueue.keys()], owner, now: clock.now(), leaseMs, limit: Math.min(options.batchSize ?? 10, maxJobs - total) });
    if (!jobs.length) break;
    for (const job of jobs) {
      await options.afterClaim?.(job);
      summary[await runOne(db, byQueue.get(job.queue)!, job, clock, leaseMs, log)]++;
      total++;
    }
  }
  return summary;
}
