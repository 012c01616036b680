import path from "node:path";
import fs from "node:fs";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

/** "file:./data/x.db" → absolute path (relative to the working directory, as Prisma does). */
export function sqlitePathOf(url: string): string {
  const file = url.replace(/^file:/, "").split("?")[0] ?? "";
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), file);
}

export function sqliteAdapter(url: string) {
  const file = sqlitePathOf(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return new PrismaBetterSQLite3({ url: `file:${file}` });
}

export function postgresAdapter(url: string, options: { allowExitOnIdle?: boolean; max?: number } = {}) {
  return new PrismaPg({
    connectionString: url,
    max: options.max ?? 10,
    allowExitOnIdle: options.allowExitOnIdle,
  });
}
