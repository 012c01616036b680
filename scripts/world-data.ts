// World-scale data for benchmarks and trials, the one generator every bench uses
// (`npm run bench -- --world`, `npm run bench -- --as-of`, `npm run world`): the world file
// (9,852 missions, Wikidata export in tests/fixtures) imported as a user would, plus N status
// reports spread over a span of time, skewed so a few missions are very busy (the busiest, at
// 1M rows, has ~47,000). Deterministic for a seed. The reports are written in SQL (INSERT …
// SELECT over a numbers series: ~10 s for 1M on SQLite) rather than through the status commands
// (hours at 1M); each mission's current status is set to its last generated report, so the
// history invariant holds (every report's previous status is the one before it, versions count up).
//
// API: `prepareWorldDatabase(target, options)` makes a fresh database (migrated and seeded as
// `npm run db:setup` does, then the world and its history); `generateWorld(db, options)` adds the
// world to a prepared one. CLI: `npm run world -- --history 1000000 [--years 3] [--seed 1]`
// (DATABASE_URL picks the database).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { parseArgs } from "node:util";
import pg from "pg";
import { createDb, isPostgresClient, type Db } from "@/lib/db/create";
import { backfillRunColumns } from "@/lib/history/run-columns";
import { applyImport } from "@/lib/import/apply";
import { readImportFile } from "@/lib/import/read-upload";

const ROOT = path.resolve(import.meta.dirname, "..");
export const WORLD_FILE = path.join(ROOT, "tests/fixtures/embassies-2022-11-16.csv.gz");
const YEAR_MS = 365 * 24 * 3600 * 1000;

export interface WorldOptions {
  /** Status reports to add (on top of any already there). */
  historyRows: number;
  /** The span of the reports: `start` to `end` (default: the `years` before `end`, which defaults to now). */
  start?: Date;
  end?: Date;
  years?: number;
  seed?: number;
  log?: (line: string) => void;
}

/** What a bench needs to know about the generated world: its biggest pages. */
export interface WorldFacts {
  missions: number;
  historyRows: number;
  /** The host country with the most missions, and its city with the most. */
  largestHost: string;
  largestCity: string;
  /** The sending country with the most missions. */
  largestSender: string;
  /** The mission with the longest history. */
  busiestMission: string;
  /** The event grouping the most reports (from the seed). */
  busiestEvent: string | null;
  milliseconds: number;
}

