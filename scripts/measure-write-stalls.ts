// `npm run measure:stalls`: how long a request waits behind a long write on SQLite. In one
// process, as in the server: a node:http server answering from memory (the stand-in for the
// hot paths' cached answers, which never touch the database) is probed every 10 ms while
//   1. the world file (tests/fixtures, 9,852 rows) is imported as the admin UI does it,
//   2. a bulk event changes 200 missions, then 2,000 missions.
// Prints the longest probe answer (the stall) per phase, and the commit time of each write.
// Not a test: it only prints. Uses a fresh database in tests/.tmp.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { Worker } from "node:worker_threads";
import zlib from "node:zlib";
import Database from "better-sqlite3";
import { createDb, type Db } from "@/lib/db/create";
import { runImport } from "@/lib/import/run";
import { applyBulkEvent } from "@/lib/missions/commands";
import type { SessionUser } from "@/lib/auth/sessions";
import { seedCountries } from "@/prisma/seed";

const ROOT = path.resolve(import.meta.dirname, "..");
const FILE = path.join(ROOT, "tests/.tmp/measure-write-stalls.db");
const WORLD = path.join(ROOT, "tests/fixtures/embassies-2022-11-16.csv.gz");
const PROBE_EVERY_MS = 10;

function freshDatabase(): string {
  fs.mkdirSync(path.dirname(FILE), { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(FILE + suffix, { force: true });
  const sqlite = new Database(FILE);
  sqlite.pragma("journal_mode = WAL");
  const dir = path.join(ROOT, "prisma/sqlite/migrations");
  for (const name of fs.readdirSync(dir).filter((entry) => fs.statSync(path.join(dir, entry)).isDirectory()).sort()) {
    sqlite.exec(fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
  }
  sqlite.close();
  return `file:${FILE}`;
}

/** Answers from memory, like the server's cached hot paths. */
function cachedServer(): Promise<{ url: string; close: () => void }> {
  const body = JSON.stringify({ missions: Array.from({ length: 50 }, (_, id) => ({ id, status: "open" })) });
  const server = http.createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(body));
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}/api/v1/missions`, close: () => server.close() });
    }),
  );
}

// The prober runs in its own thread (its own event loop), as an outside client would: a request
// sent while the server's loop is blocked waits, and that wait is what is measured.
const PROBER = `
const http = require("node:http");
const { parentPort, workerData } = require("node:worker_threads");
const agent = new http.Agent({ keepAlive: true });
let stopped = false, max = 0, count = 0;
parentPort.on("message", () => { stopped = true; });
const once = () => new Promise((resolve, reject) => {
  const started = performance.now();
  http.get(workerData.url, { agent }, (res) => { res.resume(); res.on("end", () => { max = Math.max(max, performance.now() - started); count++; resolve(); }); }).on("error", reject);
});
(async () => {
  while (!stopped) {
    const started = performance.now();
    await once();
    const rest = workerData.every - (performance.now() - started);
    if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
  }
  agent.destroy();
  parentPort.postMessage({ maxMs: max, probes: count });
})();
`;

/** Probes every 10 ms until stopped; the longest answer is the stall. */
function probe(url: string) {
  const worker = new Worker(PROBER, { eval: true, workerData: { url, every: PROBE_EVERY_MS } });
  const result = new Promise<{ maxMs: number; probes: number }>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
  return {
    async stop() {
      worker.postMessage("stop");
      const value = await result;
      await worker.terminate();
      return value;
    },
  };
}

async function measure<T>(label: string, url: string, work: () => Promise<T>): Promise<T> {
  const probing = probe(url);
  await new Promise((resolve) => setTimeout(resolve, 100));
  const started = performance.now();
  const result = await work();
  const took = performance.now() - started;
  const { maxMs, probes } = await probing.stop();
  console.log(`${label.padEnd(34)} write ${String(Math.round(took)).padStart(6)} ms   longest probe ${String(Math.round(maxMs)).padStart(5)} ms (${probes} probes)`);
  return result;
}

async function adminUser(db: Db): Promise<SessionUser> {
  const user = await db.user.create({ data: { email: "measure@example.org", name: "Measure", passwordHash: "x", role: "admin" } });
  return { id: user.id, email: user.email, name: user.name, role: "admin", hostScope: null };
}

async function bulkEvent(db: Db, user: SessionUser, count: number, status: "open" | "closed") {
  const missions = await db.mission.findMany({ take: count, orderBy: { id: "asc" }, select: { id: true, version: true } });
  return applyBulkEvent(db, user, {
    name: `Measure ${count} ${status}`,
    description: null,
    missions: missions.map((mission) => ({ id: mission.id, expectedVersion: mission.version })),
    status,
    reason: "Stall measurement",
    sourceUrl: "https://example.org/measure",
    sourceTitle: null,
    effectiveAt: undefined,
    until: null,
    follows: "previous",
  });
}

async function main() {
  const url = freshDatabase();
  const db = createDb(url);
  const server = await cachedServer();
  try {
    await seedCountries(db);
    const user = await adminUser(db);
    // As the admin route does it: the bytes go to the import worker thread.
    const bytes = zlib.gunzipSync(fs.readFileSync(WORLD));
    await measure("world import (9,852 rows)", server.url, () => runImport({ mode: "apply", actor: { id: user.id, name: user.name }, bytes }, db));
    await measure("bulk event, 200 missions", server.url, () => bulkEvent(db, user, 200, "closed"));
    await measure("bulk event, 200 missions again", server.url, () => bulkEvent(db, user, 200, "open"));
    await measure("bulk event, 2,000 missions", server.url, () => bulkEvent(db, user, 2000, "closed"));
  } finally {
    server.close();
    await db.$disconnect();
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(FILE + suffix, { force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
