// `npm run bench -- --as-of` (or `tsx scripts/bench-as-of.ts`): how fast the table as of a
// moment is built (lib/history/as-of.ts) at world scale, uncached, on SQLite and PostgreSQL.
// Data: the world import and its generated history (scripts/world-data.ts). Not a test: it only prints.
// Options: --rows=1000000 --missions=12000 --largest=600 --runs=20 --db=both|sqlite|postgres
//          --postgres=postgresql://postgres@127.0.0.1:5432/postgres (an admin URL; a bench database is created)
import path from "node:path";
import { z } from "zod";
import { createDb, type Db } from "@/lib/db/create";
import { loadMissionsAsOf, type AsOfScope } from "@/lib/history/as-of";
import type { Known } from "@/lib/history/moment";
import { loadFreshnessContext } from "@/lib/status/freshness-policies";
import { prepareWorldDatabase } from "./world-data";

const ROOT = path.resolve(import.meta.dirname, "..");
const TMP = path.join(ROOT, "tests/.tmp");

const OptionsSchema = z.object({
  rows: z.coerce.number().int().min(1000).max(20_000_000).default(1_000_000),
  missions: z.coerce.number().int().min(100).max(100_000).default(12_000),
  largest: z.coerce.number().int().min(10).max(10_000).default(600),
  runs: z.coerce.number().int().min(3).max(1000).default(20),
  db: z.enum(["both", "sqlite", "postgres"]).default("both"),
  postgres: z.string().default("postgresql://postgres@127.0.0.1:5432/postgres"),
});
type Options = z.infer<typeof OptionsSchema>;

function parseOptions(argv: string[]): Options {
  const record = Object.fromEntries(argv.filter((arg) => arg.startsWith("--") && arg.includes("=")).map((arg) => arg.slice(2).split("=", 2) as [string, string]));
  return OptionsSchema.parse(record);
}

// The history spans 2020-01-01 on, one entry every 6 hours per mission on average.
const START_SECONDS = Date.UTC(2020, 0, 1) / 1000;
const STEP_SECONDS = 6 * 3600;

// The data: the world file and its generated history (scripts/world-data.ts, the one generator),
// spread over the span the moments below are taken from.
const worldOptions = (options: Options) => ({ historyRows: options.rows, start: new Date(START_SECONDS * 1000), end: new Date((START_SECONDS + Math.ceil(options.rows / options.missions) * STEP_SECONDS) * 1000) });

async function prepareSqlite(options: Options): Promise<{ url: string; largestHost: string }> {
  const { url, largestHost } = await prepareWorldDatabase({ provider: "sqlite", file: path.join(TMP, "bench-as-of.db") }, worldOptions(options));
  return { url, largestHost };
}

async function preparePostgres(options: Options): Promise<{ url: string; largestHost: string }> {
  const { url, largestHost } = await prepareWorldDatabase({ provider: "postgres", adminUrl: options.postgres, database: "chancery_bench_as_of" }, worldOptions(options));
  return { url, largestHost };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function measure(db: Db, scope: AsOfScope, known: Known, options: Options) {
  const { runs } = options;
  const freshness = await loadFreshnessContext(db);
  // Moments spread over the history (its middle to its end), one per run.
  const span = Math.ceil(options.rows / options.missions) * STEP_SECONDS * 1000;
  const times: number[] = [];
  let count = 0;
  for (let run = -2; run < runs; run++) {
    const at = new Date(START_SECONDS * 1000 + span * (0.5 + (0.5 * Math.max(run, 0)) / runs));
    const started = performance.now();
    count = (await loadMissionsAsOf(db, scope, { at, known }, freshness)).length;
    if (run >= 0) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { count, p50: percentile(times, 50), p95: percentile(times, 95) };
}

export async function runAsOfBench(argv: string[] = process.argv.slice(2)) {
  const options = parseOptions(argv);
  const providers = options.db === "both" ? (["sqlite", "postgres"] as const) : ([options.db] as const);
  console.log(`As-of bench: ${options.rows.toLocaleString("en")} history rows over ${options.missions.toLocaleString("en")} missions (largest host ${options.largest}), ${options.runs} runs each, uncached.\n`);
  const lines: string[] = ["database   | table              | known | missions | p50 ms | p95 ms", "-----------|--------------------|-------|----------|--------|-------"];
  for (const provider of providers) {
    const started = performance.now();
    const { url, largestHost } = provider === "sqlite" ? await prepareSqlite(options) : await preparePostgres(options);
    console.log(`${provider}: data generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const db = createDb(url);
    const history = await db.statusChange.count();
    console.log(`${provider}: ${history.toLocaleString("en")} history rows`);
    for (const [label, scope] of [["world", {}], [`largest host (${largestHost})`, { hostCode: largestHost }]] as const) {
      for (const known of ["now", "then"] as const) {
        const result = await measure(db, scope, known, options);
        lines.push(`${provider.padEnd(10)} | ${label.padEnd(18)} | ${known.padEnd(5)} | ${String(result.count).padStart(8)} | ${result.p50.toFixed(1).padStart(6)} | ${result.p95.toFixed(1).padStart(6)}`);
      }
    }
    await db.$disconnect();
  }
  console.log(`\n${lines.join("\n")}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runAsOfBench().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
