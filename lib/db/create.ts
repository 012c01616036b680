import { PrismaClient as SqliteClient, type Prisma } from "@/lib/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgres/client";
import { databaseProviderOf } from "@/lib/env";
import { postgresAdapter, sqliteAdapter } from "./adapters";

/** Both generated clients have identical models; the SQLite one's type stands for both. */
export type Db = SqliteClient;
export type Tx = Prisma.TransactionClient;

/** A Prisma client for the database the URL names (file: → SQLite, postgres:// → PostgreSQL). */
export function createDb(url: string): Db {
  if (databaseProviderOf(url) === "sqlite") return new SqliteClient({ adapter: sqliteAdapter(url) });
  return new PostgresClient({ adapter: postgresAdapter(url) }) as unknown as Db;
}

/** For the few statements that differ by database (row locks in the job queue). */
export function isPostgresClient(db: Db): boolean {
  return (db as unknown) instanceof PostgresClient;
}
