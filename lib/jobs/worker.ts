// The in-process worker: runs the due jobs, then sleeps until the next pending job or the next
// poll, whichever comes first. Polling (every second) picks up jobs other processes enqueued
// and leases that ran out; a wake-up from a writer in this process cuts the wait short.
import type { Db } from "@/lib/db/create";
import { nextDueAt, type JobHandler } from "./queue";
import { runDueJobs, workerId, type JobLog, type RunSummary } from "./run";
import { onJobEnqueued } from "./wake";

export interface JobWorkerOptions {
  pollMs?: number;
  owner?: string;
  log?: JobLog;
  /**
   * Only where this process is the one worker (SQLite): jobs still marked running were left by
   * a crashed predecessor and are taken over at once instead of when their lease runs out.
   */
  takeOverRunningJobs?: boolean;
  onRun?(summary: RunSummary): void;
  /** Jobs claimed at once (default 10); 1 for jobs that wait on the network, so none waits past its lease. */
  batchSize?: number;
}

export interface JobWorker {
  readonly owner: string;
  wake(at?: Date): void;
  stop(): Promise<void>;
}

export function startJobWorker(db: Db, handlers: readonly JobHandler[], options: JobWorkerOptions = {}): JobWorker {
  const pollMs = options.pollMs ?? 1000;
  const owner = options.owner ?? workerId();
  const log = options.log ?? { warn: (message) => console.warn(message), error: (message, error) => console.error(message, error) };
  const queues = handlers.map((handler) => handler.queue);
  let timer: NodeJS.Timeout | undefined;
  let timerAt = Infinity;
  let running: Promise<void> | undefined;
  let runAgain = false;
  let stopped = false;

  function schedule(at: number) {
    if (stopped || (timer && at >= timerAt)) return;
    if (timer) clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(() => void tick(), Math.max(0, at - Date.now()));
    timer.unref();
  }

  async function runOnce(): Promise<number> {
    let next: Date | null = null;
    try {
      do {
        runAgain = false;
        const summary = await runDueJobs(db, handlers, { owner, log, batchSize: options.batchSize });
        if (summary.done + summary.retried + summary.failed + summary.lost > 0) options.onRun?.(summary);
      } while (runAgain && !stopped);
      next = await nextDueAt(db, queues);
    } catch (error) {
      log.error("The job worker could not run the due jobs; it tries again at the next poll", error);
    }
    return Math.min(Date.now() + pollMs, next?.getTime() ?? Infinity);
  }

  async function tick() {
    timer = undefined;
    timerAt = Infinity;
    if (running) {
      runAgain = true;
      return;
    }
    let nextAt = Date.now() + pollMs;
    running = runOnce().then((at) => void (nextAt = at));
    await running;
    running = undefined;
    schedule(nextAt);
  }

  const stopWaking = onJobEnqueued((at) => schedule(at.getTime()));
  const start = options.takeOverRunningJobs
    ? db.job.updateMany({ where: { state: "running" }, data: { leaseUntil: new Date(0) } }).then(() => undefined)
    : Promise.resolve();
  void start.then(
    () => schedule(Date.now()),
    (error: unknown) => {
      log.error("The job worker could not start", error);
      schedule(Date.now() + pollMs);
    },
  );

  return {
    owner,
    wake: (at = new Date()) => schedule(at.getTime()),
    async stop() {
      stopped = true;
      stopWaking();
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
