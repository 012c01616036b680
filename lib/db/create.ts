import { PrismaClient as SqliteClient } from "@/lib/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgres/client";
import { databaseProviderOf } from "@/lib/env";
import { postgresAdapter, sqliteAdapter } from "./adapters";
import type { SqliteAdapterOptions } from "./sqlite-adapter";
import { storedValues } from "./stored-values";

const withStoredValues = (client: SqliteClient) => client.$extends(storedValues);

/** Both generated clients have identical models; the SQLite one's type stands for both. */
export type Db = ReturnType<typeof withStoredValues>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// Extended clients are not instances of their class: remember which ones talk to PostgreSQL,
// and which URL each was made for (a worker thread opens its own client on the same database).
// Kept on globalThis: the custom server (tsx) and Next's bundle each load their own copy of
// this module, and share one client (lib/db/client.ts).
const registry = globalThis as unknown as { chanceryPostgresClients?: WeakSet<object>; chanceryClientUrls?: WeakMap<object, string> };
const postgresClients = (registry.chanceryPostgresClients ??= new WeakSet<object>());
const urlOfClient = (registry.chanceryClientUrls ??= new WeakMap<object, string>());

/** A Prisma client for the database the URL names (file: → SQLite, postgres:// → PostgreSQL). */
export function createDb(url: string, options: SqliteAdapterOptions = {}): Db {
  const provider = databaseProviderOf(url);
  const db =
    provider === "sqlite"
      ? withStoredValues(new SqliteClient({ adapter: sqliteAdapter(url, options) }))
      : withStoredValues(new PostgresClient({ adapter: postgresAdapter(url) }) as unknown as SqliteClient);
  if (provider !== "sqlite") postgresClients.add(db);
  urlOfClient.set(db, url);
  return db;
}

/** The URL the client was created for. */
export function databaseUrlOf(db: Db): string {
  const url = urlOfClient.get(db);
  if (!url) throw new Error("This database client was not made by createDb");
  return url;
}

/** For the few statements that differ by database (row locks in the job queue). */
export function isPostgresClient(db: Db): boolean {
  return postgresClients.has(db);
}
