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

// Extended clients are not instances of their class: remember which ones talk to PostgreSQL.
const postgresClients = new WeakSet<object>();

/** A Prisma client for the database the URL names (file: → SQLite, postgres:// → PostgreSQL). */
export function createDb(url: string, options: SqliteAdapterOptions = {}): Db {
  if (databaseProviderOf(url) === "sqlite") return withStoredValues(new SqliteClient({ adapter: sqliteAdapter(url, options) }));
  const db = withStoredValues(new PostgresClient({ adapter: postgresAdapter(url) }) as unknown as SqliteClient);
  postgresClients.add(db);
  return db;
}

/** For the few statements that differ by database (row locks in the job queue). */
export function isPostgresClient(db: Db): boolean {
  return postgresClients.has(db);
}
