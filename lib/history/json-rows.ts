// A raw statement's rows as one JSON text (json_group_array on SQLite, json_agg on PostgreSQL),
// each row an array in the order of `columns`, instants as epoch milliseconds. At world scale
// the driver's and Prisma's decoding of each row and column, and parsing ISO dates, cost more
// than the statement itself (docs/decisions/030-as-of-at-scale.md).
import { isPostgresClient, type Db } from "@/lib/db/create";
import { Prisma } from "@/lib/generated/sqlite/client";

export interface JsonColumn {
  /** The statement's output column (quoted as is). */
  name: string;
  /** Sent as epoch milliseconds (a number), null stays null. */
  instant?: boolean;
}

export async function queryJsonRows<Row extends unknown[]>(db: Db, statement: Prisma.Sql, columns: readonly JsonColumn[]): Promise<Row[]> {
  const postgres = isPostgresClient(db);
  const epochMs = (column: string) =>
    postgres ? `(extract(epoch FROM t."${column}") * 1000)::bigint` : `CAST(round(unixepoch(t."${column}", 'subsec') * 1000) AS INTEGER)`;
  const list = Prisma.raw(columns.map(({ name, instant }) => (instant ? epochMs(name) : `t."${name}"`)).join(", "));
  const table = postgres
    ? Prisma.sql`SELECT json_agg(json_build_array(${list}))::text AS "rows" FROM (${statement}) t`
    : Prisma.sql`SELECT json_group_array(json_array(${list})) AS "rows" FROM (${statement}) t`;
  // PostgreSQL's JIT (seconds of compiling for these statements) is off for the app's whole pool
  // (lib/db/adapters.ts), so this is one round trip, not a transaction of four (decision 044).
  const [result] = await db.$queryRaw<{ rows: string | null }[]>(table);
  return result?.rows ? (JSON.parse(result.rows) as Row[]) : [];
}
