// `npm run bench`: requests/s and p99 of the hot paths (API list, embed) and the dashboard page
// on the seeded data, each next to a plain node:http server returning the same bytes in the
// same run. Not a test: it only prints. Bounded: ~(BENCH_SECONDS + 1) × 6 runs.
// Env: BENCH_SECONDS (default 6), BENCH_CONNECTIONS (50), BENCH_PORT (3210; the plain server uses +1).
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
// autocannon ships no types; the part used here is small.
// @ts-expect-error -- untyped CommonJS module
import autocannon from "autocannon";
import { benchEnv } from "@/lib/env";

interface CannonResult {
  requests: { average: number; total: number };
  latency: { p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

const { BENCH_SECONDS: SECONDS, BENCH_CONNECTIONS: CONNECTIONS, BENCH_PORT: APP_PORT } = benchEnv();
const PLAIN_PORT = APP_PORT + 1;
const ROOT = path.resolve(import.meta.dirname, "..");
const TMP = path.join(ROOT, "tests/.tmp");
const DATABASE_URL = `file:${path.join(TMP, "bench.db")}`;

const TARGETS = [
  { name: "API list (/api/v1/missions?host=UA)", path: "/api/v1/missions?host=UA", goal: 0.7 },
  { name: "Embed (/embed?host=UA&city=Kyiv)", path: "/embed?host=UA&city=Kyiv", goal: 0.7 },
  { name: "Dashboard page (/countries/UA?city=Kyiv)", path: "/countries/UA?city=Kyiv", goal: 0.3 },
];

const children: ChildProcess[] = [];
function start(command: string, args: string[], env: Record<string, string>): ChildProcess {
  // Own process group, so stopping it also stops tsx's child.
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"], detached: true });
  children.push(child);
  return child;
}
function stopAll() {
  for (const child of children) {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
  }
}
process.on("exit", stopAll);
process.on("SIGINT", () => process.exit(130));

async function waitFor(url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

function cannon(url: string, seconds: number): Promise<CannonResult> {
  return autocannon({ url, connections: CONNECTIONS, duration: seconds, pipelining: 1 });
}

const PLAIN_SERVER = `
const http = require("node:http"); const fs = require("node:fs");
const { status, headers, body } = JSON.parse(fs.readFileSync(process.env.BENCH_FILE, "utf8"));
const bytes = Buffer.from(body, "base64");
http.createServer((req, res) => { res.writeHead(status, { ...headers, "Content-Length": bytes.length }); res.end(bytes); })
  .listen(Number(process.env.PORT), "127.0.0.1");
`;

async function main() {
  if (!fs.existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
    console.log("No production build: running `npm run build` first …");
    execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  }
  fs.mkdirSync(TMP, { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(path.join(TMP, "bench.db") + suffix, { force: true });
  execFileSync("node_modules/.bin/tsx", ["scripts/db-setup.ts"], { cwd: ROOT, stdio: "ignore", env: { ...process.env, DATABASE_URL } });

  start("node_modules/.bin/tsx", ["server.ts"], { DATABASE_URL, PORT: String(APP_PORT), HOSTNAME: "127.0.0.1", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });
  const app = `http://127.0.0.1:${APP_PORT}`;
  await waitFor(`${app}/api/v1/countries`);
  console.log(`Benchmark: ${CONNECTIONS} connections, ${SECONDS} s per run (after 1 s warm-up), app and plain node:http in separate processes, autocannon here.\n`);

  const rows: string[][] = [];
  for (const target of TARGETS) {
    const response = await fetch(app + target.path);
    const body = Buffer.from(await response.arrayBuffer());
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (!["date", "connection", "keep-alive", "content-length", "transfer-encoding", "content-encoding"].includes(name)) headers[name] = value;
    });
    const file = path.join(TMP, "bench-response.json");
    fs.writeFileSync(file, JSON.stringify({ status: response.status, headers, body: body.toString("base64") }));
    const plainProcess = start(process.execPath, ["-e", PLAIN_SERVER], { BENCH_FILE: file, PORT: String(PLAIN_PORT) });
    const plain = `http://127.0.0.1:${PLAIN_PORT}`;
    await waitFor(`${plain}/`);

    await cannon(app + target.path, 1);
    const appResult = await cannon(app + target.path, SECONDS);
    await cannon(plain + target.path, 1);
    const plainResult = await cannon(plain + target.path, SECONDS);
    process.kill(-(plainProcess.pid ?? 0), "SIGTERM");
    await new Promise((resolve) => plainProcess.once("exit", resolve));

    const ratio = appResult.requests.average / plainResult.requests.average;
    const failures = appResult.non2xx + appResult.errors + appResult.timeouts;
    rows.push([
      target.name,
      `${(body.length / 1024).toFixed(1)} KB`,
      appResult.requests.average.toFixed(0),
      `${appResult.latency.p99} ms`,
      plainResult.requests.average.toFixed(0),
      `${plainResult.latency.p99} ms`,
      ratio.toFixed(2),
      `${ratio >= target.goal ? "meets" : "below"} ≥ ${target.goal}${target.goal === 0.7 ? `, p99 ${appResult.latency.p99 <= 25 ? "≤" : ">"} 25 ms` : ""}`,
      String(failures),
    ]);
  }

  const header = ["target", "body", "app req/s", "app p99", "plain req/s", "plain p99", "ratio", "goal", "errors"];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ");
  console.log(line(header));
  console.log(widths.map((width) => "-".repeat(width)).join("-|-"));
  for (const row of rows) console.log(line(row));
}

// `npm run bench -- --as-of`: the table as of a moment at world scale instead (scripts/bench-as-of.ts).
(process.argv.includes("--as-of") ? import("./bench-as-of").then(({ runAsOfBench }) => runAsOfBench()) : main())
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    stopAll();
    process.exit();
  });
