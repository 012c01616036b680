// `npm run bench -- --as-of` (or `tsx scripts/bench-as-of.ts`): how fast the table as of a
// moment is built (lib/history/as-of.ts) at world scale, uncached, on SQLite and PostgreSQL.
// Generates its own data: every country hosts missions (the largest host many more), and the
// history is spread over them, in SQL for speed. Not a test: it only prints.
// Each table is measured in the library (loadMissionsAsOf) and over HTTP through the built app
// (scripts/bench-as-of-http.ts: /api/v1/missions?at=…), and so is what changed in a day
// (loadChangesBetween, /api/v1/changes).
// Options: --rows=1000000 --missions=12000 --largest=600 --runs=20 --db=both|sqlite|postgres --http=yes|no
//          --postgres=postgresql://postgres@127.0.0.1:5432/postgres (an admin URL; a bench database is created)
// Env: BENCH_PORT (the app's port for the HTTP runs).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { z } from "zod";
import { createDb, type Db } from "@/lib/db/create";
import { benchEnv } from "@/lib/env";
import { loadMissionsAsOf, type AsOfScope } from "@/lib/history/as-of";
import { loadChangesBetween } from "@/lib/history/changes";
import type { Known } from "@/lib/history/moment";
import { loadFreshnessContext } from "@/lib/status/freshness-policies";
import { startApp, timeGet } from "./bench-as-of-http";
import { seedCountries } from "@/prisma/seed";

const ROOT = path.resolve(import.meta.dirname, "..");
const TMP = path.join(ROOT, "tests/.tmp");

