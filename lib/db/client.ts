import "server-only";
import { env } from "@/lib/env";
import { createDb, type Db } from "./create";

export type { Db, Tx } from "./create";

// One client per process, surviving Next's dev-mode module reloads; created on first use so
// that importing this module never touches the environment.
const globalForDb = globalThis as unknown as { chanceryDb?: Db };

export function getDb(): Db {
  globalForDb.chanceryDb ??= createDb(env().DATABASE_URL);
  return globalForDb.chanceryDb;
}
