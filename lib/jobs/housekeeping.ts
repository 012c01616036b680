// A recurring job that keeps the Job table small: finished jobs are kept 30 days for
// inspection, then deleted. Failed jobs stay until someone looks at them.
import { z } from "zod";
import { defineJobHandler } from "./queue";

const KEEP_FINISHED_MS = 30 * 24 * 3600 * 1000;

export const jobHousekeeping = defineJobHandler({
  queue: "job-housekeeping",
  payload: z.object({}),
  everyMs: 24 * 3600 * 1000,
  async run(_payload, { tx, clock }) {
    await tx.job.deleteMany({ where: { state: { in: ["done", "cancelled"] }, finishedAt: { lt: new Date(clock.now().getTime() - KEEP_FINISHED_MS) } } });
  },
});
