// World-scale data for benchmarks and trials: the world file (9,852 missions, Wikidata export
// in tests/fixtures) imported as a user would, plus N status reports spread over the last
// `years`, skewed so a few missions are very busy. Deterministic for a seed. The API is
// `generateWorld(db, options)`; the CLI: `npm run world -- --history 1000000 [--years 3]`
// (DATABASE_URL picks the database). Reports are written in batches outside the status
// commands (they would take hours at 1M); each mission's current status is set to its last
// generated report, so the history invariant holds.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { parseArgs } from "node:util";
import type { Db } from "@/lib/db/create";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { applyImport } from "@/lib/import/apply";
import { readImportFile } from "@/lib/import/read-upload";

export const WORLD_FILE = path.resolve(import.meta.dirname, "../tests/fixtures/embassies-2022-11-16.csv.gz");
const STATUSES = ["open", "limited", "closed"] as const;
const BATCH = 5000;

export interface WorldOptions {
  /** Status reports to add (on top of any already there). */
  historyRows: number;
  years?: number;
  /** The latest possible report time (default now). */
  end?: Date;
  seed?: number;
  log?: (line: string) => void;
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

export async function generateWorld(db: Db, options: WorldOptions): Promise<{ missions: number; historyRows: number; milliseconds: number }> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const missions = await importWorld(db);
  log(`world imported: ${missions} missions`);
  const next = random(options.seed ?? 1);
  const end = (options.end ?? new Date()).getTime();
  const span = (options.years ?? 3) * 365 * 24 * 3600 * 1000;
  const rows = await db.mission.findMany({ where: { archivedAt: null }, select: { id: true, version: true, status: true }, orderBy: { id: "asc" } });
  // Skewed: the first missions (in a shuffled order) get most reports, like a war zone's.
  const counts = new Map<number, number>();
  for (let index = 0; index < options.historyRows; index++) {
    const mission = rows[Math.floor(rows.length * next() ** 3)];
    if (mission) counts.set(mission.id, (counts.get(mission.id) ?? 0) + 1);
  }
  let written = 0;
  let batch: Prisma.StatusChangeCreateManyInput[] = [];
  const flush = async () => {
    if (!batch.length) return;
    await db.statusChange.createMany({ data: batch });
    written += batch.length;
    batch = [];
    log(`history: ${written}/${options.historyRows}`);
  };
  for (const mission of rows) {
    const count = counts.get(mission.id) ?? 0;
    if (!count) continue;
    const times = Array.from({ length: count }, () => end - Math.floor(next() * span)).sort((a, b) => a - b);
    let previous: string | null = mission.status;
    let version = mission.version;
    for (const time of times) {
      const status: string = STATUSES[Math.floor(next() * STATUSES.length)] ?? "open";
      version++;
      batch.push({ missionId: mission.id, kind: "change", previousStatus: previous, newStatus: status, reason: `Generated report ${version}`, effectiveAt: new Date(time), recordedAt: new Date(time + 60_000), authorName: "world-data generator", version });
      previous = status;
      if (batch.length >= BATCH) await flush();
    }
    const last = times.at(-1) ?? end;
    await flush();
    await db.mission.update({ where: { id: mission.id }, data: { status: previous, statusSince: new Date(last), verifiedAt: new Date(last + 60_000), version, statusReason: `Generated report ${version}` } });
  }
  await flush();
  return { missions, historyRows: written, milliseconds: Math.round(performance.now() - started) };
}

async function main() {
  const { values } = parseArgs({ options: { history: { type: "string", default: "0" }, years: { type: "string", default: "3" }, seed: { type: "string", default: "1" } } });
  const { createDb } = await import("@/lib/db/create");
  const { parseEnv } = await import("@/lib/env");
  const db = createDb(parseEnv().DATABASE_URL);
  const result = await generateWorld(db, { historyRows: Number(values.history), years: Number(values.years), seed: Number(values.seed), log: (line) => process.stderr.write(`${line}\n`) });
  console.log(`${result.missions} missions, ${result.historyRows} history rows added in ${result.milliseconds} ms`);
  await db.$disconnect();
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
