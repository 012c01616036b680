// The app's PostgreSQL sessions (lib/db/adapters.ts): no JIT and no parallel workers, whatever the
// server's defaults (decisions 044, 057). Both cost tens of milliseconds per statement that
// scans a few milliseconds of rows.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";

describe.runIf(process.env.TEST_DB_PROVIDER === "postgres")("the app's PostgreSQL sessions", () => {
  it("run without JIT and without parallel workers, so a scan of Mission is planned for one backend", async () => {
    const db = getDb();
    const [settings] = await db.$queryRaw<Array<{ jit: string; workers: string }>>`SELECT current_setting('jit') AS jit, current_setting('max_parallel_workers_per_gather') AS workers`;
    expect(settings).toEqual({ jit: "off", workers: "0" });
    // Priced as if large, as a world-sized table would be (one transaction: one connection): still no Gather.
    const plan = await db.$transaction(async (tx) => {
      for (const setting of ["parallel_setup_cost", "parallel_tuple_cost", "min_parallel_table_scan_size"]) await tx.$executeRawUnsafe(`SET LOCAL ${setting} = 0`);
      return tx.$queryRawUnsafe<Array<{ "QUERY PLAN": string }>>(`EXPLAIN SELECT DISTINCT "hostCode" FROM "Mission" WHERE "archivedAt" IS NULL`);
    });
    expect(plan.map((line) => line["QUERY PLAN"]).join("\n")).not.toMatch(/Gather/);
  });
});
