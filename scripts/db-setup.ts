// Prepares the configured database: applies migrations, sets SQLite to WAL mode and seeds.
// Run by `npm start` (and `npm run db:setup`); idempotent.
import { execFileSync } from "node:child_process";
import { parseEnv } from "@/lib/env";
import { createDb } from "@/lib/db/create";
import { runDueJobsOnce } from "@/lib/jobs/registry";
import { seed } from "@/prisma/seed";
import { backfillFoldedColumns } from "@/lib/missions/folded-columns";
import { backfillRunColumns } from "@/lib/history/run-columns";

async function main() {
  const { DATABASE_URL, databaseProvider, SEED_DEMO_EDITOR, SEED_DEMO_EDITOR_PASSWORD } = parseEnv();
  try {
    execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
      stdio: "pipe",
      env: { ...process.env, CHECKPOINT_DISABLE: "1" },
    });
  } catch (error) {
    const output = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`Migrations failed:\n${output.stdout?.toString() ?? ""}${output.stderr?.toString() ?? ""}`);
  }
  const db = createDb(DATABASE_URL);
  try {
    if (databaseProvider === "sqlite") await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    // Rows a migration added or emptied get their folded search and sort columns (decision 027).
    const folded = await backfillFoldedColumns(db);
    // History entries written before their run columns existed get them (decision 039).
    const runs = await backfillRunColumns(db);
    const summary = await seed(db, {
      demoEditorPassword: SEED_DEMO_EDITOR ? (SEED_DEMO_EDITOR_PASSWORD ?? "") : undefined,
    });
    // Statuses whose end has passed (the seed's "closed for the day") are ended before the
    // first page is served, each at its own until time.
    const jobs = await runDueJobsOnce(db);
    console.log(
      `Database ready (${databaseProvider}): +${summary.countriesAdded} countries, +${summary.missionsAdded} missions, +${summary.statusesAdded} status reports, ${jobs.done} due jobs run, ${folded} missions folded for search, ${runs} history entries given their run columns`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
