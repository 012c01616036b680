// `npm run bench -- --as-of` (or `tsx scripts/bench-as-of.ts`): how fast the table as of a
// moment is built (lib/history/as-of.ts) at world scale, uncached, on SQLite and PostgreSQL.
// Data: the world import and its generated history (scripts/world-data.ts). Not a test: it only prints.
// Each table is measured in the library (loadMissionsAsOf) and over HTTP through the built app
// (scripts/bench-as-of-http.ts: /api/v1/missions?at=…), and so is what changed in a day
// (loadChangesPage, /api/v1/changes: its first page of 100; /api/v1/changes.csv: every one).
// Options: --rows=1000000 --missions=12000 (spreads the history's time span) --runs=20 --db=both|sqlite|postgres --http=yes|no
//          --reuse=yes (measure the previous run's database) --only=all|tables|changes
//          --postgres=postgresql://postgres@127.0.0.1:5432/postgres (an admin URL; a bench database is created)
// Env: BENCH_PORT (the app's port for the HTTP runs).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { createDb, type Db } from "@/lib/db/create";
import { benchEnv } from "@/lib/env";
import { loadMissionsAsOf, type AsOfScope } from "@/lib/history/as-of";
import { loadMissionPageAsOf } from "@/lib/history/as-of-page";
import { loadChangesPage } from "@/lib/history/changes";
import { DEFAULT_PAGE_SIZE } from "@/lib/missions/list-query";
import { parseMissionFiltersLeniently } from "@/lib/missions/filters";
import { CHANGES_PAGE_SIZE } from "@/lib/history/changes-page";
import type { Known } from "@/lib/history/moment";
import { loadFreshnessContext } from "@/lib/status/freshness-policies";
import { startApp, timeGet } from "./bench-as-of-http";
import { prepareWorldDatabase, worldFacts } from "./world-data";

const ROOT = path.resolve(import.meta.dirname, "..");
const TMP = path.join(ROOT, "tests/.tmp");

