import { PrismaClient as SqliteClient } from "@/lib/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgres/client";
import { databaseProviderOf } from "@/lib/env";
import { postgresAdapter, sqliteAdapter } from "./adapters";
import { storedValues } from "./stored-values";

const withStoredValues = (client: SqliteClient) => client.$extends(storedValues);

/** Both generated clients have identical models; the SQLite one's type stands for both. */
export type Db = ReturnType<typeof withStoredValues>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** A Prisma client for the database the URL names (file: → SQLite, postgres:// → PostgreSQL). */
export function createDb(url: string): Db {
  if (databaseProviderOf(url) === "sqlite") return withStoredValues(new SqliteClient({ adapter: sqliteAdapter(url) }));
  return withStoredValues(new PostgresClient({ adapter: postgresAdapter(url) }) as unknown as SqliteClient);
}
