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
  // PostgreSQL's planner prices one lookup per mission of the world above its JIT threshold,
  // and compiling took seconds for a statement that runs in milliseconds: off for it.
  const [result] = postgres
    ? (await db.$transaction([db.$executeRaw`SET LOCAL jit = off`, db.$queryRaw<{ rows: string | null }[]>(table)]))[1]
    : await db.$queryRaw<{ rows: string | null }[]>(table);
  return result?.rows ? (JSON.parse(result.rows) as Row[]) : [];
}