const OptionsSchema = z.object({
  rows: z.coerce.number().int().min(1000).max(20_000_000).default(1_000_000),
  missions: z.coerce.number().int().min(100).max(100_000).default(12_000),
  runs: z.coerce.number().int().min(3).max(1000).default(20),
  db: z.enum(["both", "sqlite", "postgres"]).default("both"),
  http: z.enum(["yes", "no"]).default("yes"),
  postgres: z.string().default("postgresql://postgres@127.0.0.1:5432/postgres"),
  // yes: measure the database a previous run generated, when it holds the rows asked for (a quicker loop while iterating).
  reuse: z.enum(["yes", "no"]).default("no"),
  only: z.enum(["all", "tables", "changes"]).default("all"),
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

const SQLITE_FILE = path.join(TMP, "bench-as-of.db");
// Prefixed as the tests' databases are (TEST_DB_PREFIX): sessions sharing one server must not drop each other's.
const POSTGRES_DATABASE = `${benchEnv().TEST_DB_PREFIX}bench_as_of`;

function benchUrl(provider: "sqlite" | "postgres", options: Options): string {
  if (provider === "sqlite") return `file:${SQLITE_FILE}`;
  const parsed = new URL(options.postgres);
  parsed.pathname = `/${POSTGRES_DATABASE}`;
  return parsed.toString();
}

/** A previous run's database, when `--reuse=yes` and it holds at least the rows asked for. */
async function reusable(provider: "sqlite" | "postgres", options: Options): Promise<{ url: string; largestHost: string } | null> {
  if (options.reuse !== "yes" || (provider === "sqlite" && !fs.existsSync(SQLITE_FILE))) return null;
  const url = benchUrl(provider, options);
  const db = createDb(url);
  try {
    if ((await db.statusChange.count()) < options.rows) return null;
    return { url, largestHost: (await worldFacts(db)).largestHost };
  } catch {
    return null;
  } finally {
    await db.$disconnect();
  }
}

async function prepare(provider: "sqlite" | "postgres", options: Options): Promise<{ url: string; largestHost: string }> {
  const reused = await reusable(provider, options);
  if (reused) return reused;
  const target = provider === "sqlite" ? ({ provider, file: SQLITE_FILE } as const) : ({ provider, adminUrl: options.postgres, database: POSTGRES_DATABASE } as const);
  const { url, largestHost } = await prepareWorldDatabase(target, worldOptions(options));
  return { url, largestHost };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

const DAY_MS = 24 * 3600 * 1000;

/** p50/p95 of `run` over moments spread over the history (its middle to its end), one per run, after two warm-ups. */
async function measure(options: Options, run: (at: Date) => Promise<number>) {
  const { runs } = options;
  const span = Math.ceil(options.rows / options.missions) * STEP_SECONDS * 1000;
  const times: number[] = [];
  let count = 0;
  for (let index = -2; index < runs; index++) {
    const at = new Date(START_SECONDS * 1000 + span * (0.5 + (0.5 * Math.max(index, 0)) / runs));
    const started = performance.now();
    count = await run(at);
    if (index >= 0) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { count, p50: percentile(times, 50), p95: percentile(times, 95) };
}

interface Target {
  label: string;
  known: Known;
  via: "library" | "HTTP";
  run: (at: Date) => Promise<number>;
}

/** The library's side: both tables in both modes, and a day's changes in the world. */
async function libraryTargets(db: Db, largestHost: string): Promise<Target[]> {
  const freshness = await loadFreshnessContext(db);
  const tables = [["world", {}], [`largest host (${largestHost})`, { hostCode: largestHost }]] as const;
  const targets: Target[] = tables.flatMap(([label, scope]: readonly [string, AsOfScope]) =>
    (["now", "then"] as const).map((known) => ({ label, known, via: "library" as const, run: async (at: Date) => (await loadMissionsAsOf(db, scope, { at, known }, freshness)).length })),
  );
  // What the API answers: the first page of 100 of the world's table (lib/history/as-of-page.ts).
  const filters = parseMissionFiltersLeniently({});
  targets.push(
    ...(["now", "then"] as const).map((known) => ({
      label: "world, page of 100",
      known,
      via: "library" as const,
      run: async (at: Date) => (await loadMissionPageAsOf(db, { at, known }, { filters, limit: DEFAULT_PAGE_SIZE, after: null }, freshness)).matching,
    })),
  );
  targets.push({
    label: "world changes, 1 day",
    known: "now",
    via: "library",
    run: async (at) => (await loadChangesPage(db, { scope: {}, from: new Date(at.getTime() - DAY_MS), to: at, known: "now" }, { after: null, limit: CHANGES_PAGE_SIZE }, freshness)).matching,
  });
  return targets;
}

/** The same over HTTP: the API list's first page (of the whole table, filtered and sorted) and /api/v1/changes. */
function httpTargets(origin: string, largestHost: string): Target[] {
  const list = (at: Date, known: Known, host?: string) =>
    `${origin}/api/v1/missions?${new URLSearchParams({ at: at.toISOString(), ...(known === "then" ? { known } : {}), ...(host ? { host } : {}) }).toString()}`;
  const tables = [["world", undefined], [`largest host (${largestHost})`, largestHost]] as const;
  const targets: Target[] = tables.flatMap(([label, host]) =>
    (["now", "then"] as const).map((known) => ({
      label,
      known,
      via: "HTTP" as const,
      run: async (at: Date) => (await timeGet(list(at, known, host))).bytes,
    })),
  );
  const day = (at: Date) => `from=${new Date(at.getTime() - DAY_MS).toISOString()}&to=${at.toISOString()}`;
  targets.push({ label: "world changes, 1 day", known: "now", via: "HTTP", run: async (at) => (await timeGet(`${origin}/api/v1/changes?${day(at)}`)).bytes });
  targets.push({ label: "world changes CSV", known: "now", via: "HTTP", run: async (at) => (await timeGet(`${origin}/api/v1/changes.csv?${day(at)}`)).bytes });
  return targets;
}

export async function runAsOfBench(argv: string[] = process.argv.slice(2)) {
  const options = parseOptions(argv);
  const providers = options.db === "both" ? (["sqlite", "postgres"] as const) : ([options.db] as const);
  console.log(`As-of bench: ${options.rows.toLocaleString("en")} history rows over the world import (scripts/world-data.ts), ${options.runs} runs each, uncached.\n`);
  const lines: string[] = ["database   | via     | what                   | known | rows     | p50 ms | p95 ms", "-----------|---------|------------------------|-------|----------|--------|-------"];
  const line = (provider: string, target: Target, result: { count: number; p50: number; p95: number }, rows: string) =>
    `${provider.padEnd(10)} | ${target.via.padEnd(7)} | ${target.label.padEnd(22)} | ${target.known.padEnd(5)} | ${rows.padStart(8)} | ${result.p50.toFixed(1).padStart(6)} | ${result.p95.toFixed(1).padStart(6)}`;
  // Each line as soon as it is measured, and the whole table again at the end, with the machine's load.
  const report = (text: string) => {
    lines.push(text);
    console.log(text);
  };
  const load = () => os.loadavg().map((value) => value.toFixed(2)).join(", ");
  for (const provider of providers) {
    console.log(`${provider}: load average ${load()}`);
    const started = performance.now();
    const { url, largestHost } = await prepare(provider, options);
    console.log(`${provider}: data generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const db = createDb(url);
    const history = await db.statusChange.count();
    console.log(`${provider}: ${history.toLocaleString("en")} history rows`);
    const wanted = (target: Target) => options.only === "all" || (options.only === "changes") === target.label.includes("changes");
    for (const target of (await libraryTargets(db, largestHost)).filter(wanted)) {
      const result = await measure(options, target.run);
      report(line(provider, target, result, target.label.includes("changes") ? `${result.count} diff` : String(result.count)));
    }
    await db.$disconnect();
    if (options.http === "yes") {
      const app = await startApp(url, benchEnv().BENCH_PORT);
      try {
        for (const target of httpTargets(app.origin, largestHost).filter(wanted)) {
          const result = await measure(options, target.run);
          report(line(provider, target, result, `${Math.round(result.count / 1024)} KB`));
        }
      } finally {
        await app.stop();
      }
    }
  }
  console.log(`\n${lines.join("\n")}\n\nload average at the end: ${load()}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runAsOfBench().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
