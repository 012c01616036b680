// Claiming due jobs with a lease: one UPDATE marks them running for this worker until
// leaseUntil. A job is due when pending and runAt has come, or when its lease ran out (its
// worker crashed or hung): that is how a crash between claim and finish loses nothing.
import { Prisma } from "@/lib/generated/sqlite/client";
import { isPostgresClient, type Db } from "@/lib/db/create";
import type { ClaimedJob } from "./queue";

export interface ClaimOptions {
  queues: string[];
  owner: string;
  now: Date;
  leaseMs: number;
  limit: number;
}

export async function claimDueJobs(db: Db, { queues, owner, now, leaseMs, limit }: ClaimOptions): Promise<ClaimedJob[]> {
  if (!queues.length) return [];
  const leaseUntil = new Date(now.getTime() + leaseMs);
  // PostgreSQL: several instances claim at once; SKIP LOCKED lets each take different rows
  // without waiting. SQLite has one writer at a time, so the statement alone is atomic.
  const lock = isPostgresClient(db) ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty;
  const due = Prisma.sql`"queue" IN (${Prisma.join(queues)})
    AND (("state" = 'pending' AND "runAt" <= ${now}) OR ("state" = 'running' AND "leaseUntil" < ${now}))`;
  const rows = await db.$queryRaw<ClaimedJob[]>`
    UPDATE "Job"
    SET "state" = 'running', "leaseOwner" = ${owner}, "leaseUntil" = ${leaseUntil}, "attempts" = "attempts" + 1, "updatedAt" = ${now}
    WHERE "id" IN (SELECT "id" FROM "Job" WHERE ${due} ORDER BY "runAt", "id" LIMIT ${limit} ${lock})
      AND ${due}
    RETURNING "id", "queue", "key", "runAt", "payload", "attempts", "leaseOwner"`;
  return rows
    .map((row) => ({ ...row, id: Number(row.id), attempts: Number(row.attempts), runAt: new Date(row.runAt) }))
    .sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || a.id - b.id);
}
