// The application's queues, in one list for the worker (server.ts), the one-shot runner
// (scripts/run-jobs.ts, db:setup) and the tests.
import type { Db } from "@/lib/db/create";
import { scheduledChangeJob } from "@/lib/missions/scheduled-changes";
import { statusExpiryJob } from "@/lib/missions/expiry";
import { mailDigestJob } from "@/lib/subscriptions/digest";
import { notifyFanoutJob } from "@/lib/subscriptions/fanout";
import { DELIVERY_HANDLERS, startDeliveryLanes } from "@/lib/subscriptions/lanes";
import { sourceFetchJob } from "@/lib/sources/fetch-job";
import type { Clock } from "./clock";
import { jobHousekeeping } from "./housekeeping";
import { ensureRecurringJob } from "./queue";
import { runDueJobs, type RunOptions } from "./run";
import { startJobWorker, type JobWorkerOptions } from "./worker";

/** Run by the main worker; the deliveries (network-bound) run in their own lanes. */
const MAIN_HANDLERS = [statusExpiryJob, scheduledChangeJob, jobHousekeeping, notifyFanoutJob, mailDigestJob, sourceFetchJob];
/** Digests go out daily at 07:00 UTC. */
function nextDigestAt(now: Date): Date {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 7));
  return at > now ? at : new Date(at.getTime() + 24 * 3600_000);
}

export const JOB_HANDLERS = [...MAIN_HANDLERS, ...DELIVERY_HANDLERS];

async function ensureRecurringJobs(db: Db, clock: Clock | undefined) {
  await ensureRecurringJob(db, jobHousekeeping, clock?.now() ?? new Date());
  await ensureRecurringJob(db, mailDigestJob, nextDigestAt(clock?.now() ?? new Date()));
}

/** Runs every due job once (after downtime: each applied with its own effective time). */
export async function runDueJobsOnce(db: Db, options: RunOptions = {}) {
  await ensureRecurringJobs(db, options.clock);
  return runDueJobs(db, JOB_HANDLERS, options);
}

export async function startAppJobWorker(db: Db, options: JobWorkerOptions = {}) {
  await ensureRecurringJobs(db, undefined);
  // Taken over once, before any worker of this process claims (a later take-over would steal
  // jobs the delivery lanes are running).
  if (options.takeOverRunningJobs) await db.job.updateMany({ where: { state: "running" }, data: { leaseUntil: new Date(0) } });
  const main = startJobWorker(db, MAIN_HANDLERS, { ...options, takeOverRunningJobs: false });
  const lanes = startDeliveryLanes(db, { log: options.log });
  return {
    owner: main.owner,
    wake: (at?: Date) => {
      main.wake(at);
      for (const lane of lanes) lane.wake(at);
    },
    async stop() {
      await Promise.all([main.stop(), ...lanes.map((lane) => lane.stop())]);
    },
  };
}
