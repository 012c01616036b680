// `npm run bench`: requests/s and p99 of the hot paths (API list, embed) and the dashboard page
// on the seeded data, each next to a plain node:http server returning the same bytes in the
// same run. Not a test: it only prints. Bounded: ~(BENCH_SECONDS + 1) × 6 runs.
// Env: BENCH_SECONDS (default 6), BENCH_CONNECTIONS (50), BENCH_PORT (3210; the plain server uses +1).
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { benchEnv } from "@/lib/env";
import { ensureBuild, hotPathRatios, HOT_PATH_HEADER, HOT_TARGETS, printTable, ROOT, startApp, stopAll, TMP } from "./bench-support";

const { BENCH_SECONDS: SECONDS, BENCH_CONNECTIONS: CONNECTIONS, BENCH_PORT: APP_PORT } = benchEnv();
const DATABASE_URL = `file:${path.join(TMP, "bench.db")}`;

async function main() {
  ensureBuild();
  fs.mkdirSync(TMP, { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(path.join(TMP, "bench.db") + suffix, { force: true });
  execFileSync("node_modules/.bin/tsx", ["scripts/db-setup.ts"], { cwd: ROOT, stdio: "ignore", env: { ...process.env, DATABASE_URL } });
  const { url: app } = await startApp(DATABASE_URL, APP_PORT);
  console.log(`Benchmark: ${CONNECTIONS} connections, ${SECONDS} s per run (after 1 s warm-up), app and plain node:http in separate processes, autocannon here.\n`);
  printTable(HOT_PATH_HEADER, await hotPathRatios(app, APP_PORT + 1, HOT_TARGETS, SECONDS, CONNECTIONS));
}

// `npm run bench -- --as-of`: the table as of a moment at world scale instead (scripts/bench-as-of.ts);
// `npm run bench -- --world`: cold paths, made-up URLs and hot paths at world scale (scripts/bench-world.ts).
const run = process.argv.includes("--as-of")
  ? () => import("./bench-as-of").then(({ runAsOfBench }) => runAsOfBench())
  : process.argv.includes("--world")
    ? () => import("./bench-world").then(({ runWorldBench }) => runWorldBench())
    : main;
run()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    stopAll();
    process.exit();
  });
