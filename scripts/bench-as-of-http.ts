// The HTTP half of `npm run bench -- --as-of`: the built app (server.ts, production mode) on
// the bench database, asked for past tables over loopback. Every run asks for another moment,
// so no response cache answers it: each figure is the whole uncached request (parse, replay,
// filter, page, JSON, send). Builds the app first when there is no production build.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");

export interface RunningApp {
  origin: string;
  stop(): Promise<void>;
}

async function waitFor(url: string, child: ChildProcess, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode} before answering`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** Starts the built app on `databaseUrl`; stop() ends it (its own process group: the front and its renderer). */
export async function startApp(databaseUrl: string, port: number): Promise<RunningApp> {
  if (!fs.existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
    console.log("No production build: running `npm run build` first …");
    execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  }
  execFileSync("npm", ["run", "--silent", "build:front"], { cwd: ROOT, stdio: "inherit" });
  const env = { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOSTNAME: "127.0.0.1", NODE_ENV: "production" as const, NEXT_TELEMETRY_DISABLED: "1" };
  const child = spawn(process.execPath, [".next/chancery/server.mjs"], { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"], detached: true });
  const kill = () => {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
  };
  process.on("exit", kill);
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(`${origin}/api/v1/countries`, child);
  return {
    origin,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        kill();
      }),
  };
}

/** Milliseconds until the whole body of a GET has arrived; a non-200 answer is an error. */
export async function timeGet(url: string): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(url);
  const body = await response.arrayBuffer();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${Buffer.from(body).toString("utf8").slice(0, 300)}`);
  return { ms, bytes: body.byteLength };
}
