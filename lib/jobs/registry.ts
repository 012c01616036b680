// The application's queues, in one list for the worker (server.ts), the one-shot runner
// (scripts/run-jobs.ts, db:setup) and the tests.
import type { Db } from "@/lib/db/create";
import { scheduledChangeJob } from "@/lib/missions/scheduled-changes";
import { statusExpiryJob } from "@/lib/missions/expiry";
import { sourceFetchJob } from "@/lib/sources/fetch-job";
import type { Clock } from "./clock";
import { jobHousekeeping } from "./housekeeping";
import { ensureRecurringJob } from "./queue";
import { runDueJobs, type RunOptions } from "./run";
import { startJobWorker, type JobWorkerOptions } from "./worker";

export const JOB_HANDLERS = [statusExpiryJob, scheduledChangeJob, jobHousekeeping, sourceFetchJob];

async function ensureRecurringJobs(db: Db, clock: Clock | undefined) {
  await ensureRecurringJob(db, jobHousekeeping, clock?.now() ?? new Date());
}

/** Runs every due job once (after downtime: each applied with its own effective time). */
export async function runDueJobsOnce(db: Db, options: RunOptions = {}) {
  await ensureRecurringJobs(db, options.clock);
  return runDueJobs(db, JOB_HANDLERS, options);
}

export async function startAppJobWorker(db: Db, options: JobWorkerOptions = {}) {
  await ensureRecurringJobs(db, undefined);
  return startJobWorker(db, JOB_HANDLERS, options);
}