const OptionsSchema = z.object({
  rows: z.coerce.number().int().min(1000).max(20_000_000).default(1_000_000),
  missions: z.coerce.number().int().min(100).max(100_000).default(12_000),
  largest: z.coerce.number().int().min(10).max(10_000).default(600),
  runs: z.coerce.number().int().min(3).max(1000).default(20),
  db: z.enum(["both", "sqlite", "postgres"]).default("both"),
  http: z.enum(["yes", "no"]).default("yes"),
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

function migrations(provider: "sqlite" | "postgres"): string[] {
  const dir = path.join(ROOT, "prisma", provider, "migrations");
  return fs.readdirSync(dir).filter((name) => fs.statSync(path.join(dir, name)).isDirectory()).sort().map((name) => fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
}

/** Missions per host: the first host gets `largest`, the rest share the remainder. */
function missionPlan(hosts: string[], options: Options): Array<{ host: string; count: number }> {
  const [first, ...rest] = hosts;
  const others = Math.max(0, options.missions - options.largest);
  return [{ host: first!, count: options.largest }, ...rest.map((host, index) => ({ host, count: Math.floor(others / rest.length) + (index < others % rest.length ? 1 : 0) }))];
}

const missionsSql = (plan: Array<{ host: string; count: number }>, senders: string[]) =>
  plan.flatMap(({ host, count }) => Array.from({ length: count }, (_, index) => ({ host, sender: senders[index % senders.length]!, slug: `bench-${host}-${index}`.toLowerCase() })));

async function prepareSqlite(options: Options): Promise<{ url: string; largestHost: string }> {
  fs.mkdirSync(TMP, { recursive: true });
  const file = path.join(TMP, "bench-as-of.db");
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  const raw = new Database(file);
  for (const script of migrations("sqlite")) raw.exec(script);
  raw.close();
  const url = `file:${file}`;
  const db = createDb(url);
  await seedCountries(db);
  const codes = (await db.country.findMany({ where: { isIso: true }, select: { code: true }, orderBy: { code: "asc" } })).map((country) => country.code);
  await db.$disconnect();
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  const insertMission = sqlite.prepare(`INSERT INTO "Mission" (slug, sendingCode, hostCode, city, type, timeZone, createdAt, updatedAt) VALUES (?, ?, ?, 'Capital', 'embassy', 'UTC', '2019-01-01T00:00:00.000+00:00', '2019-01-01T00:00:00.000+00:00')`);
  const hosts = ["US", ...codes.filter((code) => code !== "US")];
  sqlite.transaction(() => {
    for (const mission of missionsSql(missionPlan(hosts, options), codes)) insertMission.run(mission.slug, mission.sender, mission.host);
  })();
  const perMission = Math.ceil(options.rows / options.missions);
  // A recursive CTE numbers the entries; statuses and times come from a cheap hash of (mission, n).
  sqlite.exec(`
    WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < ${perMission})
    INSERT INTO "StatusChange" (missionId, kind, previousStatus, newStatus, reason, effectiveAt, recordedAt, authorName, version)
    SELECT m.id, 'change', NULL,
      CASE ((m.id * 7919 + n.k * 104729) % 3) WHEN 0 THEN 'open' WHEN 1 THEN 'limited' ELSE 'closed' END,
      'Bench report',
      strftime('%Y-%m-%dT%H:%M:%f+00:00', ${START_SECONDS} + n.k * ${STEP_SECONDS} + ((m.id * 31 + n.k * 17) % 3600), 'unixepoch'),
      strftime('%Y-%m-%dT%H:%M:%f+00:00', ${START_SECONDS} + n.k * ${STEP_SECONDS} + ((m.id * 31 + n.k * 17) % 3600) + CASE WHEN (m.id + n.k) % 10 = 0 THEN 86400 ELSE 60 END, 'unixepoch'),
      'Bench', n.k
    FROM "Mission" m CROSS JOIN n
    WHERE (m.id - 1) * ${perMission} + n.k <= ${options.rows}`);
  sqlite.exec("ANALYZE");
  sqlite.close();
  return { url, largestHost: "US" };
}

async function preparePostgres(options: Options): Promise<{ url: string; largestHost: string }> {
  const name = "chancery_bench_as_of";
  const admin = new pg.Client({ connectionString: options.postgres });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(options.postgres);
  target.pathname = `/${name}`;
  const url = target.toString();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const script of migrations("postgres")) await client.query(script);
  const db = createDb(url);
  await seedCountries(db);
  const codes = (await db.country.findMany({ where: { isIso: true }, select: { code: true }, orderBy: { code: "asc" } })).map((country) => country.code);
  await db.$disconnect();
  const hosts = ["US", ...codes.filter((code) => code !== "US")];
  const missions = missionsSql(missionPlan(hosts, options), codes);
  for (let index = 0; index < missions.length; index += 1000) {
    const chunk = missions.slice(index, index + 1000);
    const values = chunk.map((_, row) => `($${row * 3 + 1}, $${row * 3 + 2}, $${row * 3 + 3}, 'Capital', 'embassy', 'UTC', '2019-01-01', '2019-01-01')`).join(",");
    await client.query(`INSERT INTO "Mission" (slug, "sendingCode", "hostCode", city, type, "timeZone", "createdAt", "updatedAt") VALUES ${values}`, chunk.flatMap((mission) => [mission.slug, mission.sender, mission.host]));
  }
  const perMission = Math.ceil(options.rows / options.missions);
  await client.query(`
    INSERT INTO "StatusChange" ("missionId", kind, "previousStatus", "newStatus", reason, "effectiveAt", "recordedAt", "authorName", version)
    SELECT m.id, 'change', NULL,
      CASE ((m.id * 7919 + k * 104729) % 3) WHEN 0 THEN 'open' WHEN 1 THEN 'limited' ELSE 'closed' END,
      'Bench report',
      to_timestamp(${START_SECONDS} + k * ${STEP_SECONDS} + ((m.id * 31 + k * 17) % 3600)) AT TIME ZONE 'UTC',
      to_timestamp(${START_SECONDS} + k * ${STEP_SECONDS} + ((m.id * 31 + k * 17) % 3600) + CASE WHEN (m.id + k) % 10 = 0 THEN 86400 ELSE 60 END) AT TIME ZONE 'UTC',
      'Bench', k
    FROM "Mission" m CROSS JOIN generate_series(1, ${perMission}) AS k
    WHERE (m.id - 1) * ${perMission} + k <= ${options.rows}`);
  await client.query("VACUUM ANALYZE");
  await client.end();
  return { url, largestHost: "US" };
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
  targets.push({ label: "world changes, 1 day", known: "now", via: "library", run: async (at) => (await loadChangesBetween(db, { scope: {}, from: new Date(at.getTime() - DAY_MS), to: at, known: "now" }, freshness)).length });
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
  targets.push({
    label: "world changes, 1 day",
    known: "now",
    via: "HTTP",
    run: async (at) => (await timeGet(`${origin}/api/v1/changes?from=${new Date(at.getTime() - DAY_MS).toISOString()}&to=${at.toISOString()}`)).bytes,
  });
  return targets;
}

export async function runAsOfBench(argv: string[] = process.argv.slice(2)) {
  const options = parseOptions(argv);
  const providers = options.db === "both" ? (["sqlite", "postgres"] as const) : ([options.db] as const);
  console.log(`As-of bench: ${options.rows.toLocaleString("en")} history rows over ${options.missions.toLocaleString("en")} missions (largest host ${options.largest}), ${options.runs} runs each, uncached.\n`);
  const lines: string[] = ["database   | via     | what                 | known | rows     | p50 ms | p95 ms", "-----------|---------|----------------------|-------|----------|--------|-------"];
  const line = (provider: string, target: Target, result: { count: number; p50: number; p95: number }, rows: string) =>
    `${provider.padEnd(10)} | ${target.via.padEnd(7)} | ${target.label.padEnd(20)} | ${target.known.padEnd(5)} | ${rows.padStart(8)} | ${result.p50.toFixed(1).padStart(6)} | ${result.p95.toFixed(1).padStart(6)}`;
  // Each line as soon as it is measured, and the whole table again at the end, with the machine's load.
  const report = (text: string) => {
    lines.push(text);
    console.log(text);
  };
  const load = () => os.loadavg().map((value) => value.toFixed(2)).join(", ");
  for (const provider of providers) {
    console.log(`${provider}: load average ${load()}`);
    const started = performance.now();
    const { url, largestHost } = provider === "sqlite" ? await prepareSqlite(options) : await preparePostgres(options);
    console.log(`${provider}: data generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const db = createDb(url);
    const history = await db.statusChange.count();
    console.log(`${provider}: ${history.toLocaleString("en")} history rows`);
    for (const target of await libraryTargets(db, largestHost)) {
      const result = await measure(options, target.run);
      report(line(provider, target, result, target.label.includes("changes") ? `${result.count} diff` : String(result.count)));
    }
    await db.$disconnect();
    if (options.http === "yes") {
      const app = await startApp(url, benchEnv().BENCH_PORT);
      try {
        for (const target of httpTargets(app.origin, largestHost)) {
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
