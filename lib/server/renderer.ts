// The front's renderer child (decision 050): started with a bounded heap and a lower priority,
// restarted when it dies (the front then drops its cache: it missed the child's invalidations
// meanwhile), and given up on after MAX_DEATHS deaths within DEATH_WINDOW_MS (the front exits
// non-zero, for the supervisor to see). It listens on a Unix socket in a private temp directory.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { DataChange } from "@/lib/events/data-changed";
import { RendererMessageSchema } from "./renderer-protocol";

export const MAX_DEATHS = 5;
export const DEATH_WINDOW_MS = 60_000;
export const RENDERER_PRIORITY = 10;
const STOP_GRACE_MS = 10_000;

export interface RendererOptions {
  /** The program and its arguments; the socket's path is appended as `--socket <path>`. */
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  onInvalidate: (change: DataChange) => void;
  /** A new child replaces one that died: whatever the front cached may be stale. */
  onRestart: () => void;
  /** Too many deaths: the front stops. */
  onGiveUp: () => void;
  now?: () => number;
  /** Where a death is reported (the front's stderr). */
  log?: (line: string) => void;
  maxDeaths?: number;
  deathWindowMs?: number;
}

/** The program that runs server-renderer.ts: TypeScript through tsx, heap bounded, little young space. */
export function rendererCommand(root: string, heapMegabytes: number): { command: string; args: string[] } {
  return { command: process.execPath, args: [`--max-old-space-size=${heapMegabytes}`, "--max-semi-space-size=4", "--import", "tsx", path.join(root, "server-renderer.ts")] };
}

function deferred() {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((settle) => (resolve = settle));
  return { promise, resolve, settled: false };
}

export class RendererProcess {
  readonly agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  private child: ChildProcess | undefined;
  private ready = deferred();
  private deaths: number[] = [];
  private stopping = false;
  private readonly now: () => number;

  private constructor(
    private readonly options: RendererOptions,
    private readonly directory: string,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Makes the private directory (0700, fs.mkdtemp) and starts the child. */
  static async start(options: RendererOptions): Promise<RendererProcess> {
    const directory = await fs.promises.mkdtemp(path.join(os.tmpdir(), "chancery-renderer-"));
    const renderer = new RendererProcess(options, directory);
    renderer.spawn();
    return renderer;
  }

  get socketPath(): string {
    return path.join(this.directory, "renderer.sock");
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Resolves once the current child listens (at once when it already does). */
  whenReady(): Promise<void> {
    return this.ready.promise;
  }

  private spawn() {
    const { command, args, cwd, env } = this.options;
    // A child that died before it was ready leaves its waiters to the next one.
    if (this.ready.settled) this.ready = deferred();
    const child = spawn(command, [...args, "--socket", this.socketPath], { cwd, env: { ...env, MALLOC_ARENA_MAX: "2" }, stdio: ["ignore", "inherit", "inherit", "ipc"] });
    this.child = child;
    if (child.pid) {
      try {
        os.setPriority(child.pid, RENDERER_PRIORITY);
      } catch {
        // Not allowed here (some containers): the child still works, at the front's priority.
      }
    }
    child.on("message", (raw) => {
      const parsed = RendererMessageSchema.safeParse(raw);
      if (!parsed.success) return console.error("The renderer sent a message the front does not know:", raw);
      if (parsed.data.type === "ready") {
        this.ready.settled = true;
        this.ready.resolve();
      } else {
        this.options.onInvalidate(parsed.data.change);
      }
    });
    child.on("exit", (code, signal) => this.died(child, code, signal));
  }

  private died(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null) {
    if (child !== this.child || this.stopping) return;
    const now = this.now();
    this.deaths = [...this.deaths.filter((at) => now - at < (this.options.deathWindowMs ?? DEATH_WINDOW_MS)), now];
    (this.options.log ?? console.error)(`The renderer process exited (${signal ?? `code ${code}`}); ${this.deaths.length} death(s) within the last minute`);
    if (this.deaths.length >= (this.options.maxDeaths ?? MAX_DEATHS)) {
      this.stopping = true;
      this.agent.destroy();
      void fs.promises.rm(this.directory, { recursive: true, force: true }).finally(() => this.options.onGiveUp());
      return;
    }
    // Sockets to the dead child are useless; new ones go to its successor.
    this.agent.destroy();
    this.options.onRestart();
    this.spawn();
  }

  /** Stops the child (SIGTERM, then SIGKILL after a grace period) and removes the socket's directory. */
  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    }
    this.agent.destroy();
    await fs.promises.rm(this.directory, { recursive: true, force: true });
  }
}
