import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import path from "node:path";
import fs from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import { serialWriteSqliteAdapter, type SqliteAdapterOptions } from "./sqlite-adapter";

/** "file:./data/x.db" → absolute path (relative to the working directory, as Prisma does). */
export function sqlitePathOf(url: string): string {
  const file = url.replace(/^file:/, "").split("?")[0] ?? "";
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), file);
}

/** For the Prisma CLI (migrations): the plain adapter, one connection. */
export function sqliteMigrationAdapter(url: string) {
  const file = sqlitePathOf(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return new PrismaBetterSQLite3({ url: `file:${file}` });
}

/** For the app: reads beside a serialised writer (lib/db/sqlite-adapter.ts). */
export function sqliteAdapter(url: string, options: SqliteAdapterOptions = {}) {
  const file = sqlitePathOf(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return serialWriteSqliteAdapter(file, options);
}

export function postgresAdapter(url: string, options: { allowExitOnIdle?: boolean; max?: number } = {}) {
  return new PrismaPg({
    connectionString: url,
    // No JIT for this pool's sessions: the planner prices a statement with one index lookup per
    // mission of the world above its JIT threshold, and compiling took seconds for statements
    // that run in tens of milliseconds (decisions 030, 044). No parallel workers either: each is
    // a new backend with cold caches, ~35 ms to start here, for scans of a few ms (decision 057).
    // Set at connection start, so no statement needs a transaction around it.
    options: "-c jit=off -c max_parallel_workers_per_gather=0",
    max: options.max ?? 10,
    // pg closes a connection idle for 10 s by default, so a request after a quiet spell paid a
    // new connection (its start-up and the first statements' planning) on top of its own
    // reads; an as-of page runs two statements side by side and needs two (decision 047).
    idleTimeoutMillis: 5 * 60_000,
    allowExitOnIdle: options.allowExitOnIdle,
  });
}
