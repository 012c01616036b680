// Runs the due background jobs once and exits (`npm run jobs:run`): for a deployment without a
// long-running server, or to apply due changes right after a restore. The server's own worker
// does the same every second.
import { createDb } from "@/lib/db/create";
import { parseEnv } from "@/lib/env";
import { runDueJobsOnce } from "@/lib/jobs/registry";

async function main() {
  const db = createDb(parseEnv().DATABASE_URL);
  try {
    const summary = await runDueJobsOnce(db);
    console.log(`Due jobs: ${summary.done} done, ${summary.retried} to retry, ${summary.failed} failed, ${summary.lost} taken over by another worker`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
