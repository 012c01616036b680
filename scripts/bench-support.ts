// What `npm run bench` and `npm run bench -- --world` share: starting the built app and a plain
// node:http server, autocannon runs, the hot-path ratio table, percentiles and table printing.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
// autocannon ships no types; the part used here is small.
// @ts-expect-error -- untyped CommonJS module
import autocannon from "autocannon";

export interface CannonResult {
  requests: { average: number; total: number };
  latency: { p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

export const ROOT = path.resolve(import.meta.dirname, "..");
export const TMP = path.join(ROOT, "tests/.tmp");
/** Hot paths keep at least this share of plain node:http's requests/s (issue 8's goal). */
export const HOT_PATH_GOAL = 0.9;

const children: ChildProcess[] = [];
export function start(command: string, args: string[], env: Record<string, string>): ChildProcess {
  // Own process group, so stopping it also stops any child it starts.
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"], detached: true });
  children.push(child);
  return child;
}

export async function stop(child: ChildProcess) {
  if (!child.pid || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, "SIGTERM");
  await exited;
}

export function stopAll() {
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

export async function waitFor(url: string, timeoutMs = 120_000) {
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

/** The front process's bundle (scripts/build-front.ts), what `npm run serve` runs. */
export const FRONT_BUNDLE = ".next/chancery/server.mjs";

/** Builds as `npm start` does (Next when a source is newer than its build, the front always): a bench never measures stale code. */
export function ensureBuild() {
  execFileSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/build-if-stale.ts")], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
}

/**
 * The built app on `port` for `databaseUrl`, as `npm run serve` runs it: the bundled front on
 * plain node, which starts the renderer child (residentMegabytes counts both).
 */
export async function startApp(databaseUrl: string, port: number, extraEnv: Record<string, string> = {}): Promise<{ url: string; process: ChildProcess }> {
  const child = start(process.execPath, [FRONT_BUNDLE], { DATABASE_URL: databaseUrl, PORT: String(port), HOSTNAME: "127.0.0.1", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...extraEnv });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/api/v1/countries`);
  return { url, process: child };
}

/** Resident memory of a process and its descendants, in MB (Linux /proc). */
export function residentMegabytes(pid: number): number {
  const parents = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // exited meanwhile
    }
  }
  const tree = [pid];
  for (let index = 0; index < tree.length; index++) for (const [child, parent] of parents) if (parent === tree[index]) tree.push(child);
  let kilobytes = 0;
  for (const member of tree) {
    try {
      kilobytes += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${member}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // exited meanwhile
    }
  }
  return kilobytes / 1024;
}

export function cannon(url: string, seconds: number, connections: number): Promise<CannonResult> {
  return autocannon({ url, connections, duration: seconds, pipelining: 1 });
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;

export function printTable(header: string[], rows: string[][]) {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ");
  console.log(line(header));
  console.log(widths.map((width) => "-".repeat(width)).join("-|-"));
  for (const row of rows) console.log(line(row));
  console.log("");
}

const PLAIN_SERVER = `
const http = require("node:http"); const fs = require("node:fs");
const { status, headers, body } = JSON.parse(fs.readFileSync(process.env.BENCH_FILE, "utf8"));
const bytes = Buffer.from(body, "base64");
http.createServer((req, res) => { res.writeHead(status, { ...headers, "Content-Length": bytes.length }); res.end(bytes); })
  .listen(Number(process.env.PORT), "127.0.0.1");
`;

export interface HotTarget {
  name: string;
  path: string;
}

/** The paths readers hit hardest: answered from memory before Next's pipeline. */
export const HOT_TARGETS: HotTarget[] = [
  { name: "API list (/api/v1/missions?host=UA)", path: "/api/v1/missions?host=UA" },
  { name: "Embed (/embed?host=UA&city=Kyiv)", path: "/embed?host=UA&city=Kyiv" },
  { name: "Dashboard page (/countries/UA?city=Kyiv)", path: "/countries/UA?city=Kyiv" },
];

/** Each hot path's req/s and p99 beside a plain node:http server returning the same bytes, in the same run. */
export async function hotPathRatios(app: string, plainPort: number, targets: HotTarget[], seconds: number, connections: number): Promise<string[][]> {
  const rows: string[][] = [];
  for (const target of targets) {
    const response = await fetch(app + target.path);
    const body = Buffer.from(await response.arrayBuffer());
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (!["date", "connection", "keep-alive", "content-length", "transfer-encoding", "content-encoding"].includes(name)) headers[name] = value;
    });
    const file = path.join(TMP, "bench-response.json");
    fs.writeFileSync(file, JSON.stringify({ status: response.status, headers, body: body.toString("base64") }));
    const plainProcess = start(process.execPath, ["-e", PLAIN_SERVER], { BENCH_FILE: file, PORT: String(plainPort) });
    const plain = `http://127.0.0.1:${plainPort}`;
    await waitFor(`${plain}/`);

    await cannon(app + target.path, 1, connections);
    const appResult = await cannon(app + target.path, seconds, connections);
    await cannon(plain + target.path, 1, connections);
    const plainResult = await cannon(plain + target.path, seconds, connections);
    await stop(plainProcess);

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
      `${ratio >= HOT_PATH_GOAL ? "pass" : "FAIL"} (≥ ${HOT_PATH_GOAL})`,
      String(failures),
    ]);
  }
  return rows;
}

export const HOT_PATH_HEADER = ["hot path", "body", "app req/s", "app p99", "plain req/s", "plain p99", "ratio", "goal", "errors"];
