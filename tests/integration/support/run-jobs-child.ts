// A worker in its own process for the crash tests: runs the due jobs once at the given moment
// and prints its summary as JSON. With CHANCERY_TEST_HANG_AFTER_CLAIM=1 (read only here) it
// stops right after its first claim and waits to be killed.
// Usage: tsx tests/integration/support/run-jobs-child.ts <now ISO> <owner>
import { createDb } from "@/lib/db/create";
import { JOB_HANDLERS } from "@/lib/jobs/registry";
import { runDueJobs } from "@/lib/jobs/run";

async function main() {
  const [now, owner] = process.argv.slice(2);
  if (!now || !owner || !process.env.DATABASE_URL) throw new Error("usage: DATABASE_URL=… run-jobs-child.ts <now ISO> <owner>");
  const db = createDb(process.env.DATABASE_URL);
  const hang = process.env.CHANCERY_TEST_HANG_AFTER_CLAIM === "1";
  const summary = await runDueJobs(db, JOB_HANDLERS, {
    clock: { now: () => new Date(now) },
    owner,
    afterClaim: hang
      ? async (job) => {
          process.stdout.write(`claimed ${job.key}\n`);
          setInterval(() => undefined, 1000);
          await new Promise(() => undefined);
        }
      : undefined,
  });
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
