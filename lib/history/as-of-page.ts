// One page of the table as it stood at a moment, as every list is paged (100 rows and a cursor,
// decision 026), without replaying every mission in full (decision 039). The page is one
// statement (decision 047): the scope's missions in the list's order (lib/missions/order-sql.ts),
// each one's status at T looked up on the history-order index only where a condition or the
// order needs it, stopped by LIMIT, and only those rows read in full by the as-of table's own
// statement (lib/history/as-of.ts). In the default order that walks Mission(sendingKey, cityKey,
// id) and looks up about a page's worth of statuses. The per-status totals need every
// mission's status at T: a GROUP BY, run beside it.
// Filters that need more than that (text search, "confirmed", which needs each row's
// freshness) and the orders by since or verification time take the whole table in memory.
import { isPostgresClient, type Db } from "@/lib/db/create";
import { storedHistoryStatus } from "@/lib/db/stored-values";
import { Prisma } from "@/lib/generated/sqlite/client";
import { encodeCursor } from "@/lib/missions/cursor";
import { pageMissions } from "@/lib/missions/filter-missions";
import { parseMissionFiltersLeniently, type MissionFilters } from "@/lib/missions/filters";
import type { MissionPage } from "@/lib/missions/list-query";
import { comparePositions, sortPositionOf, type SortPosition } from "@/lib/missions/order";
import { afterSql, missionSortColumns, orderBySql } from "@/lib/missions/order-sql";
import type { FreshnessContext } from "@/lib/status/freshness-policies";
import { emptyStatusCounts, statusFilterOf, type StatusCounts, type StatusFilter } from "@/lib/status/schema";
import { foldText } from "@/lib/text/fold";
import { loadMissionsAsOf, type AsOfRow } from "./as-of";
import { queryJsonRows } from "./json-rows";
import type { Moment } from "./moment";

/** Whether the page can be found from statuses and sort keys alone. */
export function pagesByStatusAlone(filters: MissionFilters, changedSince: Date | undefined): boolean {
  return !filters.q && !filters.confirmed && !changedSince && filters.sort !== "since" && filters.sort !== "verified";
}

/**
 * The standing entry's status at T (as as-of.ts picks the entry), "unreported" kept: an entry
 * that says so still puts the mission in the table as known then. On PostgreSQL a lateral
 * join, so a statement that tests it and orders by it looks it up once per mission; on SQLite
 * a correlated subquery (it has no LATERAL), which both plan as one backward index-only scan
 * stopped at its first row.
 */
function statusAt(moment: Moment, postgres: boolean): { join: Prisma.Sql; status: Prisma.Sql } {
  const recorded = moment.known === "then" ? Prisma.sql`AND x."recordedAt" <= ${moment.at}` : Prisma.empty;
  const lookup = Prisma.sql`SELECT x."newStatus" FROM "StatusChange" x WHERE x."missionId" = m."id" AND x."effectiveAt" <= ${moment.at} ${recorded}
    ORDER BY x."effectiveAt" DESC, x."recordedAt" DESC, x."id" DESC LIMIT 1`;
  return postgres ? { join: Prisma.sql`LEFT JOIN LATERAL (${lookup}) st ON true`, status: Prisma.sql`st."newStatus"` } : { join: Prisma.empty, status: Prisma.sql`(${lookup})` };
}

/** Every filter but status, on Mission m, at T. */
function scopeConditions(filters: MissionFilters, moment: Moment): Prisma.Sql[] {
  const conditions = [Prisma.sql`(m."archivedAt" IS NULL OR m."archivedAt" > ${moment.at})`];
  if (filters.host) conditions.push(Prisma.sql`m."hostCode" = ${filters.host}`);
  if (filters.city) conditions.push(Prisma.sql`m."cityKey" = ${foldText(filters.city)}`);
  if (filters.sending.length) conditions.push(Prisma.sql`m."sendingCode" IN (${Prisma.join(filters.sending)})`);
  if (filters.type.length) conditions.push(Prisma.sql`m."type" IN (${Prisma.join(filters.type)})`);
  return conditions;
}

