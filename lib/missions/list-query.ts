// Today's mission tables, filtered, ordered, counted and paged in the database (decision 026):
// the API list and CSV, search, the host, city and sending country pages and the editor's
// list. Takes the client (no `server-only`) so the custom server reads through it too.
import { isPostgresClient, type Db } from "@/lib/db/create";
import { storedStatus } from "@/lib/db/stored-values";
import { Prisma } from "@/lib/generated/sqlite/client";
import { queryJsonRows } from "@/lib/history/json-rows";
import { confirmedSql } from "@/lib/status/confirmed-sql";
import type { FreshnessContext } from "@/lib/status/freshness-policies";
import { emptyStatusCounts, statusFilterOf, type StatusCounts, type StatusFilter } from "@/lib/status/schema";
import { foldText } from "@/lib/text/fold";
import { encodeCursor } from "./cursor";
import type { MissionFilters } from "./filters";
import { sortMissions } from "./filter-missions";
import { sortPositionOf, type SortPosition } from "./order";
import { afterSql, missionSortColumns, orderBySql } from "./order-sql";
import type { MissionRow } from "./row-select";
import { loadMissionRowsWhere } from "./row-sql";
import { MAX_PAGE_SIZE } from "./page-sizes";
import { searchWords } from "./search-text";

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, PUBLIC_PAGE_SIZE } from "./page-sizes";

export interface MissionListScope {
  changedSince?: Date;
  /** An editor's host countries (null or absent: every country). */
  hostScope?: readonly string[] | null;
  /** The editor's archive instead of the active missions. */
  archived?: boolean;
}

/** `column IN (values)`; no values keep no row. */
export const anyOf = (column: Prisma.Sql, values: readonly string[]) => (values.length ? Prisma.sql`${column} IN (${Prisma.join(values)})` : Prisma.sql`1 = 0`);

function statusSql(statuses: readonly StatusFilter[]): Prisma.Sql {
  const reported = statuses.filter((status) => status !== "unreported");
  const branches = [...(reported.length ? [anyOf(Prisma.sql`m."status"`, reported)] : []), ...(statuses.includes("unreported") ? [Prisma.sql`m."status" IS NULL`] : [])];
  return Prisma.sql`(${Prisma.join(branches, " OR ")})`;
}

/** A word of a search is a substring of the folded search text, as in memory (no LIKE wildcards). */
const containsSql = (db: Db, word: string) =>
  isPostgresClient(db) ? Prisma.sql`strpos(m."searchText", ${word}) > 0` : Prisma.sql`instr(m."searchText", ${word}) > 0`;

/** Every filter except status (the set whose per-status totals the views show), as conditions on Mission m. */
export function missionFilterSql(db: Db, filters: MissionFilters, context: FreshnessContext, scope: MissionListScope = {}): Prisma.Sql[] {
  const words = filters.q ? searchWords(filters.q) : [];
  return [
    scope.archived ? Prisma.sql`m."archivedAt" IS NOT NULL` : Prisma.sql`m."archivedAt" IS NULL`,
    ...(filters.host ? [Prisma.sql`m."hostCode" = ${filters.host}`] : []),
    ...(scope.hostScope ? [anyOf(Prisma.sql`m."hostCode"`, scope.hostScope)] : []),
    ...(filters.city ? [Prisma.sql`m."cityKey" = ${foldText(filters.city)}`] : []),
    ...(filters.sending.length ? [anyOf(Prisma.sql`m."sendingCode"`, filters.sending)] : []),
    ...(filters.type.length ? [anyOf(Prisma.sql`m."type"`, filters.type)] : []),
    ...(filters.confirmed ? [confirmedSql(context)] : []),
    ...words.map((word) => containsSql(db, word)),
    ...(scope.changedSince ? [Prisma.sql`m."updatedAt" >= ${scope.changedSince}`] : []),
  ];
}

export interface MissionPage {
  rows: MissionRow[];
  /** Per status, every filter but status applied. */
  totals: StatusCounts;
  /** Rows matching every filter, on all pages. */
  matching: number;
  nextCursor: string | null;
}

export function matchingOf(totals: StatusCounts, statuses: readonly StatusFilter[]): number {
  return (statuses.length ? statuses : (Object.keys(totals) as StatusFilter[])).reduce((sum, status) => sum + totals[status], 0);
}

/** Per status, the missions that `conditions` keep. */
export async function countMissionsByStatus(db: Db, conditions: readonly Prisma.Sql[]): Promise<StatusCounts> {
  const statement = Prisma.sql`SELECT m."status" AS "status", COUNT(*) AS "missions" FROM "Mission" m WHERE ${Prisma.join(conditions, " AND ")} GROUP BY m."status"`;
  const groups = await queryJsonRows<[status: string | null, missions: number]>(db, statement, [{ name: "status" }, { name: "missions" }]);
  const totals = emptyStatusCounts();
  // PostgreSQL's COUNT is a bigint, which its JSON gives as a number: Number() for both.
  for (const [status, missions] of groups) totals[statusFilterOf(storedStatus(status, "Mission.status"))] += Number(missions);
  return totals;
}

/** One page of rows in the table order, after `after` (a position from the previous page's cursor). */
export async function loadMissionRowsPage(
  db: Db,
  context: FreshnessContext,
  request: { filters: MissionFilters; limit: number; after?: SortPosition | null; scope?: MissionListScope },
): Promise<{ rows: MissionRow[]; nextCursor: string | null }> {
  const { filters } = request;
  const limit = Math.min(Math.max(1, request.limit), MAX_PAGE_SIZE);
  const columns = missionSortColumns(isPostgresClient(db), Prisma.sql`m."status"`, true);
  const conditions = [
    ...missionFilterSql(db, filters, context, request.scope),
    ...(filters.status.length ? [statusSql(filters.status)] : []),
    ...(request.after ? [afterSql(filters, columns, request.after)] : []),
  ];
  const found = sortMissions(await loadMissionRowsWhere(db, conditions, context, Prisma.sql`ORDER BY ${orderBySql(filters, columns)} LIMIT ${limit + 1}`), filters);
  const rows = found.slice(0, limit);
  const last = rows.at(-1);
  return { rows, nextCursor: found.length > limit && last ? encodeCursor(last, filters) : null };
}

/** A page of rows with the totals and count of the whole matching set. */
export async function loadMissionPage(
  db: Db,
  context: FreshnessContext,
  request: { filters: MissionFilters; limit: number; after?: SortPosition | null; scope?: MissionListScope },
): Promise<MissionPage> {
  const [page, totals] = await Promise.all([loadMissionRowsPage(db, context, request), countMissionsByStatus(db, missionFilterSql(db, request.filters, context, request.scope))]);
  return { ...page, totals, matching: matchingOf(totals, request.filters.status) };
}

/** Every matching row, read page by page (the CSV): memory holds one page of rows at a time. */
export async function* eachMissionRow(db: Db, context: FreshnessContext, filters: MissionFilters, scope?: MissionListScope): AsyncGenerator<MissionRow> {
  let after: SortPosition | null = null;
  for (;;) {
    const { rows } = await loadMissionRowsPage(db, context, { filters, limit: MAX_PAGE_SIZE, after, scope });
    yield* rows;
    const last = rows.at(-1);
    if (!last || rows.length < MAX_PAGE_SIZE) return;
    after = sortPositionOf(last);
  }
}