/** A small seeded PRNG (mulberry32): the same seed gives the same world. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function importWorld(db: Db): Promise<number> {
  const parsed = readImportFile(zlib.gunzipSync(fs.readFileSync(WORLD_FILE)));
  if (!parsed.ok) throw new Error(`The world file does not import: ${parsed.error}`);
  await applyImport(db, { id: null, name: "world-data generator" }, parsed);
  return db.mission.count({ where: { archivedAt: null } });
}

/** Reports per mission: skewed (u³), so the first missions by id get most, like a war zone's. */
function reportCounts(missionIds: number[], historyRows: number, seed: number): Map<number, number> {
  const next = random(seed);
  const counts = new Map<number, number>();
  for (let index = 0; index < historyRows; index++) {
    const id = missionIds[Math.floor(missionIds.length * next() ** 3)];
    if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

const COUNTS_TABLE = "_world_report_counts";
const NUMBERS_TABLE = "_world_numbers";

/**
 * The SQL that writes the reports from the counts table. Report k (1…n) of mission m falls in
 * the k-th of n equal slices of the span (so they are in order); its status steps through
 * open → limited → closed by 1 or 2 (never the same twice running); one in ten was recorded a
 * day late (a back-dated report, for `known=then`).
 */
function historySql(postgres: boolean, startSeconds: number, spanSeconds: number): string[] {
  const status = (k: string) => `CASE ((c."missionId" * 7 + ${k} * (1 + c."missionId" % 2)) % 3) WHEN 0 THEN 'open' WHEN 1 THEN 'limited' ELSE 'closed' END`;
  const seconds = `(${startSeconds} + CAST(${spanSeconds} * ((n.k - 1) + ((c."missionId" * 31 + n.k * 17) % 90) / 100.0) / c.reports AS INTEGER))`;
  const recordedLag = `CASE WHEN (c."missionId" + n.k) % 10 = 0 THEN 86400 ELSE 60 END`;
  const time = (expression: string) => (postgres ? `to_timestamp(${expression}) AT TIME ZONE 'UTC'` : `strftime('%Y-%m-%dT%H:%M:%f+00:00', ${expression}, 'unixepoch')`);
  // One row per report: a lateral series on PostgreSQL; on SQLite a numbers table walked by its
  // key from each mission (a join on `k <= reports` against a CTE would compare every pair).
  const numbers = postgres ? "CROSS JOIN LATERAL generate_series(1, c.reports) AS n(k)" : `CROSS JOIN ${NUMBERS_TABLE} n WHERE n.k <= c.reports`;
  const insert = `INSERT INTO "StatusChange" ("missionId", kind, "previousStatus", "newStatus", reason, "effectiveAt", "recordedAt", "authorName", version)
    SELECT c."missionId", 'change', CASE WHEN n.k = 1 THEN c."baseStatus" ELSE ${status("(n.k - 1)")} END, ${status("n.k")},
      'Generated report ' || (c."baseVersion" + n.k), ${time(seconds)}, ${time(`${seconds} + ${recordedLag}`)}, 'world-data generator', c."baseVersion" + n.k
    FROM ${COUNTS_TABLE} c ${numbers}`;
  // Each mission's current status is its last report's.
  const update = `UPDATE "Mission" SET status = last."newStatus", "statusReason" = last.reason, "statusSince" = last."effectiveAt", "verifiedAt" = last."recordedAt", version = last.version,
      "statusUntil" = NULL, "statusFollows" = NULL, "expectedAfter" = NULL, "sourceUrl" = NULL, "sourceTitle" = NULL
    FROM (SELECT s."missionId", s."newStatus", s.reason, s."effectiveAt", s."recordedAt", s.version FROM "StatusChange" s JOIN ${COUNTS_TABLE} c ON s."missionId" = c."missionId" AND s.version = c."baseVersion" + c.reports) AS last
    WHERE "Mission".id = last."missionId"`;
  const fillNumbers = `INSERT INTO ${NUMBERS_TABLE} (k) WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < (SELECT max(reports) FROM ${COUNTS_TABLE})) SELECT k FROM n`;
  return postgres ? [insert, update] : [`CREATE TABLE ${NUMBERS_TABLE} (k INTEGER PRIMARY KEY)`, fillNumbers, insert, update, `DROP TABLE ${NUMBERS_TABLE}`];
}

/** Adds the world and `historyRows` reports to a migrated database. */
export async function generateWorld(db: Db, options: WorldOptions): Promise<Omit<WorldFacts, "milliseconds"> & { milliseconds: number }> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const postgres = isPostgresClient(db);
  const missions = await importWorld(db);
  log(`world imported: ${missions} missions (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const end = (options.end ?? new Date()).getTime();
  const start = options.start?.getTime() ?? end - (options.years ?? 3) * YEAR_MS;
  const rows = await db.mission.findMany({ where: { archivedAt: null }, select: { id: true, version: true, status: true }, orderBy: { id: "asc" } });
  const counts = reportCounts(rows.map((row) => row.id), options.historyRows, options.seed ?? 1);
  await db.$executeRawUnsafe(`DROP TABLE IF EXISTS ${COUNTS_TABLE}`);
  await db.$executeRawUnsafe(`DROP TABLE IF EXISTS ${NUMBERS_TABLE}`);
  await db.$executeRawUnsafe(`CREATE TABLE ${COUNTS_TABLE} ("missionId" INTEGER PRIMARY KEY, "baseVersion" INTEGER NOT NULL, "baseStatus" TEXT, reports INTEGER NOT NULL)`);
  const withReports = rows.filter((row) => counts.has(row.id));
  for (let index = 0; index < withReports.length; index += 500) {
    const chunk = withReports.slice(index, index + 500);
    const values = chunk.map((row) => `(${row.id}, ${row.version}, ${row.status === null ? "NULL" : `'${row.status.replace(/'/g, "''")}'`}, ${counts.get(row.id)})`).join(", ");
    await db.$executeRawUnsafe(`INSERT INTO ${COUNTS_TABLE} ("missionId", "baseVersion", "baseStatus", reports) VALUES ${values}`);
  }
  for (const statement of historySql(postgres, Math.floor(start / 1000), Math.floor((end - start) / 1000))) {
    await db.$executeRawUnsafe(statement);
    log(`  ${statement.slice(0, 40).replace(/\s+/g, " ")}… (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  await db.$executeRawUnsafe(`DROP TABLE ${COUNTS_TABLE}`);
  // The entries were written in SQL: their run columns (decision 039) as a write would set them.
  await backfillRunColumns(db);
  log(`  run columns filled (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  // PostgreSQL: the backfill's update left a dead version of every history row, and no page is
  // marked all-visible yet, so every "index-only" lookup would read the table too. A live
  // database is in autovacuum's state; VACUUM puts the bench's there (decision 044).
  await db.$executeRawUnsafe(postgres ? "VACUUM ANALYZE" : "ANALYZE");
  log(`history: ${options.historyRows} reports (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return { ...(await worldFacts(db)), milliseconds: Math.round(performance.now() - started) };
}

/** The biggest pages of the world in `db`: what the benches time. */
export async function worldFacts(db: Db): Promise<Omit<WorldFacts, "milliseconds">> {
  const live = { archivedAt: null };
  const [missions, historyRows, hosts, senders, busiest, events] = await Promise.all([
    db.mission.count({ where: live }),
    db.statusChange.count(),
    db.mission.groupBy({ by: ["hostCode"], where: live, _count: { _all: true }, orderBy: [{ _count: { hostCode: "desc" } }, { hostCode: "asc" }], take: 1 }),
    db.mission.groupBy({ by: ["sendingCode"], where: live, _count: { _all: true }, orderBy: [{ _count: { sendingCode: "desc" } }, { sendingCode: "asc" }], take: 1 }),
    db.statusChange.groupBy({ by: ["missionId"], _count: { _all: true }, orderBy: [{ _count: { missionId: "desc" } }, { missionId: "asc" }], take: 1 }),
    db.statusChange.groupBy({ by: ["eventId"], where: { eventId: { not: null } }, _count: { _all: true }, orderBy: [{ _count: { eventId: "desc" } }, { eventId: "asc" }], take: 1 }),
  ]);
  const largestHost = hosts[0]?.hostCode ?? "UA";
  const cities = await db.mission.groupBy({ by: ["city"], where: { ...live, hostCode: largestHost }, _count: { _all: true }, orderBy: [{ _count: { city: "desc" } }, { city: "asc" }], take: 1 });
  const mission = busiest[0] ? await db.mission.findUnique({ where: { id: busiest[0].missionId }, select: { slug: true } }) : null;
  const eventId = events[0]?.eventId;
  const event = eventId ? await db.event.findUnique({ where: { id: eventId }, select: { slug: true } }) : null;
  return {
    missions,
    historyRows,
    largestHost,
    largestCity: cities[0]?.city ?? "",
    largestSender: senders[0]?.sendingCode ?? "US",
    busiestMission: mission?.slug ?? "",
    busiestEvent: event?.slug ?? null,
  };
}

export type WorldTarget = { provider: "sqlite"; file: string } | { provider: "postgres"; adminUrl: string; database: string };

/** A fresh database at `target`: migrated and seeded by `npm run db:setup`, then the world. */
export async function prepareWorldDatabase(target: WorldTarget, options: WorldOptions): Promise<WorldFacts & { url: string }> {
  let url: string;
  if (target.provider === "sqlite") {
    fs.mkdirSync(path.dirname(target.file), { recursive: true });
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(target.file + suffix, { force: true });
    url = `file:${target.file}`;
  } else {
    if (!/^[a-z_][a-z0-9_]*$/.test(target.database)) throw new Error(`Not a plain database name: ${target.database}`);
    const admin = new pg.Client({ connectionString: target.adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${target.database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${target.database}`);
    await admin.end();
    const parsed = new URL(target.adminUrl);
    parsed.pathname = `/${target.database}`;
    url = parsed.toString();
  }
  execFileSync("node_modules/.bin/tsx", ["scripts/db-setup.ts"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, DATABASE_URL: url } });
  const db = createDb(url);
  try {
    return { ...(await generateWorld(db, options)), url };
  } finally {
    await db.$disconnect();
  }
}

async function main() {
  const { values } = parseArgs({ options: { history: { type: "string", default: "0" }, years: { type: "string", default: "3" }, seed: { type: "string", default: "1" } } });
  const { parseEnv } = await import("@/lib/env");
  const db = createDb(parseEnv().DATABASE_URL);
  const result = await generateWorld(db, { historyRows: Number(values.history), years: Number(values.years), seed: Number(values.seed), log: (line) => process.stderr.write(`${line}\n`) });
  console.log(`${result.missions} missions, ${result.historyRows} history rows in all, added in ${result.milliseconds} ms`);
  await db.$disconnect();
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