/** As known then, a mission added after T was not in the table, unless an entry about it had been recorded by then (as-of.ts). */
const inTableThen = (moment: Moment, status: Prisma.Sql) => Prisma.sql`(m."createdAt" <= ${moment.at} OR ${status} IS NOT NULL)`;

/** The status filter on the status at T ("unreported": no entry, or one that says so). */
function statusCondition(statuses: readonly StatusFilter[], status: Prisma.Sql): Prisma.Sql {
  const reported = statuses.filter((value) => value !== "unreported");
  const branches = reported.length ? [Prisma.sql`${status} IN (${Prisma.join(reported)})`] : [];
  if (statuses.includes("unreported")) branches.push(Prisma.sql`(${status} IS NULL OR ${status} = 'unreported')`);
  return Prisma.sql`(${Prisma.join(branches, " OR ")})`;
}

/**
 * The ids of one page (and one row more, which says whether another page follows), in the
 * list's order; the status at T is looked up only for the rows a condition or the order reaches.
 */
export function pageIdsStatement(db: Db, filters: MissionFilters, moment: Moment, page: { limit: number; after: SortPosition | null }): Prisma.Sql {
  const postgres = isPostgresClient(db);
  const { join, status } = statusAt(moment, postgres);
  const conditions = scopeConditions(filters, moment);
  if (moment.known === "then") conditions.push(inTableThen(moment, status));
  if (filters.status.length) conditions.push(statusCondition(filters.status, status));
  // The status at T, "unreported" as none; the times are not columns here (pagesByStatusAlone).
  const columns = missionSortColumns(postgres, Prisma.sql`NULLIF(${status}, 'unreported')`, false);
  if (page.after) conditions.push(afterSql(filters, columns, page.after));
  return Prisma.sql`SELECT m."id" FROM "Mission" m ${join} WHERE ${Prisma.join(conditions, " AND ")} ORDER BY ${orderBySql(filters, columns)} LIMIT ${page.limit + 1}`;
}

/**
 * Each mission of the scope with its status at T, for the counts. On SQLite, as known then,
 * a MATERIALIZED CTE: a plain subquery is flattened, and the lookup then ran twice per
 * mission, once for the condition and once for the column (decision 044).
 */
function scopeStatusesStatement(db: Db, filters: MissionFilters, moment: Moment): Prisma.Sql {
  const postgres = isPostgresClient(db);
  const { join, status } = statusAt(moment, postgres);
  const conditions = scopeConditions(filters, moment);
  if (moment.known === "then" && postgres) conditions.push(inTableThen(moment, status));
  const inner = Prisma.sql`SELECT m."id", m."hostCode", m."createdAt", ${status} AS "status" FROM "Mission" m ${join} WHERE ${Prisma.join(conditions, " AND ")}`;
  return moment.known === "then" && !postgres ? Prisma.sql`WITH u AS MATERIALIZED (${inner}) SELECT * FROM u WHERE u."createdAt" <= ${moment.at} OR u."status" IS NOT NULL` : inner;
}

const WHERE = "the as-of page";

/** Per-status totals of the scope at T (every filter but status), counted in the database. */
async function loadTotalsAsOf(db: Db, filters: MissionFilters, moment: Moment): Promise<StatusCounts> {
  const statement = Prisma.sql`SELECT t."status", COUNT(*) AS "missions" FROM (${scopeStatusesStatement(db, filters, moment)}) t GROUP BY t."status"`;
  const groups = await queryJsonRows<[status: string | null, missions: number | string]>(db, statement, [{ name: "status" }, { name: "missions" }]);
  const totals = emptyStatusCounts();
  // PostgreSQL's COUNT is a bigint, which its JSON gives as a number: Number() for both.
  for (const [status, missions] of groups) totals[statusFilterOf(storedHistoryStatus(status, WHERE))] += Number(missions);
  return totals;
}

