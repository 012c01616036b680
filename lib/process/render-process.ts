// The serving process's render process (decision 037): started with `child_process.fork`,
// restarted whenever it dies (kill -9 included), stopped with the server. Only one runs at a
// time, so its job worker runs exactly once per instance; it exits by itself when the serving
// process is gone (its IPC channel closes), so a killed server leaves no orphan behind.
import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DataChange } from "@/lib/events/listeners";
import { RENDER_SOCKET_ENV, RenderMessageSchema } from "./render-protocol";

export interface RenderProcessOptions {
  /** The render process's entry file (render-server.ts). */
  entry: string;
  /** Node flags: this process's own (the TypeScript loader) plus the render process's heap limit. */
  execArgv: string[];
  env: NodeJS.ProcessEnv;
  /** A change the render process announced: its own write, or another instance's on PostgreSQL. */
  onChange: (change: DataChange) => void;
  /** A render process died: changes it announced just before may be lost, and so may other instances' while none listens. */
  onRestart: () => void;
  /** Waits before each restart in a row; the last repeats. A process up longer than `steadyMs` resets the row. */
  restartDelaysMs?: number[];
  steadyMs?: number;
  /** How long a request waits for a render process that is (re)starting before it is answered 503. */
  waitMs?: number;
  log?: (line: string) => void;
}

export interface RenderTarget {
  socketPath: string;
}

export interface RenderProcess {
  /** The socket of a ready render process; waits while one starts, rejects after `waitMs`. */
  target(): Promise<RenderTarget>;
  /** The first start, waited for as long as Next takes to prepare; rejects if it exits before. */
  ready: Promise<RenderTarget>;
  pid(): number | undefined;
  /** How many times it was started (1 + restarts). */
  starts(): number;
  stop(): Promise<void>;
}

export class RenderProcessUnavailable extends Error {
  constructor(waitedMs: number) {
    super(`The render process did not become ready within ${waitedMs} ms`);
    this.name = "RenderProcessUnavailable";
  }
}

interface Deferred {
  promise: Promise<RenderTarget>;
  resolve: (target: RenderTarget) => void;
  reject: (error: Error) => void;
}
function deferred(): Deferred {
  let resolve: (target: RenderTarget) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<RenderTarget>((settle, fail) => {
    resolve = settle;
    reject = fail;
  });
  return { promise, resolve, reject };
}

export function startRenderProcess(options: RenderProcessOptions): RenderProcess {
  const { restartDelaysMs = [100, 500, 1000, 2000, 5000], steadyMs = 30_000, waitMs = 10_000, log = (line) => console.error(line) } = options;
  // A private directory (mkdtemp: mode 0700): only this user reaches the socket.
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "chancery-render-"));
  const socketPath = path.join(directory, "render.sock");
  const target: RenderTarget = { socketPath };
  let child: ChildProcess | undefined;
  let readiness = deferred();
  let isReady = false;
  let startCount = 0;
  let everReady = false;
  let failuresInRow = 0;
  let stopping = false;
  let restartTimer: NodeJS.Timeout | undefined;
  const firstReady = readiness.promise;

  const start = () => {
    startCount++;
    const startedAt = Date.now();
    fs.rmSync(socketPath, { force: true });
    const started = fork(options.entry, [], { execArgv: options.execArgv, env: { ...options.env, [RENDER_SOCKET_ENV]: socketPath }, stdio: "inherit" });
    child = started;
    started.on("message", (raw) => {
      const parsed = RenderMessageSchema.safeParse(raw);
      if (!parsed.success) return log(`Ignored a message from the render process: ${JSON.stringify(raw)}`);
      const message = parsed.data;
      if (message.kind === "data-change") return options.onChange(message.change);
      isReady = everReady = true;
      readiness.resolve(target);
    });
    started.on("exit", (code, signal) => {
      if (child === started) child = undefined;
      if (stopping) return;
      // One that never got ready (a database it cannot open, say) would fail again: the start fails, named.
      if (!everReady) {
        fs.rmSync(directory, { recursive: true, force: true });
        return readiness.reject(new Error(`The render process exited before it was ready (${signal ?? `code ${code}`})`));
      }
      failuresInRow = Date.now() - startedAt > steadyMs ? 1 : failuresInRow + 1;
      const delay = restartDelaysMs[Math.min(failuresInRow, restartDelaysMs.length) - 1] ?? 1000;
      log(`The render process ${started.pid} exited (${signal ?? `code ${code}`}); starting another in ${delay} ms`);
      if (isReady) readiness = deferred();
      isReady = false;
      options.onRestart();
      restartTimer = setTimeout(start, delay);
    });
  };
  start();

  return {
    ready: firstReady,
    target() {
      if (isReady) return Promise.resolve(target);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new RenderProcessUnavailable(waitMs)), waitMs);
        void readiness.promise.then((ready) => {
          clearTimeout(timer);
          resolve(ready);
        });
      });
    },
    pid: () => child?.pid,
    starts: () => startCount,
    async stop() {
      stopping = true;
      clearTimeout(restartTimer);
      const running = child;
      if (running && running.exitCode === null && running.signalCode === null) {
        const exited = new Promise((resolve) => running.once("exit", resolve));
        running.kill("SIGTERM");
        const forced = setTimeout(() => running.kill("SIGKILL"), 5000);
        await exited;
        clearTimeout(forced);
      }
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
