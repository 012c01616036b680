// The order of lib/missions/order.ts as raw SQL, for the paged tables today (list-query.ts) and
// at a moment (lib/history/as-of-page.ts): the same primary key, the same place for
// missing values, the same ties (sending country, city, id), and the keyset condition of the
// next page. The columns are the caller's: a key may be a computed expression (the status at T).
import { Prisma } from "@/lib/generated/sqlite/client";
import { nullsLast, primaryKey, type NullableKey, type Order, type SortPosition, type TextKey } from "./order";

/** Each key's SQL expression; a sort whose key is missing cannot be written (the caller pages in memory). */
export type SortColumns = Record<TextKey | "id", Prisma.Sql> & Partial<Record<NullableKey, Prisma.Sql>>;

/** Whether `order` can be written over these columns. */
export function orderableInSql(order: Order, columns: SortColumns): boolean {
  const key = primaryKey(order);
  return "text" in key || columns[key.nullable] !== undefined;
}

function primary(order: Order, columns: SortColumns): { column: Prisma.Sql; name: TextKey | NullableKey; nullable: boolean } {
  const key = primaryKey(order);
  if ("text" in key) return { column: columns[key.text], name: key.text, nullable: false };
  const column = columns[key.nullable];
  if (!column) throw new Error(`no SQL column for the sort by ${order.sort}`);
  return { column, name: key.nullable, nullable: true };
}

/** The ties after the primary key, all ascending; the sending key is left out when it is the primary key. */
function ties(order: Order, columns: SortColumns): Array<{ column: Prisma.Sql; name: "sendingKey" | "cityKey" | "id" }> {
  const all = [
    { column: columns.sendingKey, name: "sendingKey" as const },
    { column: columns.cityKey, name: "cityKey" as const },
    { column: columns.id, name: "id" as const },
  ];
  const key = primaryKey(order);
  return "text" in key && key.text === "sendingKey" ? all.slice(1) : all;
}

/** The ORDER BY list (without the keywords). */
export function orderBySql(order: Order, columns: SortColumns): Prisma.Sql {
  const key = primary(order, columns);
  const direction = Prisma.raw(order.dir === "desc" ? "DESC" : "ASC");
  const nulls = key.nullable ? Prisma.raw(nullsLast(order) ? " NULLS LAST" : " NULLS FIRST") : Prisma.empty;
  return Prisma.join([Prisma.sql`${key.column} ${direction}${nulls}`, ...ties(order, columns).map(({ column }) => Prisma.sql`${column} ASC`)], ", ");
}

/** Rows strictly after `position` in the order: the keyset condition of the next page. */
export function afterSql(order: Order, columns: SortColumns, position: SortPosition): Prisma.Sql {
  const key = primary(order, columns);
  const value = position[key.name];
  const tied = ties(order, columns);
  const tieValues = tied.map(({ name }) => position[name]);
  // All ascending and no null: one row-value comparison, which both databases run as a range
  // on an index over these columns (Mission(sendingKey, cityKey, id) for the default order).
  if (order.dir === "asc" && value !== null) {
    const beyond = Prisma.sql`(${Prisma.join([key.column, ...tied.map(({ column }) => column)], ", ")}) > (${Prisma.join([value, ...tieValues], ", ")})`;
    return key.nullable && nullsLast(order) ? Prisma.sql`(${beyond} OR ${key.column} IS NULL)` : beyond;
  }
  const comparison = Prisma.raw(order.dir === "desc" ? "<" : ">");
  let after: Prisma.Sql;
  let same: Prisma.Sql;
  if (value === null) {
    // Nulls last: nothing after a null but other nulls (the ties); nulls first: every value.
    after = nullsLast(order) ? Prisma.sql`1 = 0` : Prisma.sql`${key.column} IS NOT NULL`;
    same = Prisma.sql`${key.column} IS NULL`;
  } else {
    const beyond = Prisma.sql`${key.column} ${comparison} ${value}`;
    after = key.nullable && nullsLast(order) ? Prisma.sql`(${beyond} OR ${key.column} IS NULL)` : beyond;
    same = Prisma.sql`${key.column} = ${value}`;
  }
  const branches = [after];
  tied.forEach(({ column }, index) => {
    const equalBefore = tied.slice(0, index).map((tie, before) => Prisma.sql`${tie.column} = ${tieValues[before]}`);
    branches.push(Prisma.sql`(${Prisma.join([same, ...equalBefore, Prisma.sql`${column} > ${tieValues[index]}`], " AND ")})`);
  });
  return Prisma.sql`(${Prisma.join(branches, " OR ")})`;
}

/**
 * The order's columns on Mission m, type and status by code point on PostgreSQL as the folded
 * keys are. `status` is the column today, or the status at a moment (lib/history/as-of-page.ts);
 * the times only where they are columns of the rows ordered (today).
 */
export function missionSortColumns(postgres: boolean, status: Prisma.Sql, withTimes: boolean): SortColumns {
  const codePoints = Prisma.raw(postgres ? ` COLLATE "C"` : "");
  return {
    id: Prisma.sql`m."id"`,
    sendingKey: Prisma.sql`m."sendingKey"`,
    hostKey: Prisma.sql`m."hostKey"`,
    cityKey: Prisma.sql`m."cityKey"`,
    type: Prisma.sql`m."type"${codePoints}`,
    status: Prisma.sql`${status}${codePoints}`,
    ...(withTimes ? { statusSince: Prisma.sql`m."statusSince"`, verifiedAt: Prisma.sql`m."verifiedAt"` } : {}),
  };
}