/**
 * One page of the as-of table in the list's order, read in full in one statement, and
 * whether another follows. Only for pagesByStatusAlone filters.
 */
export async function loadRowsPageAsOf(
  db: Db,
  moment: Moment,
  request: { filters: MissionFilters; limit: number; after: SortPosition | null },
  freshness: FreshnessContext,
): Promise<{ rows: AsOfRow[]; hasMore: boolean }> {
  const fetched = await loadMissionsAsOf(db, { missionIdsFrom: pageIdsStatement(db, request.filters, moment, request) }, moment, freshness);
  const compare = comparePositions(request.filters);
  const ordered = fetched.map((row) => ({ row, position: sortPositionOf(row) })).sort((a, b) => compare(a.position, b.position));
  return { rows: ordered.slice(0, request.limit).map(({ row }) => row), hasMore: ordered.length > request.limit };
}

/**
 * The page of the as-of table that `filters` and `after` ask for: the same rows, totals, count
 * and cursor as pageMissions over the whole table (tests/integration/as-of-page.test.ts compares them).
 */
export async function loadMissionPageAsOf(
  db: Db,
  moment: Moment,
  request: { filters: MissionFilters; limit: number; after: SortPosition | null; changedSince?: Date },
  freshness: FreshnessContext,
): Promise<MissionPage & { rows: AsOfRow[] }> {
  const { filters, limit, after } = request;
  if (!pagesByStatusAlone(filters, request.changedSince)) {
    const rows = (await loadMissionsAsOf(db, { hostCode: filters.host }, moment, freshness)).filter((row) => !request.changedSince || row.updatedAt >= request.changedSince);
    return pageMissions(rows, filters, { limit, after });
  }
  const [{ rows, hasMore }, totals] = await Promise.all([loadRowsPageAsOf(db, moment, { filters, limit, after }, freshness), loadTotalsAsOf(db, filters, moment)]);
  const matching = filters.status.length ? [...new Set(filters.status)].reduce((sum, status) => sum + totals[status], 0) : Object.values(totals).reduce((sum, count) => sum + count, 0);
  const last = rows.at(-1);
  return { rows, totals, matching, nextCursor: hasMore && last ? encodeCursor(last, filters) : null };
}

/** Per host country: how many missions, and how many per status, at `moment`. */
export interface HostCountsAsOf {
  code: string;
  name: string;
  missions: number;
  counts: StatusCounts;
}

/**
 * The home page's host table at a moment (decision 044): the per-status counts of every host,
 * counted in the database from each mission's status at T (the same lookup as the pages'),
 * never the whole table in memory. Ordered by name then code, as loadHostSummaries is.
 */
export async function loadHostCountsAsOf(db: Db, moment: Moment): Promise<HostCountsAsOf[]> {
  const statement = Prisma.sql`SELECT t."hostCode", t."status", COUNT(*) AS "missions" FROM (${scopeStatusesStatement(db, parseMissionFiltersLeniently({}), moment)}) t GROUP BY t."hostCode", t."status"`;
  const [groups, countries] = await Promise.all([
    queryJsonRows<[hostCode: string, status: string | null, missions: number | string]>(db, statement, [{ name: "hostCode" }, { name: "status" }, { name: "missions" }]),
    db.country.findMany({ select: { code: true, name: true } }),
  ]);
  const names = new Map(countries.map((country) => [country.code, country.name]));
  const byHost = new Map<string, HostCountsAsOf>();
  for (const [code, status, missions] of groups) {
    let host = byHost.get(code);
    if (!host) byHost.set(code, (host = { code, name: names.get(code) ?? code, missions: 0, counts: emptyStatusCounts() }));
    // PostgreSQL's COUNT is a bigint, which its JSON gives as a number: Number() for both.
    host.missions += Number(missions);
    host.counts[statusFilterOf(storedHistoryStatus(status, "the host counts as of a moment"))] += Number(missions);
  }
  return [...byHost.values()].sort((a, b) => a.name.localeCompare(b.name, "en") || a.code.localeCompare(b.code));
}
